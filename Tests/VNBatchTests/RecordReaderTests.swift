import Foundation
import TestSupport
import Testing
@testable import VNBatch
import VNText

@Suite("RecordReader: text files")
struct TextRecordReaderTests {
    @Test("one file is one record; id and source are the path as given")
    func plainFile() throws {
        let dir = try ScratchDirectory()
        let text = "Công đoàn TP Móng Cái\nDòng hai.\n"
        let path = try dir.write("bài.txt", text)
        let results = readAll(.file(path), textOptions())
        #expect(results.count == 1)
        let record = try #require(results.first?.record)
        #expect(record.id == path)
        #expect(record.string == text)
        #expect(record.location == RecordLocation(source: path, line: nil, byteOffset: 0))
        #expect(record.decodingIssues.isEmpty)
    }

    @Test("a leading byte-order mark is not part of the text")
    func byteOrderMark() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + utf8("Xin chào"))
        let record = try #require(readAll(.file(path), textOptions()).first?.record)
        #expect(record.string == "Xin chào")
        #expect(record.text.first == UInt16(UInt8(ascii: "X")))
    }

    @Test("an empty file is one empty record")
    func emptyFile() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("empty.txt", bytes: [])
        let results = readAll(.file(path), textOptions())
        #expect(results.count == 1)
        #expect(results.first?.record?.text == [])
    }

    @Test("invalid UTF-8 fails the record with the bad byte's offset")
    func invalidUTF8() throws {
        let dir = try ScratchDirectory()
        let prefix = utf8("Xin chào ")
        let path = try dir.write("bad.txt", bytes: prefix + [0xFF] + utf8(" bạn"))
        let results = readAll(.file(path), textOptions())
        #expect(results.count == 1)
        let problem = try #require(results.first?.problem)
        #expect(problem.severity == .error)
        #expect(problem.byteOffset == prefix.count)
        #expect(problem.id == path)
        #expect(problem.location.source == path)
        #expect(problem.location.line == nil)
        #expect(problem.message.contains("invalid UTF-8"))
        #expect(problem.message.contains("\(prefix.count)"))
    }

    @Test("with a BOM, the bad byte's offset still counts from the file start")
    func invalidUTF8AfterBOM() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("bad.txt", bytes: [0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28])
        let problem = try #require(readAll(.file(path), textOptions()).first?.problem)
        #expect(problem.byteOffset == 4)
    }

    @Test("lossy mode replaces bad bytes and reports where they were")
    func lossy() throws {
        let dir = try ScratchDirectory()
        let prefix = utf8("Đà Nẵng ")
        let path = try dir.write("bad.txt", bytes: prefix + [0xE1, 0xBB] + utf8(" x ") + [0x80])
        let results = readAll(.file(path), textOptions(lossy: true))
        #expect(results.count == 1)
        let record = try #require(results.first?.record)
        #expect(record.string == "Đà Nẵng \u{FFFD} x \u{FFFD}")
        #expect(record.decodingIssues == [
            DecodingIssue(byteOffset: prefix.count, byteCount: 2),
            DecodingIssue(byteOffset: prefix.count + 5, byteCount: 1),
        ])
    }

    @Test("a file that does not exist is one problem, not a crash")
    func missingFile() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("nope.txt")
        let results = readAll(.file(path), textOptions())
        #expect(results.count == 1)
        let problem = try #require(results.first?.problem)
        #expect(problem.severity == .error)
        #expect(problem.location.source == path)
        #expect(problem.message.contains("cannot open"))
    }

    #if os(Linux)
    @Test("a file that opens but cannot be read is one problem (text and JSON Lines)")
    func readFailure() throws {
        // Reading /proc/self/mem at offset 0 fails with EIO: fopen succeeds, fread does not.
        let path = "/proc/self/mem"
        for options in [textOptions(), jsonlOptions()] {
            let results = readAll(.file(path), options)
            #expect(results.count == 1)
            let problem = try #require(results.first?.problem)
            #expect(problem.location.source == path)
            #expect(problem.message.contains("read failed"), "\(problem.message)")
            #expect(problem.location.line == (options.format == .jsonl ? 1 : nil))
        }
    }
    #endif

    @Test("a directory given as a file is a problem")
    func directoryAsFile() throws {
        let dir = try ScratchDirectory()
        let results = readAll(.file(dir.url.path), textOptions())
        #expect(results.count == 1)
        #expect(results.first?.problem != nil)
    }
}

