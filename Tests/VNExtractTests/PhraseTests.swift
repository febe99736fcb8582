import Foundation
import Testing
import VNEngine
import VNEval
import VNExtract
import VNRules

/// A phrase corpus under `corpus/phrases/`: realistic report phrases, none from the seed
/// articles, each with the one entity of the file's types it must yield
/// (`text«mark»text<TAB>type<TAB>value`), or none at all (`text<TAB>none<TAB>`). It checks
/// that the rules generalize beyond their own examples.
struct PhraseFile: Sendable {
    /// The path under the repository root.
    let path: String
    /// The entity types the file is about; entities of other types are ignored.
    let types: Set<String>
    /// The fewest phrases and negative phrases the file must have.
    let minimumPhrases: Int
    let minimumNegatives: Int
    /// Lines known to fail, with the reason; they must still fail (so a fix is noticed).
    let expectedFailures: [Int: String]
    /// Whether an entity's value agrees with the expected one.
    let valuesAgree: @Sendable (_ expected: JSONValue, _ found: JSONValue) -> Bool

    /// Every line of the file and the lines that could not be read.
    var loaded: (phrases: [Phrase], problems: [String]) { Phrase.load(path, types: types) }

    /// Checks one phrase; the problems found, empty when it passes.
    func problems(_ phrase: Phrase) throws -> [String] {
        let found = try SharedExtractor.shared.entities(in: phrase.text, types: types)
        let shown = found.isEmpty ? "nothing" : found.map { "\($0.type) «\($0.text)» \($0.value) (\($0.rule))" }.joined(separator: "; ")
        guard let type = phrase.type, let mark = phrase.mark else {
            return found.isEmpty ? [] : ["line \(phrase.line): expected nothing of \(types.sorted()) in «\(phrase.text)», got \(shown)"]
        }
        let marked = phrase.slice(mark)
        let overlapping = found.filter { $0.type == type && $0.start < mark.upperBound && $0.end > mark.lowerBound }
        guard overlapping.count == 1, let entity = overlapping.first else {
            return ["line \(phrase.line): expected one \(type) covering «\(marked)», got \(shown)"]
        }
        var problems: [String] = []
        if entity.start != mark.lowerBound || entity.end != mark.upperBound {
            problems.append("line \(phrase.line): expected the span «\(marked)», got «\(entity.text)»")
        }
        if let expected = phrase.expected, !valuesAgree(expected, entity.value) {
            problems.append("line \(phrase.line): «\(marked)»: expected \(expected), got \(entity.value)")
        }
        let others = found.filter { $0.start != entity.start || $0.end != entity.end || $0.type != entity.type }
        if !others.isEmpty {
            problems.append("line \(phrase.line): expected only «\(marked)», also got \(others.map { "\($0.type) «\($0.text)» (\($0.rule))" }.joined(separator: "; "))")
        }
        return problems
    }

    /// Runs the checks shared by every phrase file's suite.
    func checkWellFormed() {
        let (phrases, problems) = loaded
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(phrases.count >= minimumPhrases, "expected at least \(minimumPhrases) phrases in \(path), found \(phrases.count)")
        let negatives = phrases.filter { $0.type == nil }.count
        #expect(negatives >= minimumNegatives, "expected at least \(minimumNegatives) negative phrases in \(path), found \(negatives)")
        #expect(Double(expectedFailures.count) < 0.1 * Double(phrases.count), "too many expected failures in \(path)")
    }

    /// Checks `phrase`, honouring the expected failures.
    func check(_ phrase: Phrase) throws {
        let problems = try problems(phrase)
        if let reason = expectedFailures[phrase.line] {
            #expect(!problems.isEmpty, "line \(phrase.line) passes now; remove it from the expected failures (\(reason))")
            return
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }
}

/// `corpus/phrases/numbers-money-quantities.tsv`: the number, money and quantity rules.
@Suite struct PhraseTests {
    static let file = PhraseFile(
        path: "corpus/phrases/numbers-money-quantities.tsv", types: ["money", "quantity"],
        minimumPhrases: 170, minimumNegatives: 40, expectedFailures: [:],
        valuesAgree: { ExampleValues.equal($0, $1) })

    /// Every line of the phrase file, one test case each.
    static let phrases: [Phrase] = file.loaded.phrases

    @Test func phraseFileIsWellFormed() { Self.file.checkWellFormed() }

