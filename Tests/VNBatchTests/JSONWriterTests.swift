import Foundation
import Testing
@testable import VNBatch
import VNText

@Suite("JSONWriter")
struct JSONWriterTests {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("quotes, backslash and the short escapes")
    func shortEscapes() {
        #expect(written { $0.string("a\"b\\c") } == #""a\"b\\c""#)
        #expect(written { $0.string("1\n2\r3\t4") } == #""1\n2\r3\t4""#)
        #expect(written { $0.string("") } == #""""#)
        #expect(written { $0.string("/") } == #""/""#)
    }

    @Test("other control characters and DEL become \\u00XX")
    func controlCharacters() {
        #expect(written { $0.string("\u{00}\u{01}\u{08}\u{0B}\u{0C}\u{1F}\u{7F}") }
            == #""\u0000\u0001\u0008\u000b\u000c\u001f\u007f""#)
        // The same through the UTF-16 path.
        #expect(written { $0.string(utf16: [0x00, 0x0A, 0x1B, 0x22, 0x5C, 0x7F]) }
            == #""\u0000\n\u001b\"\\\u007f""#)
    }

    @Test("Vietnamese text is written as raw UTF-8, not \\u escapes")
    func vietnameseStaysRaw() {
        let text = "Đoàn viên “Công đoàn” thủy điện – 100%"
        var writer = JSONWriter()
        writer.string(text)
        #expect(writer.bytes == [0x22] + utf8(text) + [0x22])
        writer.reset()
        writer.string(utf16: Array(text.utf16))
        #expect(writer.bytes == [0x22] + utf8(text) + [0x22])
    }

    @Test("surrogate pairs become one 4-byte scalar")
    func surrogatePairs() {
        let text = "a😀b𝄞"
        var writer = JSONWriter()
        writer.string(utf16: Array(text.utf16))
        #expect(writer.bytes == [0x22] + utf8(text) + [0x22])
        #expect(writer.bytes.count == 2 + 1 + 4 + 1 + 4)
    }

    @Test("lone surrogates become U+FFFD", arguments: [
        ([0xD83D] as [UInt16], "\u{FFFD}"),
        ([0xDE00], "\u{FFFD}"),
        ([0x41, 0xD83D, 0x42], "A\u{FFFD}B"),
        ([0x41, 0xDE00, 0x42], "A\u{FFFD}B"),
        ([0xD83D, 0xD83D, 0xDE00], "\u{FFFD}😀"),
        ([0xDE00, 0xD83D], "\u{FFFD}\u{FFFD}"),
        ([0xD83D, 0x0A], "\u{FFFD}\\n"),
        ([0xD83D, 0x1EA1], "\u{FFFD}ạ"),
    ])
    func loneSurrogates(units: [UInt16], expected: String) {
        var writer = JSONWriter()
        writer.string(utf16: units)
        #expect(writer.bytes == [0x22] + utf8(expected) + [0x22])
        // Always valid UTF-8.
        #expect(String(validating: writer.bytes, as: UTF8.self) != nil)
    }

    @Test("the UTF-16 path takes a slice of a larger buffer")
    func utf16Slice() {
        let units = Array("xxĐoànyy".utf16)
        var writer = JSONWriter()
        writer.string(utf16: units[2..<6])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""Đoàn""#)
    }

