import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end tests of the built `vnextract` executable.
@Suite("vnextract CLI")
struct CLITests {
    // MARK: - Checks shared by the tokenize tests

    /// Checks one tokenize output object against the original text of the document.
    private func checkTokenized(_ object: [String: Any], original: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(Set(object.keys) == ["id", "tokens", "sentences"], sourceLocation: sourceLocation)
        let tokens = try #require(object["tokens"] as? [[String: Any]], sourceLocation: sourceLocation)
        let sentences = try #require(object["sentences"] as? [[String: Any]], sourceLocation: sourceLocation)
        let scalars = Array(original.unicodeScalars)
        #expect(tokens.count > 50, sourceLocation: sourceLocation)
        #expect(!sentences.isEmpty, sourceLocation: sourceLocation)

        let sentenceRanges: [Range<Int>] = sentences.compactMap { sentence in
            guard let start = intValue(sentence["start"]), let end = intValue(sentence["end"]), start <= end else {
                Issue.record("bad sentence \(sentence)", sourceLocation: sourceLocation)
                return nil
            }
            return start..<end
        }
        for (a, b) in zip(sentenceRanges, sentenceRanges.dropFirst()) {
            #expect(a.upperBound <= b.lowerBound, "sentences overlap or are out of order", sourceLocation: sourceLocation)
        }

        let kinds: Set<String> = ["word", "number", "punctuation", "symbol"]
        let shapes: Set<String> = ["lower", "title", "upper", "mixed", "digits", "none"]
        var previousEnd = 0
        var mismatches: [String] = []
        for (index, token) in tokens.enumerated() {
            guard let start = intValue(token["start"]), let end = intValue(token["end"]),
                  let text = token["text"] as? String,
                  let sentence = intValue(token["sentence"]), let spaceBefore = token["space_before"] as? Bool,
                  let kind = token["kind"] as? String, let shape = token["shape"] as? String,
                  token["norm"] is String, token["key"] is String
            else {
                Issue.record("token \(index) lacks a field or has a wrong type: \(token)", sourceLocation: sourceLocation)
                continue
            }
            guard previousEnd <= start, start < end, end <= scalars.count else {
                Issue.record("token \(index) range \(start)..<\(end) is out of order or outside 0..<\(scalars.count)",
                             sourceLocation: sourceLocation)
                continue
            }
            if scalarSlice(scalars, start..<end) != text {
                mismatches.append("token \(index) \(start)..<\(end): text \"\(text)\" but original has \"\(scalarSlice(scalars, start..<end))\"")
            }
            // What lies between two tokens is white space (or invisible characters).
            let gap = scalars[previousEnd..<start]
            let gapIsSpace = gap.allSatisfy { $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint }
            if !gapIsSpace {
                mismatches.append("token \(index): text between tokens is not white space: \"\(scalarSlice(scalars, previousEnd..<start))\"")
            }
            if index > 0 {
                let hasSpace = gap.contains { $0.properties.isWhitespace }
                if hasSpace != spaceBefore {
                    mismatches.append("token \(index) \"\(text)\": space_before is \(spaceBefore) but the gap is \"\(scalarSlice(scalars, previousEnd..<start))\"")
                }
            }
            #expect(kinds.contains(kind), "token \(index) kind \(kind)", sourceLocation: sourceLocation)
            #expect(shapes.contains(shape), "token \(index) shape \(shape)", sourceLocation: sourceLocation)
            if sentence >= 0 && sentence < sentenceRanges.count {
                let range = sentenceRanges[sentence]
                #expect(range.lowerBound <= start && end <= range.upperBound,
                        "token \(index) is outside its sentence \(sentence)", sourceLocation: sourceLocation)
            } else {
                Issue.record("token \(index) has sentence index \(sentence) of \(sentenceRanges.count)", sourceLocation: sourceLocation)
            }
            previousEnd = end
        }
        // Only white space is left after the last token.
        #expect(scalars[min(previousEnd, scalars.count)...].allSatisfy {
            $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint
        }, sourceLocation: sourceLocation)
        #expect(mismatches.isEmpty, "\(mismatches.count) problems, first: \(mismatches.prefix(5))", sourceLocation: sourceLocation)
    }

    private func seed(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("\(seedsFolder)/\(name)"), encoding: .utf8)
    }

    /// A JSON Lines dump with good records on lines 1, 3 and 4 and a broken one on line 2.
    private func brokenDump(in scratch: ScratchDirectory) throws -> (path: String, brokenLineOffset: Int) {
        let lines = [
            #"{"id":"a","text":"Công đoàn “Móng Cái”"}"#,
            #"{"id":"b","text":"thiếu dấu ngoặc"#,
            #"{"id":"c","text":"Thanh Hóa"}"#,
            #"{"id":"d","text":"Đà Nẵng"}"#,
        ]
        let path = try scratch.write("dump.jsonl", lines.joined(separator: "\n") + "\n")
        return (path, lines[0].utf8.count + 1)
    }

    // MARK: - tokenize

    @Test("tokenize one corpus file: valid JSON Lines whose offsets slice the original")
    func tokenizeOneFile() throws {
        let path = "\(seedsFolder)/000.txt"
        let result = try runVNExtract(["tokenize", path])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let objects = result.outputObjects()
        #expect(objects.count == 1)
        let object = try #require(objects.first)
        #expect(object["id"] as? String == path)
        try checkTokenized(object, original: try seed("000.txt"))
        #expect(result.stderrLines == [summary(read: 1, written: 1, failed: 0)])
    }

    @Test("tokenize the corpus folder: 5 records in sorted order, ids are the paths")
    func tokenizeDirectory() throws {
        let result = try runVNExtract(["tokenize", seedsFolder])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let objects = result.outputObjects()
        let names = ["000.txt", "001.txt", "002.txt", "003.txt", "004.txt"]
        #expect(objects.map { $0["id"] as? String } == names.map { "\(seedsFolder)/\($0)" })
        for (object, name) in zip(objects, names) {
            try checkTokenized(object, original: try seed(name))
        }
        #expect(result.stderrLines == [summary(read: 5, written: 5, failed: 0)])
    }

    @Test("tokenize standard input given as -")
    func tokenizeStandardInput() throws {
        let text = "Xin chào thế giới. Hôm nay trời đẹp!"
        let result = try runVNExtract(["tokenize", "-"], stdin: Array(text.utf8))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let objects = result.outputObjects()
        #expect(objects.count == 1)
        let object = try #require(objects.first)
        #expect(object["id"] as? String == "-")
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        #expect(tokens.compactMap { $0["text"] as? String }
            == ["Xin", "chào", "thế", "giới", ".", "Hôm", "nay", "trời", "đẹp", "!"])
        #expect(tokens.compactMap { intValue($0["sentence"]) } == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.map { [intValue($0["start"]), intValue($0["end"])] } == [[0, 18], [19, 36]])
        let chao = try #require(tokens.dropFirst().first)
        #expect(intValue(chao["start"]) == 4 && intValue(chao["end"]) == 8)
        #expect(chao["key"] as? String == "chao")
        #expect(chao["kind"] as? String == "word")
        #expect(chao["shape"] as? String == "lower")
        #expect(chao["space_before"] as? Bool == true)
    }

    @Test("emoji and symbols outside the BMP count as one scalar each")
    func supplementaryCharacters() throws {
        // 😀 and 𝄞 are surrogate pairs in UTF-16; 👍🏽 is two such scalars.
        let text = "😀 Xin chào 𝄞 bạn 👍🏽. Hết"
        let scalars = Array(text.unicodeScalars)
        // A regression test: the tone-mark step once looped forever on a non-letter surrogate pair.
        let result = try runVNExtract(["tokenize", "-"], stdin: Array(text.utf8), timeout: 10)
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let object = try #require(result.outputObjects().first)
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        var texts: [String] = []
        for token in tokens {
            let start = try #require(intValue(token["start"]))
            let end = try #require(intValue(token["end"]))
            try #require(0 <= start && start < end && end <= scalars.count)
            #expect(token["text"] as? String == scalarSlice(scalars, start..<end))
            texts.append(token["text"] as? String ?? "")
        }
        let xin = try #require(tokens.first { $0["text"] as? String == "Xin" })
        #expect(intValue(xin["start"]) == 2)
        let het = try #require(tokens.last)
        #expect(het["text"] as? String == "Hết")
        #expect(intValue(het["end"]) == scalars.count)
        #expect(texts.contains("bạn"))
    }

    @Test("with no input arguments and a non-terminal standard input, standard input is read")
    func implicitStandardInput() throws {
        let result = try runVNExtract(["normalize"], stdin: Array("một  hai".utf8))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let objects = result.outputObjects()
        #expect(objects.count == 1)
        #expect(objects.first?["id"] as? String == "-")
        #expect(objects.first?["normalized"] as? String == "một hai")
    }

    // MARK: - JSON Lines input and problems

    @Test("a broken record in the middle of a dump: exit 1, the other records in order, one error line")
    func brokenRecordInDump() throws {
        let scratch = try ScratchDirectory()
        let (path, offset) = try brokenDump(in: scratch)
        let result = try runVNExtract(["normalize", "--input-format", "jsonl", path])
        #expect(result.status == 1)
        let objects = result.outputObjects()
        #expect(objects.map { $0["id"] as? String } == ["a", "c", "d"])
        #expect(objects.first?["normalized"] as? String == "Công đoàn \"Móng Cái\"")
        let lines = result.stderrLines
        #expect(lines.count == 2, "stderr: \(result.stderrText)")
        let problem = try #require(parseJSONObject(Array((lines.first ?? "").utf8)))
        #expect(problem["source"] as? String == path)
        #expect(intValue(problem["line"]) == 2)
        #expect(intValue(problem["byte"]) == offset)
        #expect((problem["error"] as? String)?.hasPrefix("invalid JSON") == true)
        #expect(lines.last == summary(read: 4, written: 3, failed: 1))
    }

    @Test("--errors FILE takes the problem lines; the summary stays on standard error")
    func errorsFile() throws {
        let scratch = try ScratchDirectory()
        let (path, _) = try brokenDump(in: scratch)
        let errorsPath = scratch.path("errors.jsonl")
        let result = try runVNExtract(["tokenize", "--input-format", "jsonl", "--errors", errorsPath, path])
        #expect(result.status == 1)
        #expect(result.outputObjects().map { $0["id"] as? String } == ["a", "c", "d"])
        #expect(result.stderrLines == [summary(read: 4, written: 3, failed: 1)])
        let errorLines = splitLines([UInt8](try Data(contentsOf: URL(fileURLWithPath: errorsPath))))
        #expect(errorLines.count == 1)
        let problem = try #require(errorLines.first.flatMap { parseJSONObject($0) })
        #expect(problem["source"] as? String == path)
        #expect(intValue(problem["line"]) == 2)
        #expect(problem["error"] is String)
    }

    @Test("--errors into a folder that does not exist is a usage error")
    func errorsFileUnwritable() throws {
        let scratch = try ScratchDirectory()
        let result = try runVNExtract(["normalize", "--errors", scratch.path("no/such/dir/e.jsonl"), "\(seedsFolder)/001.txt"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
    }

    @Test("--quiet drops the summary but not the problem lines")
    func quiet() throws {
        let scratch = try ScratchDirectory()
        let (path, _) = try brokenDump(in: scratch)
        let failing = try runVNExtract(["normalize", "--quiet", "--input-format", "jsonl", path])
        #expect(failing.status == 1)
        #expect(failing.stdoutLines.count == 3)
        #expect(failing.stderrLines.count == 1)
        #expect(failing.problemObjects.count == 1)
        #expect(!failing.stderrText.contains("records read"))

        let clean = try runVNExtract(["normalize", "--quiet", "\(seedsFolder)/001.txt"])
        #expect(clean.status == 0)
        #expect(clean.stdoutLines.count == 1)
        #expect(clean.stderr.isEmpty, "stderr: \(clean.stderrText)")
    }

    @Test("ids: --id-field/--text-field, numeric ids, missing ids become source:line")
    func jsonlFields() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("custom.jsonl", """
            {"key": 7, "body": "Bảy"}
            {"body": "Không có khóa"}
            {"key": "k3", "body": "Ba", "text": "ignored"}
            """)
        let result = try runVNExtract(["normalize", "--input-format", "jsonl", "--id-field", "key", "--text-field", "body", path])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let objects = result.outputObjects()
        #expect(objects.map { $0["id"] as? String } == ["7", "\(path):2", "k3"])
        #expect(objects.map { $0["normalized"] as? String } == ["Bảy", "Không có khóa", "Ba"])
    }

    @Test("JSON Lines from standard input and from a folder (*.jsonl, *.ndjson only)")
    func jsonlSources() throws {
        let stdinResult = try runVNExtract(["normalize", "--input-format", "jsonl", "-"],
                                           stdin: Array("{\"id\":\"s1\",\"text\":\"một\"}\n{\"text\":5}\n".utf8))
        #expect(stdinResult.status == 1)
        #expect(stdinResult.outputObjects().map { $0["id"] as? String } == ["s1"])
        let problem = try #require(stdinResult.problemObjects.first)
        #expect(problem["source"] as? String == "-")
        #expect(intValue(problem["line"]) == 2)
        #expect(problem["id"] as? String == "-:2")

        let scratch = try ScratchDirectory()
        try scratch.write("dir/b.ndjson", "{\"id\":\"b\",\"text\":\"x\"}\n")
        try scratch.write("dir/a.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n")
        try scratch.write("dir/c.txt", "{\"id\":\"c\",\"text\":\"x\"}\n")
        try scratch.write("dir/sub/0.jsonl", "{\"id\":\"sub0\",\"text\":\"x\"}\n")
        let folderResult = try runVNExtract(["normalize", "--input-format", "jsonl", scratch.path("dir")])
        #expect(folderResult.status == 0, "stderr: \(folderResult.stderrText)")
        #expect(folderResult.outputObjects().map { $0["id"] as? String } == ["a", "b", "sub0"])
    }

    @Test("invalid UTF-8 in a text file: exit 1 and an error naming the byte")
    func invalidUTF8() throws {
        let scratch = try ScratchDirectory()
        let prefix = Array("Xin chào ".utf8)
        let path = try scratch.write("bad.txt", bytes: prefix + [0xFF] + Array(" bạn".utf8))
        let result = try runVNExtract(["normalize", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let problems = result.problemObjects
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem["source"] as? String == path)
        #expect(intValue(problem["byte"]) == prefix.count)
        #expect(problem["id"] as? String == path)
        #expect((problem["error"] as? String)?.contains("UTF-8") == true)
        #expect(result.stderrLines.last == summary(read: 1, written: 0, failed: 1))
    }

    @Test("the same file with --lossy: exit 0, U+FFFD in the output and a warning")
    func invalidUTF8Lossy() throws {
        let scratch = try ScratchDirectory()
        let prefix = Array("Xin chào ".utf8)
        let path = try scratch.write("bad.txt", bytes: prefix + [0xFF] + Array(" bạn".utf8))
        let result = try runVNExtract(["normalize", "--lossy", path])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let objects = result.outputObjects()
        #expect(objects.count == 1)
        #expect(objects.first?["normalized"] as? String == "Xin chào \u{FFFD} bạn")
        let problems = result.problemObjects
        #expect(problems.count == 1)
        let warning = try #require(problems.first)
        #expect(warning["warning"] is String)
        #expect(warning["error"] == nil)
        #expect(intValue(warning["byte"]) == prefix.count)
        #expect(warning["source"] as? String == path)
        #expect(result.stderrLines.last?.hasPrefix(summary(read: 1, written: 1, failed: 0)) == true)
    }

    @Test("a missing file among good ones: the good ones are written, exit 1")
    func missingFile() throws {
        let missing = "\(seedsFolder)/does-not-exist.txt"
        let result = try runVNExtract(["normalize", "\(seedsFolder)/000.txt", missing, "\(seedsFolder)/001.txt"])
        #expect(result.status == 1)
        #expect(result.outputObjects().map { $0["id"] as? String } == ["\(seedsFolder)/000.txt", "\(seedsFolder)/001.txt"])
        let problems = result.problemObjects
        #expect(problems.count == 1)
        #expect(problems.first?["source"] as? String == missing)
        #expect(problems.first?["error"] is String)
        #expect(result.stderrLines.last == summary(read: 3, written: 2, failed: 1))
    }

    @Test("a file that exists but cannot be read is a record error", .enabled(if: geteuid() != 0, "root can read any file"))
    func unreadableFile() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("locked.txt", "bí mật")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let result = try runVNExtract(["normalize", path, "\(seedsFolder)/001.txt"])
        #expect(result.status == 1)
        #expect(result.outputObjects().map { $0["id"] as? String } == ["\(seedsFolder)/001.txt"])
        #expect(result.problemObjects.first?["source"] as? String == path)
    }

    // MARK: - Usage and version

    @Test("usage errors exit 2 with one line on standard error", arguments: [
        ["tokenize", "--bogus", "corpus/seeds/000.txt"],
        ["normalize", "--input-format", "xml", "corpus/seeds/000.txt"],
        ["frobnicate"],
        ["normalize", "--id-field", "", "corpus/seeds/000.txt"],
    ])
    func usageError(arguments: [String]) throws {
        let result = try runVNExtract(arguments)
        #expect(result.status == 2, "stderr: \(result.stderrText)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderrText)")
        #expect(result.stderrLines.first?.hasPrefix("vnextract: error:") == true)
    }

    @Test("--version names the ICU version")
    func version() throws {
        let result = try runVNExtract(["--version"])
        #expect(result.status == 0)
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.contains("vnextract"))
        #expect(text.contains("ICU"))
        #expect(text.range(of: #"ICU \d+(\.\d+)*"#, options: .regularExpression) != nil, "\(text)")
    }

    // MARK: - normalize

    @Test("normalize folds Ð, NBSP and typographic punctuation")
    func normalizeCharacters() throws {
        let input = "Ðà\u{00A0}Nẵng  hoá “xin chào…”"
        let result = try runVNExtract(["normalize", "-"], stdin: Array(input.utf8))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let objects = result.outputObjects()
        #expect(objects.count == 1)
        let normalized = try #require(objects.first?["normalized"] as? String)
        #expect(!normalized.contains("\u{00A0}"))
        #expect(!normalized.contains("Ð"))
        #expect(!normalized.contains("“") && !normalized.contains("”") && !normalized.contains("…"))
        #expect(normalized.hasPrefix("Đà Nẵng "))
        #expect(normalized.hasSuffix(" \"xin chào...\""))
        // Tone placement in "hoá" is another step's business: accept either style.
        #expect(normalized.contains(" hoá ") || normalized.contains(" hóa "))
        #expect(normalized.unicodeScalars.count == normalized.precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test("normalization switches turn steps off")
    func normalizeSwitches() throws {
        let input = "Ðà “x”"
        let result = try runVNExtract(["normalize", "--no-lookalikes", "--no-punctuation", "-"], stdin: Array(input.utf8))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let normalized = try #require(result.outputObjects().first?["normalized"] as? String)
        #expect(normalized == "Ðà “x”")
    }
}