    @Test(arguments: phrases)
    func phrase(_ phrase: Phrase) throws { try Self.file.check(phrase) }
}

/// One line of the phrase file.
struct Phrase: Sendable, CustomTestStringConvertible {
    /// The 1-based line number in the file.
    let line: Int
    /// The text without the «» marks.
    let text: String
    /// The entity type ("money", "organization", ...); nil for a negative line.
    let type: String?
    /// The marked span in Unicode scalars of `text`; nil for a negative line.
    let mark: Range<Int>?
    /// The expected value; nil for a negative line.
    let expected: JSONValue?

    var testDescription: String { "line \(line): \(text)" }

    /// The part of `text` in `range` (Unicode scalar offsets).
    func slice(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[range])
        return String(view)
    }

    /// The repository root: three levels up from this file (Tests/VNExtractTests/PhraseTests.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The phrases of the file at `relativePath` (from the repository root) and the lines
    /// that could not be read; a positive line's type must be one of `types`.
    static func load(_ relativePath: String, types: Set<String>) -> (phrases: [Phrase], problems: [String]) {
        let path = root.appendingPathComponent(relativePath).path
        guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
            return ([], ["cannot read \(path)"])
        }
        var phrases: [Phrase] = []
        var problems: [String] = []
        for (index, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty || raw.hasPrefix("#") { continue }
            do {
                phrases.append(try parse(String(raw), line: line, types: types))
            } catch {
                problems.append("\(path):\(line): \(error.message)")
            }
        }
        return (phrases, problems)
    }

    struct Problem: Error { let message: String }

    private static func parse(_ raw: String, line: Int, types: Set<String>) throws(Problem) -> Phrase {
        let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else { throw Problem(message: "expected 3 tab-separated fields, found \(fields.count)") }
        let (marked, type, value) = (fields[0], fields[1], fields[2])
        var text = String.UnicodeScalarView()
        var opens: [Int] = [], closes: [Int] = []
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "«": opens.append(text.count)
            case "»": closes.append(text.count)
            default: text.append(scalar)
            }
        }
        let plain = String(text)
        if type == "none" {
            guard opens.isEmpty, closes.isEmpty, value.isEmpty else {
                throw Problem(message: "expected a negative line to have no «» mark and no value")
            }
            return Phrase(line: line, text: plain, type: nil, mark: nil, expected: nil)
        }
        guard types.contains(type) else {
            throw Problem(message: "expected the type \(types.sorted().joined(separator: ", ")) or none, found \(type)")
        }
        guard opens.count == 1, closes.count == 1, opens[0] < closes[0] else {
            throw Problem(message: "expected exactly one «...» mark")
        }
        guard let expected = jsonValue(value), expected.object != nil else {
            throw Problem(message: "expected a JSON object as the value, found \(value)")
        }
        return Phrase(line: line, text: plain, type: type, mark: opens[0]..<closes[0], expected: expected)
    }

    /// A JSON text as a ``JSONValue`` (numbers as doubles), nil if it is not JSON.
    private static func jsonValue(_ text: String) -> JSONValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        return convert(object)
    }

    private static func convert(_ any: Any) -> JSONValue? {
        switch any {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let dictionary as [String: Any]:
            var fields: [String: JSONValue] = [:]
            for (key, value) in dictionary {
                guard let converted = convert(value) else { return nil }
                fields[key] = converted
            }
            return .object(fields)
        case let array as [Any]:
            var items: [JSONValue] = []
            for value in array {
                guard let converted = convert(value) else { return nil }
                items.append(converted)
            }
            return .array(items)
        case let number as NSNumber: return .number(number.doubleValue)
        default: return nil
        }
    }
}

/// One extractor for the built-in rules, built once and shared by every case. An
/// ``Extractor`` is not thread-safe, and test cases run in parallel, so calls take a lock.
final class SharedExtractor: @unchecked Sendable {
    static let shared = SharedExtractor()

    private let lock = NSLock()
    private let extractor: Extractor

    private init() {
        do {
            extractor = try Extractor.standard(ruleSet: RuleLoader.load())
        } catch {
            fatalError("cannot build the extractor: \(error)")
        }
    }

    /// The entities of `types` in `text`.
    func entities(in text: String, types: Set<String>) throws -> [Entity] {
        lock.lock()
        defer { lock.unlock() }
        return try extractor.extract(text).entities.filter { types.contains($0.type) }
    }
}