    @Test("integers", arguments: [
        (0, "0"), (7, "7"), (10, "10"), (-1, "-1"), (-10, "-10"), (1_234_567, "1234567"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integers(value: Int, expected: String) {
        #expect(written { $0.int(value) } == expected)
    }

    @Test("literals and keys")
    func literals() {
        #expect(written { $0.bool(true) } == "true")
        #expect(written { $0.bool(false) } == "false")
        #expect(written { $0.null() } == "null")
        #expect(written { $0.key("space_before") } == #""space_before":"#)
    }

    @Test("the buffer grows past its initial capacity without losing bytes")
    func growsPastCapacity() {
        var writer = JSONWriter(capacity: 8)
        let long = String(repeating: "Liên đoàn Lao động \u{1F600} ", count: 500)
        writer.raw("[")
        for k in 0..<50 {
            if k > 0 { writer.raw(",") }
            writer.string(utf16: Array(long.utf16))
            writer.raw(",")
            writer.int(-k * 1_000_003)
        }
        writer.raw("]")
        let parsed = try? JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [Any]
        #expect(parsed?.count == 100)
        #expect(parsed?.first as? String == long)
        #expect((parsed?.last as? NSNumber)?.intValue == -49 * 1_000_003)
        #expect(writer.withBytes { Array($0) } == writer.bytes)
    }

    @Test("reset forgets earlier output")
    func reset() {
        var writer = JSONWriter()
        writer.string("first")
        writer.reset()
        #expect(writer.bytes.isEmpty)
        writer.int(5)
        #expect(writer.bytes == utf8("5"))
    }

    @Test("a whole object round-trips through JSONSerialization")
    func roundTrip() throws {
        let tricky = "q\"b\\s\n\r\t\u{01}\u{7F} Đ “x” 😀 \u{00A0}"
        var writer = JSONWriter()
        writer.raw("{")
        writer.key("s")
        writer.string(tricky)
        writer.raw(",")
        writer.key("u")
        writer.string(utf16: Array(tricky.utf16) + [0xD800])
        writer.raw(",")
        writer.key("n")
        writer.int(-42)
        writer.raw(",")
        writer.key("z")
        writer.int(0)
        writer.raw(",")
        writer.key("b")
        writer.bool(true)
        writer.raw(",")
        writer.key("x")
        writer.null()
        writer.raw(",")
        writer.key("a")
        writer.raw("[")
        writer.int(1)
        writer.raw(",")
        writer.string("hai")
        writer.raw("]}")
        #expect(!writer.bytes.contains(0x0A), "a JSON line must not contain a raw newline")
        let object = try #require(parseObject(writer.bytes))
        #expect(object["s"] as? String == tricky)
        #expect(object["u"] as? String == tricky + "\u{FFFD}")
        #expect((object["n"] as? NSNumber)?.intValue == -42)
        #expect((object["z"] as? NSNumber)?.intValue == 0)
        #expect(object["b"] as? Bool == true)
        #expect(object["x"] is NSNull)
        let array = try #require(object["a"] as? [Any])
        #expect(array.count == 2)
        #expect((array[0] as? NSNumber)?.intValue == 1)
        #expect(array[1] as? String == "hai")
    }
}

@Suite("RecordProblem.json")
struct RecordProblemJSONTests {
    @Test("an error with every field")
    func fullError() throws {
        let problem = RecordProblem(.error, at: RecordLocation(source: "dump \"1\".jsonl", line: 7, byteOffset: 120),
                                    byteOffset: 133, id: "bài-1", message: "invalid JSON: bad\nthing")
        let bytes = problem.json()
        #expect(!bytes.contains(0x0A))
        let object = try #require(parseObject(bytes))
        #expect(Set(object.keys) == ["source", "line", "byte", "id", "error"])
        #expect(object["source"] as? String == "dump \"1\".jsonl")
        #expect((object["line"] as? NSNumber)?.intValue == 7)
        #expect((object["byte"] as? NSNumber)?.intValue == 133)
        #expect(object["id"] as? String == "bài-1")
        #expect(object["error"] as? String == "invalid JSON: bad\nthing")
        // The keys come in the documented order.
        let text = String(decoding: bytes, as: UTF8.self)
        let order = ["\"source\"", "\"line\"", "\"byte\"", "\"id\"", "\"error\""].compactMap { text.range(of: $0)?.lowerBound }
        #expect(order.count == 5 && order == order.sorted())
    }

    @Test("a warning without line, byte or id")
    func minimalWarning() throws {
        let problem = RecordProblem(.warning, at: RecordLocation(source: "-"), message: "careful")
        let object = try #require(parseObject(problem.json()))
        #expect(Set(object.keys) == ["source", "warning"])
        #expect(object["source"] as? String == "-")
        #expect(object["warning"] as? String == "careful")
    }

    @Test("description names source, line and byte")
    func description() {
        let problem = RecordProblem(.error, at: RecordLocation(source: "a.jsonl", line: 3), byteOffset: 9, message: "bad")
        #expect(problem.description == "a.jsonl:3 (byte 9): error: bad")
    }
}
