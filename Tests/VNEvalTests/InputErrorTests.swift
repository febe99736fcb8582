import Foundation
import Testing
import VNEval

// Reading errors and warnings: the messages and exit statuses score.py gave
// for these files (named input.jsonl; the other file is the seed gold file):
//
//     python3 /work/shared/tools/score.py input.jsonl corpus/gold/seeds.jsonl --json   (gold)
//     python3 /work/shared/tools/score.py corpus/gold/seeds.jsonl input.jsonl --json   (prediction)

struct InputCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var role: EvalRole
    var status: Int32
    var message: String? = nil
    var warnings: [String] = []

    init(_ name: String, bytes: [UInt8], _ role: EvalRole, status: Int32, message: String? = nil, warnings: [String] = []) {
        self.name = name
        self.bytes = bytes
        self.role = role
        self.status = status
        self.message = message
        self.warnings = warnings
    }

    init(_ name: String, text: String, _ role: EvalRole, status: Int32, message: String? = nil, warnings: [String] = []) {
        self.init(name, bytes: Array(text.utf8), role, status: status, message: message, warnings: warnings)
    }

    var testDescription: String { "\(name) (\(role.rawValue))" }
}

let inputCases: [InputCase] = [
        InputCase("invalid JSON", text: "{\"id\": \"000\", \"entities\": []}\n{\"id\": \n", .gold, status: 2, message: "gold file input.jsonl, line 2: invalid JSON: Expecting value: line 2 column 1 (char 8)"),
        InputCase("invalid JSON", text: "{\"id\": \"000\", \"entities\": []}\n{\"id\": \n", .prediction, status: 2, message: "prediction file input.jsonl, line 2: invalid JSON: Expecting value: line 2 column 1 (char 8)"),
        InputCase("not an object", text: "[1,2]\n", .gold, status: 2, message: "gold file input.jsonl, line 1: expected a JSON object, got list"),
        InputCase("not an object", text: "[1,2]\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: expected a JSON object, got list"),
        InputCase("no id", text: "{\"entities\": []}\n", .gold, status: 2, message: "gold file input.jsonl, line 1: record has no \"id\""),
        InputCase("no id", text: "{\"entities\": []}\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: record has no \"id\""),
        InputCase("entities not a list", text: "{\"id\": \"000\", \"entities\": {}}\n", .gold, status: 2, message: "gold file input.jsonl, line 1: \"entities\" is not a list"),
        InputCase("entities not a list", text: "{\"id\": \"000\", \"entities\": {}}\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: \"entities\" is not a list"),
        InputCase("byte order mark", text: "\u{feff}{\"id\": \"000\"}\n", .gold, status: 2, message: "gold file input.jsonl, line 1: invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"),
        InputCase("byte order mark", text: "\u{feff}{\"id\": \"000\"}\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"),
        InputCase("not UTF-8", bytes: [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22, 0x30, 0x30, 0x30, 0x22, 0x7d, 0x0a, 0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22, 0x30, 0x30, 0x31, 0x22, 0x2c, 0x20, 0x22, 0x78, 0x22, 0x3a, 0x20, 0x22, 0xff, 0x22, 0x7d, 0x0a], .gold, status: 2, message: "gold file input.jsonl, after line 0: not UTF-8: 'utf-8' codec can't decode byte 0xff in position 34: invalid start byte"),
        InputCase("not UTF-8", bytes: [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22, 0x30, 0x30, 0x30, 0x22, 0x7d, 0x0a, 0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22, 0x30, 0x30, 0x31, 0x22, 0x2c, 0x20, 0x22, 0x78, 0x22, 0x3a, 0x20, 0x22, 0xff, 0x22, 0x7d, 0x0a], .prediction, status: 2, message: "prediction file input.jsonl, after line 0: not UTF-8: 'utf-8' codec can't decode byte 0xff in position 34: invalid start byte"),
        InputCase("truncated UTF-8 at the end", bytes: [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22, 0x30, 0x30, 0x30, 0x22, 0x7d, 0x0a, 0xc3], .gold, status: 2, message: "gold file input.jsonl, after line 1: not UTF-8: 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data"),
        InputCase("truncated UTF-8 at the end", bytes: [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22, 0x30, 0x30, 0x30, 0x22, 0x7d, 0x0a, 0xc3], .prediction, status: 2, message: "prediction file input.jsonl, after line 1: not UTF-8: 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data"),
        InputCase("extra data", text: "{\"id\": \"000\"}x\n", .gold, status: 2, message: "gold file input.jsonl, line 1: invalid JSON: Extra data: line 1 column 14 (char 13)"),
        InputCase("extra data", text: "{\"id\": \"000\"}x\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: invalid JSON: Extra data: line 1 column 14 (char 13)"),
        InputCase("control character", text: "{\"id\": \"00\u{1}0\"}\n", .gold, status: 2, message: "gold file input.jsonl, line 1: invalid JSON: Invalid control character at: line 1 column 11 (char 10)"),
        InputCase("control character", text: "{\"id\": \"00\u{1}0\"}\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: invalid JSON: Invalid control character at: line 1 column 11 (char 10)"),
        InputCase("bad escape", text: "{\"id\": \"\\q\"}\n", .gold, status: 2, message: "gold file input.jsonl, line 1: invalid JSON: Invalid \\escape: line 1 column 9 (char 8)"),
        InputCase("bad escape", text: "{\"id\": \"\\q\"}\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: invalid JSON: Invalid \\escape: line 1 column 9 (char 8)"),
        InputCase("unterminated string", text: "{\"id\": \"000\n", .gold, status: 2, message: "gold file input.jsonl, line 1: invalid JSON: Invalid control character at: line 1 column 12 (char 11)"),
        InputCase("unterminated string", text: "{\"id\": \"000\n", .prediction, status: 2, message: "prediction file input.jsonl, line 1: invalid JSON: Invalid control character at: line 1 column 12 (char 11)"),
        InputCase("open array on the last line", text: "{\"id\": \"000\"}\r\n\r\n{\"id\": \"001\", \"entities\": [\r\n", .gold, status: 2, message: "gold file input.jsonl, line 3: invalid JSON: Expecting value: line 2 column 1 (char 28)"),
        InputCase("open array on the last line", text: "{\"id\": \"000\"}\r\n\r\n{\"id\": \"001\", \"entities\": [\r\n", .prediction, status: 2, message: "prediction file input.jsonl, line 3: invalid JSON: Expecting value: line 2 column 1 (char 28)"),
        InputCase("duplicate id", text: "{\"id\": \"000\"}\n\n{\"id\": \"000\", \"entities\": null}\n", .gold, status: 2, message: "gold file input.jsonl, line 3: duplicate id '000'"),
        InputCase("duplicate id", text: "{\"id\": \"000\"}\n\n{\"id\": \"000\", \"entities\": null}\n", .prediction, status: 0, warnings: ["prediction file input.jsonl, line 3: duplicate id '000' ignored (first one kept)", "4 gold document id(s) have no prediction; all their entities count as missed, e.g. '001', '002', '003', '004'"]),
]

