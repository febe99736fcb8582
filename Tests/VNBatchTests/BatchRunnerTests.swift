import Foundation
import TestSupport
import Testing
@testable import VNBatch
import VNText

@Suite("BatchRunner")
struct BatchRunnerTests {
    private struct Boom: Error, CustomStringConvertible {
        var description: String { "boom" }
    }

    /// Runs a normalize batch writing to files; returns stats, output lines and problem lines.
    private func runNormalize(
        _ items: [InputItem], initial: [RecordProblem] = [], options: ReaderOptions, in dir: ScratchDirectory,
        failing failingId: String? = nil
    ) throws -> (stats: BatchStats, output: [[String: Any]], problems: [[String: Any]]) {
        let outputPath = dir.path("out.jsonl")
        let problemsPath = dir.path("problems.jsonl")
        let stats: BatchStats
        do {
            let output = try LineSink(path: outputPath)
            let problems = try LineSink(path: problemsPath)
            let runner = BatchRunner(reader: RecordReader(options: options), output: output, problems: problems)
            let normalizer = Normalizer()
            try runner.run(items, initial: initial) { record, writer in
                if record.id == failingId { throw Boom() }
                DocumentJSON.writeNormalized(id: record.id, try normalizer.normalize(record.text), to: &writer)
            }
            try problems.flush()
            stats = runner.stats
        }
        let output = try fileLines(outputPath).compactMap { parseObject($0) }
        let problems = try fileLines(problemsPath).compactMap { parseObject($0) }
        return (stats, output, problems)
    }

    @Test("a bad record in the middle does not stop the rest")
    func badRecordInTheMiddle() throws {
        let dir = try ScratchDirectory()
        let lines = [
            #"{"id":"1","text":"Một  “hai”"}"#,
            #"{"id":"2","text":"#,
            #"{"id":"3","text":"Ba"}"#,
            #"{"id":"4","body":"no text"}"#,
            #"{"id":"5","text":"Năm\u00a0sáu"}"#,
        ]
        let dump = try dir.write("dump.jsonl", lines.joined(separator: "\n") + "\n")
        let (stats, output, problems) = try runNormalize([.file(dump)], options: jsonlOptions(), in: dir)
        #expect(stats.read == 5)
        #expect(stats.written == 3)
        #expect(stats.failed == 2)
        #expect(stats.warnings == 0)
        #expect(stats.read == stats.written + stats.failed)
        #expect(output.map { $0["id"] as? String } == ["1", "3", "5"])
        #expect(output.map { Set($0.keys) } == Array(repeating: ["id", "normalized"], count: 3))
        #expect(output.first?["normalized"] as? String == "Một \"hai\"")
        #expect(output.last?["normalized"] as? String == "Năm sáu")
        #expect(problems.count == 2)
        #expect(problems.map { ($0["line"] as? NSNumber)?.intValue } == [2, 4])
        #expect(problems.allSatisfy { $0["source"] as? String == dump && $0["error"] is String })
        #expect(problems.last?["id"] as? String == "4")
        #expect(stats.summary == "vnextract: 5 records read, 3 written, 2 failed")
    }