@Suite("RecordReader: JSON Lines")
struct JSONLRecordReaderTests {
    @Test("CRLF line ends are removed; line numbers and byte offsets are exact")
    func crlf() throws {
        let dir = try ScratchDirectory()
        let line1 = #"{"id":"a","text":"Một"}"#
        let line2 = #"{"id":"b","text":"Hai\r\nba"}"#
        let path = try dir.write("d.jsonl", line1 + "\r\n" + line2 + "\r\n")
        let results = readAll(.file(path), jsonlOptions())
        #expect(results.count == 2)
        let first = try #require(results.first?.record)
        let second = try #require(results.last?.record)
        #expect(first.id == "a")
        #expect(first.string == "Một")
        #expect(first.location == RecordLocation(source: path, line: 1, byteOffset: 0))
        #expect(second.id == "b")
        #expect(second.string == "Hai\r\nba")
        #expect(second.location == RecordLocation(source: path, line: 2, byteOffset: utf8(line1).count + 2))
    }

    @Test("blank and white-space lines are skipped but still counted")
    func blankLines() throws {
        let dir = try ScratchDirectory()
        let x = #"{"id":"x","text":"t1"}"#
        let y = #"{"id":"y","text":"t2"}"#
        let path = try dir.write("d.jsonl", "\n   \n" + x + "\n\t \r\n\n" + y)
        let results = readAll(.file(path), jsonlOptions())
        #expect(results.count == 2)
        #expect(results.map { $0.record?.id } == ["x", "y"])
        #expect(results.map { $0.record?.location.line } == [3, 6])
        // The last line has no newline and is still read.
        #expect(results.last?.record?.string == "t2")
        #expect(results.last?.record?.location.byteOffset == 1 + 4 + utf8(x).count + 1 + 4 + 1)
    }