@Suite struct InputErrorTests {
    @Test(arguments: inputCases)
    func messageAndStatusAreScorePys(_ c: InputCase) throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let input = try dir.write("input.jsonl", bytes: c.bytes)
        let result = c.role == .gold
            ? EvalCommand.run(goldPath: input, predictionPath: goldPath, json: true, program: "score.py")
            : EvalCommand.run(goldPath: goldPath, predictionPath: input, json: true, program: "score.py")
        let stderr = result.standardError.replacingOccurrences(of: dir.url.path + "/", with: "")
        #expect(result.exitStatus == c.status)
        if let message = c.message {
            #expect(stderr == "score.py: error: \(message)\n")
            #expect(result.standardOutput.isEmpty)
            // The reader alone throws the same message.
            #expect(throws: EvalInputError.self) { try EvalDocumentSet.read(path: input, role: c.role) }
        } else {
            #expect(stderr == c.warnings.map { "score.py: warning: \($0)\n" }.joined())
        }
    }

    @Test func missingFileAndFolder() {
        let missing = EvalCommand.run(goldPath: "/nonexistent/gold.jsonl", predictionPath: goldPath, program: "score.py")
        #expect(missing.exitStatus == 2)
        #expect(missing.standardError == "score.py: error: gold file /nonexistent/gold.jsonl: cannot open: No such file or directory\n")
        let folder = EvalCommand.run(goldPath: goldPath, predictionPath: "/", program: "score.py")
        #expect(folder.exitStatus == 2)
        #expect(folder.standardError == "score.py: error: prediction file /: cannot open: Is a directory\n")
    }

    @Test func optionErrors() throws {
        #expect(throws: EvalInputError.self) { try ScoreOptions.parseTypes(" , ,") }
        #expect(try ScoreOptions.parseTypes("") == nil)
        #expect(try ScoreOptions.parseTypes(" money, date ,money") == ["money", "date"])
        let negative = EvalCommand.run(goldPath: goldPath, predictionPath: goldPath, showErrors: -1)
        #expect(negative.exitStatus == 2)
    }
}