    @Test("initial problems come first; several inputs keep their order")
    func initialProblemsAndManyInputs() throws {
        let dir = try ScratchDirectory()
        let a = try dir.write("a.txt", "Văn bản A")
        let b = try dir.write("b.jsonl", "x")  // read as text: any bytes are fine
        let missing = dir.path("gone.txt")
        let (items, initial) = InputCollector.collect([a, missing, b], format: .text)
        let (stats, output, problems) = try runNormalize(items, initial: initial, options: textOptions(), in: dir)
        #expect(stats == {
            var expected = BatchStats()
            expected.read = 3
            expected.written = 2
            expected.failed = 1
            return expected
        }())
        #expect(output.map { $0["id"] as? String } == [a, b])
        #expect(problems.count == 1)
        #expect(problems.first?["source"] as? String == missing)
    }

    @Test("an error thrown while processing fails that record only")
    func processingError() throws {
        let dir = try ScratchDirectory()
        let dump = try dir.write("d.jsonl", """
            {"id":"ok1","text":"a"}
            {"id":"bad","text":"b"}
            {"id":"ok2","text":"c"}
            """)
        let (stats, output, problems) = try runNormalize([.file(dump)], options: jsonlOptions(), in: dir, failing: "bad")
        #expect(stats.read == 3 && stats.written == 2 && stats.failed == 1)
        #expect(output.map { $0["id"] as? String } == ["ok1", "ok2"])
        #expect(problems.count == 1)
        #expect(problems.first?["id"] as? String == "bad")
        #expect(problems.first?["error"] as? String == "boom")
        #expect((problems.first?["line"] as? NSNumber)?.intValue == 2)
    }

    @Test("lossy warnings are reported and the record is still written")
    func lossyWarnings() throws {
        let dir = try ScratchDirectory()
        let prefix = utf8("Quảng ")
        let path = try dir.write("w.txt", bytes: prefix + [0xFE] + utf8(" Ninh ") + [0xC0, 0xAF])
        let (stats, output, problems) = try runNormalize([.file(path)], options: textOptions(lossy: true), in: dir)
        #expect(stats.read == 1 && stats.written == 1 && stats.failed == 0)
        #expect(stats.warnings == 3)
        #expect(stats.summary == "vnextract: 1 record read, 1 written, 0 failed, 3 warnings")
        #expect(output.count == 1)
        #expect(output.first?["normalized"] as? String == "Quảng \u{FFFD} Ninh \u{FFFD}\u{FFFD}")
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0["warning"] is String && $0["error"] == nil })
        #expect(problems.map { ($0["byte"] as? NSNumber)?.intValue } == [prefix.count, prefix.count + 7, prefix.count + 8])
        #expect(problems.first?["id"] as? String == path)
    }

    @Test("tokens: scalar offsets slice the original text, also after surrogate pairs and NFD marks")
    func tokenOffsets() throws {
        let dir = try ScratchDirectory()
        // "hoá" in NFD, letters outside the BMP (surrogate pairs in UTF-16), Ð, NBSP and curly quotes.
        // (Emoji are covered by the CLI tests, in a subprocess with a time limit.)
        let original = "𠀀 Ðoàn\u{00A0}“ho\u{0061}\u{0301}” 12,5% 𝐀x … Hết."
        let path = try dir.write("t.txt", original)
        let outputPath = dir.path("tokens.jsonl")
        do {
            let output = try LineSink(path: outputPath)
            let problems = try LineSink(path: dir.path("p.jsonl"))
            let runner = BatchRunner(reader: RecordReader(options: textOptions()), output: output, problems: problems)
            let tokenizer = try Tokenizer()
            let normalizer = Normalizer()
            try runner.run([.file(path)]) { record, writer in
                DocumentJSON.writeTokens(id: record.id, try tokenizer.tokenize(normalizer.normalize(record.text)), to: &writer)
            }
            #expect(runner.stats.written == 1)
        }
        let lines = try fileLines(outputPath)
        #expect(lines.count == 1)
        let object = try #require(lines.first.flatMap { parseObject($0) })
        #expect(object["id"] as? String == path)
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        let scalars = Array(original.unicodeScalars)
        #expect(tokens.count >= 8)
        var previousEnd = 0
        for token in tokens {
            #expect(Set(token.keys) == ["start", "end", "text", "norm", "key", "kind", "shape", "space_before", "sentence"])
            let start = try #require((token["start"] as? NSNumber)?.intValue)
            let end = try #require((token["end"] as? NSNumber)?.intValue)
            #expect(previousEnd <= start && start < end && end <= scalars.count)
            previousEnd = end
            guard start <= end, end <= scalars.count, start >= 0 else { continue }
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(token["text"] as? String == String(slice))
            let sentence = try #require((token["sentence"] as? NSNumber)?.intValue)
            #expect(sentence >= 0 && sentence < sentences.count)
        }
        let texts = tokens.compactMap { $0["text"] as? String }
        #expect(texts.contains("Ðoàn"))
        #expect(texts.contains("𠀀"))
        let doanStart = try #require(tokens.first { ($0["text"] as? String) == "Ðoàn" }.flatMap { ($0["start"] as? NSNumber)?.intValue })
        #expect(doanStart == 2, "a surrogate pair counts as one scalar")
        let hoa = try #require(tokens.first { ($0["text"] as? String) == "ho\u{0061}\u{0301}" })
        // Its norm is NFC; where the tone mark goes is the tone step's business.
        #expect((hoa["norm"] as? String)?.unicodeScalars.count == 3)
        #expect(hoa["key"] as? String == "hoa")
        let doan = try #require(tokens.first { ($0["text"] as? String) == "Ðoàn" })
        #expect(doan["norm"] as? String == "Đoàn")
        #expect(doan["key"] as? String == "doan")
        #expect(doan["kind"] as? String == "word")
        #expect(doan["shape"] as? String == "title")
        // Sentences are in order and inside the text.
        var sentenceEnd = 0
        for sentence in sentences {
            let start = try #require((sentence["start"] as? NSNumber)?.intValue)
            let end = try #require((sentence["end"] as? NSNumber)?.intValue)
            #expect(sentenceEnd <= start && start <= end && end <= scalars.count)
            sentenceEnd = end
        }
    }

    @Test("LineSink(path:) in a folder that does not exist throws OutputError")
    func unwritableSink() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("no/such/folder/out.jsonl")
        #expect(throws: OutputError.self) { try LineSink(path: path) }
        do {
            _ = try LineSink(path: path)
        } catch {
            #expect(error.destination == path)
            #expect(error.description.hasPrefix("cannot write to \(path)"))
        }
    }

    @Test("LineSink writes whole lines and truncates an existing file")
    func sinkTruncates() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("o.txt", "old content that is longer\n")
        do {
            let sink = try LineSink(path: path)
            try sink.writeLine("một")
            try sink.writeLine([0x7B, 0x7D])
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect([UInt8](data) == utf8("một\n{}\n"))
    }
}