    @Test("numeric ids become their decimal text")
    func numericIds() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", """
            {"id": 42, "text": "a"}
            {"id": -7, "text": "b"}
            {"id": 0, "text": "c"}
            {"id": 2.5, "text": "d"}
            """)
        let ids = readAll(.file(path), jsonlOptions()).map { $0.record?.id }
        #expect(ids == ["42", "-7", "0", "2.5"])
    }

    @Test("a missing or null id becomes source:line")
    func missingId() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", """
            {"text": "a"}
            {"id": null, "text": "b"}
            """)
        let ids = readAll(.file(path), jsonlOptions()).map { $0.record?.id }
        #expect(ids == ["\(path):1", "\(path):2"])
    }

    @Test("an id that is neither string nor number is an error", arguments: ["true", "false", "[1]", "{\"a\":1}"])
    func badId(value: String) throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", "{\"id\": \(value), \"text\": \"a\"}\n")
        let problem = try #require(readAll(.file(path), jsonlOptions()).first?.problem)
        #expect(problem.message.contains("id field"))
        #expect(problem.location.line == 1)
    }

    @Test("custom id and text fields")
    func customFields() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", #"{"id":"ignored","key":"k1","body":"nội dung","text":"ignored"}"# + "\n")
        let record = try #require(readAll(.file(path), jsonlOptions(idField: "key", textField: "body")).first?.record)
        #expect(record.id == "k1")
        #expect(record.string == "nội dung")
    }

    @Test("JSON escapes in the text are decoded")
    func escapes() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", #"{"id":"e","text":"ho\u00e1 \ud83d\ude00 \"q\"\n\\"}"# + "\n")
        let record = try #require(readAll(.file(path), jsonlOptions()).first?.record)
        #expect(record.string == "hoá 😀 \"q\"\n\\")
    }

    @Test("invalid JSON fails that line only")
    func invalidJSON() throws {
        let dir = try ScratchDirectory()
        let line1 = #"{"id":"a","text":"một"}"#
        let line2 = #"{"id":"b","text":"hai"#
        let line3 = #"{"id":"c","text":"ba"}"#
        let path = try dir.write("d.jsonl", [line1, line2, line3].joined(separator: "\n") + "\n")
        let results = readAll(.file(path), jsonlOptions())
        #expect(results.count == 3)
        #expect(results[0].record?.id == "a")
        #expect(results[2].record?.id == "c")
        let problem = try #require(results[1].problem)
        #expect(problem.severity == .error)
        #expect(problem.location.source == path)
        #expect(problem.location.line == 2)
        #expect(problem.location.byteOffset == utf8(line1).count + 1)
        #expect(problem.byteOffset == utf8(line1).count + 1)
        #expect(problem.message.hasPrefix("invalid JSON"))
    }

    @Test("a JSON value that is not an object is an error", arguments: ["[1,2]", "\"text\"", "12", "null"])
    func notAnObject(line: String) throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", line + "\n")
        let results = readAll(.file(path), jsonlOptions())
        #expect(results.count == 1)
        #expect(results.first?.problem?.location.line == 1)
    }

    @Test("a missing text field is an error that names the id")
    func missingText() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", #"{"id":"r1","body":"x"}"# + "\n")
        let problem = try #require(readAll(.file(path), jsonlOptions()).first?.problem)
        #expect(problem.id == "r1")
        #expect(problem.message.contains("missing text field"))
        #expect(problem.message.contains("\"text\""))
    }

    @Test("a text field that is not a string is an error", arguments: ["12", "null", "[\"a\"]", "{}", "true"])
    func nonStringText(value: String) throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("d.jsonl", "{\"id\":\"r2\",\"text\":\(value)}\n")
        let problem = try #require(readAll(.file(path), jsonlOptions()).first?.problem)
        #expect(problem.id == "r2")
        #expect(problem.message.contains("not a string"))
    }

    @Test("invalid UTF-8 inside a line: the problem's byte is the bad byte's offset in the file")
    func invalidUTF8InLine() throws {
        let dir = try ScratchDirectory()
        let line1 = utf8(#"{"id":"a","text":"Hà Nội"}"#) + [0x0A]
        let before = utf8(#"{"id":"b","text":"Đà "#)
        let line2 = before + [0xC3, 0x28] + utf8(#"x"}"#) + [0x0A]
        let line3 = utf8(#"{"id":"c","text":"Huế"}"#) + [0x0A]
        let path = try dir.write("d.jsonl", bytes: line1 + line2 + line3)
        let results = readAll(.file(path), jsonlOptions())
        #expect(results.count == 3)
        #expect(results[0].record?.id == "a")
        #expect(results[2].record?.id == "c")
        let problem = try #require(results[1].problem)
        let badByte = line1.count + before.count
        #expect(problem.byteOffset == badByte)
        #expect(problem.location.line == 2)
        #expect(problem.location.byteOffset == line1.count)
        #expect(problem.message.contains("invalid UTF-8 at byte \(badByte)"))
    }

    @Test("lossy mode: the record is read with U+FFFD and a file-level byte offset")
    func lossyLine() throws {
        let dir = try ScratchDirectory()
        let line1 = utf8(#"{"id":"a","text":"Hà Nội"}"#) + [0x0A]
        let before = utf8(#"{"id":"b","text":"Đà "#)
        let line2 = before + [0xFF] + utf8(#" Nẵng"}"#) + [0x0A]
        let path = try dir.write("d.jsonl", bytes: line1 + line2)
        let results = readAll(.file(path), jsonlOptions(lossy: true))
        #expect(results.count == 2)
        #expect(results[0].record?.decodingIssues == [])
        let record = try #require(results[1].record)
        #expect(record.id == "b")
        #expect(record.string == "Đà \u{FFFD} Nẵng")
        #expect(record.decodingIssues == [DecodingIssue(byteOffset: line1.count + before.count, byteCount: 1)])
    }

    @Test("a missing JSON Lines file is one problem")
    func missingFile() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("none.jsonl")
        let results = readAll(.file(path), jsonlOptions())
        #expect(results.count == 1)
        #expect(results.first?.problem?.location.source == path)
    }
}

@Suite("LineSplitter and long lines")
struct LineSplitterTests {
    private func lines(of path: String) throws -> [(bytes: [UInt8], offset: Int)] {
        let stream = try ByteStream(.file(path))
        var splitter = LineSplitter(stream)
        var result: [(bytes: [UInt8], offset: Int)] = []
        while let line = try splitter.next() {
            result.append((Array(line.bytes), line.offset))
            #expect(splitter.lineNumber == result.count)
        }
        return result
    }

    @Test("lines longer than a 64 KiB chunk, CRLF split across chunks")
    func longLines() throws {
        let dir = try ScratchDirectory()
        // Line 1 ends with "\r" as the last byte of the first 64 KiB chunk and
        // "\n" as the first byte of the second.
        let expected: [[UInt8]] = [
            [UInt8](repeating: 0x61, count: 65_535),
            [],
            [UInt8](repeating: 0x62, count: 150_001),
            utf8("ngắn"),
            [UInt8](repeating: 0x63, count: 65_536),
            utf8("cuối"),
        ]
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for (index, line) in expected.enumerated() {
            offsets.append(bytes.count)
            bytes += line
            if index == 0 || index == 4 { bytes += [0x0D, 0x0A] }
            else if index < expected.count - 1 { bytes += [0x0A] }
        }
        #expect(bytes[65_535] == 0x0D && bytes[65_536] == 0x0A)
        let path = try dir.write("long.jsonl", bytes: bytes)
        let got = try lines(of: path)
        #expect(got.count == expected.count)
        for (index, line) in got.enumerated() where index < expected.count {
            #expect(line.bytes == expected[index], "line \(index + 1) differs (length \(line.bytes.count))")
            #expect(line.offset == offsets[index], "line \(index + 1) offset")
        }
    }

    @Test("an empty file has no lines; a lone newline has one empty line")
    func emptyInputs() throws {
        let dir = try ScratchDirectory()
        #expect(try lines(of: dir.write("e", bytes: [])).isEmpty)
        let one = try lines(of: dir.write("n", bytes: [0x0A]))
        #expect(one.count == 1)
        #expect(one.first?.bytes == [])
    }

    @Test("a JSON Lines dump larger than 64 KiB with long records reads exactly")
    func largeDump() throws {
        let dir = try ScratchDirectory()
        // Multi-byte letters so that characters straddle chunk boundaries.
        let alphabet = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ ")
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = []
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for index in 0..<6 {
            let length = [40_000, 3, 70_000, 1, 33_333, 90_001][index]
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            texts.append(text)
            offsets.append(bytes.count)
            bytes += utf8(#"{"id":"r\#(index)","text":"\#(text)"}"#) + [0x0A]
        }
        #expect(bytes.count > 3 * 65_536)
        let path = try dir.write("big.jsonl", bytes: bytes)
        let results = readAll(.file(path), jsonlOptions())
        #expect(results.count == texts.count)
        for (index, result) in results.enumerated() where index < texts.count {
            let record = try #require(result.record, "record \(index): \(String(describing: result.problem))")
            #expect(record.id == "r\(index)")
            #expect(record.string == texts[index], "text of record \(index)")
            #expect(record.location.line == index + 1)
            #expect(record.location.byteOffset == offsets[index])
        }
    }
}
