import Foundation
import TestSupport
import Testing
@testable import VNBatch
import VNText

/// The JSON Lines fast path must agree with JSONSerialization: where it reads
/// a record, the id and text must equal the full parser's; where the line is
/// not valid JSON, it must decline (so the full parser reports the error).
@Suite struct JSONLineScannerTests {
    private let id = Array("id".utf16), text = Array("text".utf16)

    private func scan(_ line: String) -> JSONLineScanner.Record? {
        JSONLineScanner.scan(Array(line.utf16), idField: id, textField: text)
    }

    /// (id, text) as JSONSerialization reads them, or nil when it fails or the shape differs.
    private func reference(_ line: String) -> (id: String?, text: String)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]),
              let record = object as? [String: Any], let text = record["text"] as? String else { return nil }
        switch record["id"] {
        case nil, is NSNull: return (nil, text)
        case let string as String: return (string, text)
        case let number as NSNumber: return (number.stringValue, text)
        default: return nil
        }
    }

    @Test(arguments: [
        #"{"id": "a1", "text": "Công đoàn TP Móng Cái"}"#,
        #"{"text":"x","id":42}"#,
        #"  {"id": -7, "meta": {"a": [1, 2.5e-3, true, false, null, {"b": "c"}]}, "text": "d\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}  "#,
        #"{"id": null, "text": ""}"#,
        #"{"text": "no id"}"#,
    ])
    func readsCommonRecords(_ line: String) throws {
        let record = try #require(scan(line))
        let expected = try #require(reference(line))
        #expect(record.id == expected.id)
        #expect(String(utf16CodeUnits: record.text) == expected.text)
    }

    @Test(arguments: [
        #"{"id": "a", "text": "x""#,               // unterminated
        #"{"id": "a" "text": "x"}"#,               // missing comma
        #"{"id": "a", "text": "x",}"#,             // trailing comma
        #"{"id": 01, "text": "x"}"#,               // leading zero
        #"{"id": 1.5, "text": "x"}"#,              // fractional id: the full parser formats it
        #"{"id": 12345678901234567890, "text": "x"}"#,
        #"{"text": 5}"#,                           // text not a string
        #"{"id": "a"}"#,                           // no text
        #"{"text": "a", "text": "b"}"#,            // repeated field
        #"{"text": "a\ud800"}"#,                   // lone surrogate escape
        #"{"text": "a\x"}"#,                       // bad escape
        "{\"text\": \"tab\there\"}",               // raw control character
        #"["text", "x"]"#,                         // not an object
        #"{"text": "x", "n": -}"#,                 // bad number
        #"{"text": "x", "n": 1.}"#,
        #"{"text": "x", "n": tru}"#,
        #"{"text": "x"} {"#,                       // trailing garbage
        "\u{FEFF}{\"text\": \"x\"}",               // byte order mark
    ])
    func declinesEverythingElse(_ line: String) {
        #expect(scan(line) == nil)
    }

    @Test func agreesWithJSONSerializationOnGeneratedLines() throws {
        var generator = SeededGenerator(seed: 2026_11_23)
        let strings = ["", "Hà Nội", "1.332 công đoàn", "\\\"", "\\n", "\\u0041", "\\u1EA1", "\\ud83d\\ude00", "😀", "a\\/b", "\\t"]
        let scalars = ["0", "-12", "3.25", "1e9", "-0.5E+2", "true", "false", "null"]
        func value(_ depth: Int) -> String {
            switch Int.random(in: 0..<(depth > 2 ? 2 : 4), using: &generator) {
            case 0: return "\"\(strings.randomElement(using: &generator)!)\""
            case 1: return scalars.randomElement(using: &generator)!
            case 2: return "[" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in value(depth + 1) }.joined(separator: ", ") + "]"
            default:
                return "{" + (0..<Int.random(in: 0...3, using: &generator)).map { k in "\"k\(k)\": \(value(depth + 1))" }.joined(separator: ",") + "}"
            }
        }
        var agreed = 0
        for _ in 0..<2000 {
            var fields = (0..<Int.random(in: 0...3, using: &generator)).map { k in "\"f\(k)\": \(value(0))" }
            fields.insert("\"text\": \"\(strings.randomElement(using: &generator)!) \(strings.randomElement(using: &generator)!)\"",
                          at: Int.random(in: 0...fields.count, using: &generator))
            if Bool.random(using: &generator) {
                fields.append("\"id\": " + (Bool.random(using: &generator) ? "\(Int.random(in: -999...99999, using: &generator))" : "\"r\(agreed)\""))
            }
            var line = "{" + fields.joined(separator: Bool.random(using: &generator) ? ", " : ",") + "}"
            // Sometimes break it: drop or duplicate one character.
            if Int.random(in: 0..<4, using: &generator) == 0, !line.isEmpty {
                var chars = Array(line)
                let k = Int.random(in: 0..<chars.count, using: &generator)
                if Bool.random(using: &generator) { chars.remove(at: k) } else { chars.insert(chars[k], at: k) }
                line = String(chars)
            }
            let expected = reference(line)
            guard let record = scan(line) else { continue }  // declining is always allowed
            let reference = try #require(expected, "the scanner read a line the full parser rejects: \(line)")
            #expect(record.id == reference.id, "\(line)")
            #expect(String(utf16CodeUnits: record.text) == reference.text, "\(line)")
            agreed += 1
        }
        #expect(agreed > 1000, "the fast path should read most well-formed lines, read \(agreed)")
    }
}
