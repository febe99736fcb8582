import VNRules

/// A JSON value as Python's `json.loads` returns it: integers and floats are
/// different, objects keep their key order (a repeated key keeps its first
/// position and its last value), and `NaN`, `Infinity`, `-Infinity` are read.
indirect enum PyValue: Sendable {
    case null
    case bool(Bool)
    /// An integer: its decimal digits (with "-" when negative; "-0" is "0").
    case int(String)
    case float(Double)
    case string(String)
    case array([PyValue])
    case object([(key: String, value: PyValue)])

    /// Python `type(x).__name__`.
    var typeName: String {
        switch self {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        }
    }

    /// The value of `key` in an object (Python `dict.get`).
    func field(_ key: String) -> PyValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { PythonText.same($0.key, key) }?.value
    }

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let digits): return digits != "0"
        case .float(let x): return x != 0
        case .string(let s): return !s.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let fields): return !fields.isEmpty
        }
    }

    /// The integer as a Swift `Int`, saturated at the bounds of `Int`.
    static func saturatedInt(_ digits: String) -> Int {
        if let n = Int(digits) { return n }
        return digits.hasPrefix("-") ? Int.min : Int.max
    }

    /// As a ``JSONValue`` (numbers become `Double`; of two keys that Swift
    /// deems canonically equivalent the later wins).
    var jsonValue: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let digits): return .number(Double(digits) ?? 0)
        case .float(let x): return .number(x)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(\.jsonValue))
        case .object(let fields):
            var out: [String: JSONValue] = [:]
            for (k, v) in fields { out[k] = v.jsonValue }
            return .object(out)
        }
    }

    /// Python `repr(x)`.
    var repr: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let digits): return digits
        case .float(let x): return PythonText.floatRepr(x)
        case .string(let s): return PythonText.repr(s)
        case .array(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { PythonText.repr($0.key) + ": " + $0.value.repr }.joined(separator: ", ") + "}"
        }
    }

    /// Python `str(x)`.
    var str: String {
        if case .string(let s) = self { return s }
        return repr
    }

    /// Python `json.dumps(x, ensure_ascii=False, sort_keys=sortKeys)`.
    func dumps(sortKeys: Bool = false) -> String {
        var out = ""
        write(to: &out, sortKeys: sortKeys)
        return out
    }

    private func write(to out: inout String, sortKeys: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let digits): out += digits
        case .float(let x):
            if x.isNaN { out += "NaN" } else if x.isInfinite { out += x < 0 ? "-Infinity" : "Infinity" } else { out += PythonText.floatRepr(x) }
        case .string(let s): out += PyValue.quote(s)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out, sortKeys: sortKeys)
            }
            out += "]"
        case .object(var fields):
            if sortKeys { fields.sort { PythonText.less($0.key, $1.key) } }
            out += "{"
            for (i, field) in fields.enumerated() {
                if i > 0 { out += ", " }
                out += PyValue.quote(field.key)
                out += ": "
                field.value.write(to: &out, sortKeys: sortKeys)
            }
            out += "}"
        }
    }

    /// A JSON string literal as Python's encoder writes it with `ensure_ascii=False`.
    static func quote(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for c in s.unicodeScalars {
            switch c {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\u{08}": out.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": out.append(contentsOf: "\\f".unicodeScalars)
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
                } else {
                    out.append(c)
                }
            }
        }
        out.append("\"")
        return String(out)
    }

    /// A ``JSONValue`` as a Python value (integral numbers that fit become ints).
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n):
            if n.isFinite, n == n.rounded(.towardZero), abs(n) < 9.007_199_254_740_992e15 {
                self = .int(String(Int64(n)))
            } else {
                self = .float(n)
            }
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(PyValue.init))
        case .object(let fields):
            self = .object(JSONValue.orderedKeys(fields).map { (key: $0, value: PyValue(fields[$0]!)) })
        }
    }
}

/// A `json.loads` failure: Python's message and the character position.
struct PyJSONError: Error {
    var message: String
    var position: Int
}

/// A JSON parser with the acceptance rules, results and error messages of
/// CPython 3.11's `json.loads` (its C scanner, strict mode). It works on
/// UTF-8 bytes; error positions are counted in code points, as Python's are.
struct PyJSONParser {
    private let s: [UInt8]
    private var depth = 0
    private static let maxDepth = 900

    private init(_ s: [UInt8]) { self.s = s }

    /// Python `json.loads(text)`. Errors carry Python's message, e.g.
    /// "Expecting value: line 1 column 1 (char 0)".
    static func loads(_ text: String) throws -> PyValue {
        try loads(utf8: Array(text.utf8))
    }

    /// `json.loads` of valid UTF-8 bytes.
    static func loads(utf8 bytes: [UInt8]) throws -> PyValue {
        var parser = PyJSONParser(bytes)
        do {
            return try parser.decode()
        } catch let e as PyJSONError {
            throw PyJSONError(message: PyJSONParser.describe(e, in: bytes), position: e.position)
        }
    }

    /// The `JSONDecodeError` text: message, line, column and character
    /// (the error's byte offset turned into a code point index).
    private static func describe(_ e: PyJSONError, in s: [UInt8]) -> String {
        if e.position < 0 { return e.message }
        let end = min(e.position, s.count)
        var pos = 0
        var line = 1
        var lastNewline = -1
        for i in 0..<end where s[i] & 0xC0 != 0x80 {
            if s[i] == 0x0A {
                line += 1
                lastNewline = pos
            }
            pos += 1
        }
        return "\(e.message): line \(line) column \(pos - lastNewline) (char \(pos))"
    }

    private mutating func decode() throws -> PyValue {
        if s.count >= 3, s[0] == 0xEF, s[1] == 0xBB, s[2] == 0xBF {
            throw PyJSONError(message: "Unexpected UTF-8 BOM (decode using utf-8-sig)", position: 0)
        }
        var idx = skipWhiteSpace(0)
        let value: PyValue
        do {
            (value, idx) = try scanOnce(idx)
        } catch let stop as StopIteration {
            throw PyJSONError(message: "Expecting value", position: stop.position)
        }
        idx = skipWhiteSpace(idx)
        if idx != s.count { throw PyJSONError(message: "Extra data", position: idx) }
        return value
    }

    /// Python's scanner signals "no value here" with StopIteration(position).
    private struct StopIteration: Error { var position: Int }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    private func skipWhiteSpace(_ start: Int) -> Int {
        var i = start
        while i < s.count {
            switch s[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return i
            }
        }
        return i
    }

    private func matches(_ word: StaticString, at idx: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard idx + n <= s.count else { return false }
        let w = word.utf8Start
        for k in 0..<n where s[idx + k] != w[k] { return false }
        return true
    }

    private mutating func scanOnce(_ idx: Int) throws -> (PyValue, Int) {
        guard idx < s.count else { throw StopIteration(position: idx) }
        let n = s.count
        switch s[idx] {
        case UInt8(ascii: "\""):
            let (text, end) = try scanString(idx + 1)
            return (.string(text), end)
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            if depth > PyJSONParser.maxDepth { throw PyJSONError(message: "nesting too deep", position: idx) }
            return try parseObject(idx + 1)
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            if depth > PyJSONParser.maxDepth { throw PyJSONError(message: "nesting too deep", position: idx) }
            return try parseArray(idx + 1)
        case UInt8(ascii: "n") where idx + 3 < n && matches("null", at: idx):
            return (.null, idx + 4)
        case UInt8(ascii: "t") where idx + 3 < n && matches("true", at: idx):
            return (.bool(true), idx + 4)
        case UInt8(ascii: "f") where idx + 4 < n && matches("false", at: idx):
            return (.bool(false), idx + 5)
        case UInt8(ascii: "N") where idx + 2 < n && matches("NaN", at: idx):
            return (.float(.nan), idx + 3)
        case UInt8(ascii: "I") where idx + 7 < n && matches("Infinity", at: idx):
            return (.float(.infinity), idx + 8)
        case UInt8(ascii: "-") where idx + 8 < n && matches("-Infinity", at: idx):
            return (.float(-.infinity), idx + 9)
        default:
            return try matchNumber(idx)
        }
    }

    private func isDigit(_ i: Int) -> Bool {
        i < s.count && s[i] >= 0x30 && s[i] <= 0x39
    }

    private func isByte(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i < s.count && s[i] == UInt8(c.value)
    }

    private func matchNumber(_ start: Int) throws -> (PyValue, Int) {
        var idx = start
        if isByte(idx, "-") { idx += 1 }
        if isDigit(idx), s[idx] != UInt8(ascii: "0") {
            while isDigit(idx) { idx += 1 }
        } else if isByte(idx, "0") {
            idx += 1
        } else {
            throw StopIteration(position: start)
        }
        let intEnd = idx
        var isFloat = false
        if isByte(idx, "."), isDigit(idx + 1) {
            idx += 2
            while isDigit(idx) { idx += 1 }
            isFloat = true
        }
        if isByte(idx, "e") || isByte(idx, "E") {
            let save = idx
            idx += 1
            if isByte(idx, "-") || isByte(idx, "+") { idx += 1 }
            if isDigit(idx) {
                while isDigit(idx) { idx += 1 }
                isFloat = true
            } else {
                idx = save
            }
        }
        if isFloat {
            return (.float(Double(String(decoding: s[start..<idx], as: UTF8.self)) ?? .nan), idx)
        }
        var digits = String(decoding: s[start..<intEnd], as: UTF8.self)
        if digits == "-0" { digits = "0" }
        return (.int(digits), idx)
    }

    private mutating func parseObject(_ start: Int) throws -> (PyValue, Int) {
        var fields: [(key: String, value: PyValue)] = []
        var position: [CodePoints: Int] = [:]
        var idx = skipWhiteSpace(start)
        let last = s.count - 1
        if idx > last || s[idx] != UInt8(ascii: "}") {
            while idx <= last {
                guard s[idx] == PyJSONParser.quote else {
                    throw PyJSONError(message: "Expecting property name enclosed in double quotes", position: idx)
                }
                let (key, afterKey) = try scanString(idx + 1)
                idx = skipWhiteSpace(afterKey)
                guard idx <= last, s[idx] == UInt8(ascii: ":") else {
                    throw PyJSONError(message: "Expecting ':' delimiter", position: idx)
                }
                idx = skipWhiteSpace(idx + 1)
                let (value, afterValue) = try scanOnce(idx)
                if fields.count < 8 {
                    if let at = fields.firstIndex(where: { PythonText.same($0.key, key) }) {
                        fields[at].value = value
                    } else {
                        fields.append((key: key, value: value))
                    }
                } else {
                    if position.isEmpty {
                        for (k, f) in fields.enumerated() { position[CodePoints(f.key)] = k }
                    }
                    if let at = position[CodePoints(key)] {
                        fields[at].value = value
                    } else {
                        position[CodePoints(key)] = fields.count
                        fields.append((key: key, value: value))
                    }
                }
                idx = skipWhiteSpace(afterValue)
                if idx <= last, s[idx] == UInt8(ascii: "}") { break }
                guard idx <= last, s[idx] == UInt8(ascii: ",") else {
                    throw PyJSONError(message: "Expecting ',' delimiter", position: idx)
                }
                idx = skipWhiteSpace(idx + 1)
            }
            guard idx <= last, s[idx] == UInt8(ascii: "}") else {
                throw PyJSONError(message: "Expecting property name enclosed in double quotes", position: idx)
            }
        }
        return (.object(fields), idx + 1)
    }

    private mutating func parseArray(_ start: Int) throws -> (PyValue, Int) {
        var items: [PyValue] = []
        var idx = skipWhiteSpace(start)
        let last = s.count - 1
        if idx > last || s[idx] != UInt8(ascii: "]") {
            while idx <= last {
                let (value, after) = try scanOnce(idx)
                items.append(value)
                idx = skipWhiteSpace(after)
                if idx <= last, s[idx] == UInt8(ascii: "]") { break }
                guard idx <= last, s[idx] == UInt8(ascii: ",") else {
                    throw PyJSONError(message: "Expecting ',' delimiter", position: idx)
                }
                idx = skipWhiteSpace(idx + 1)
            }
            guard idx <= last, s[idx] == UInt8(ascii: "]") else { throw StopIteration(position: idx) }
        }
        return (.array(items), idx + 1)
    }

    private func hexValue(_ i: Int) -> UInt32? {
        guard i < s.count else { return nil }
        let v = UInt32(s[i])
        switch v {
        case 0x30...0x39: return v - 0x30
        case 0x41...0x46: return v - 0x41 + 10
        case 0x61...0x66: return v - 0x61 + 10
        default: return nil
        }
    }

    /// Four hex digits from `i`; the error names the "u" before them.
    private func fourHex(_ i: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 {
            guard let d = hexValue(i + k) else {
                throw PyJSONError(message: "Invalid \\uXXXX escape", position: i - 1)
            }
            value = value << 4 | d
        }
        return value
    }

    /// `scanstring`: `start` is just after the opening quote.
    private func scanString(_ start: Int) throws -> (String, Int) {
        let begin = start - 1
        let len = s.count
        var out: [UInt8] = []
        var end = start
        while true {
            var next = end
            var c: UInt8 = 0
            while next < len {
                c = s[next]
                if c == PyJSONParser.quote || c == PyJSONParser.backslash { break }
                if c <= 0x1F {
                    throw PyJSONError(message: "Invalid control character at", position: next)
                }
                next += 1
            }
            guard next < len else {
                throw PyJSONError(message: "Unterminated string starting at", position: begin)
            }
            if c == PyJSONParser.quote {
                if out.isEmpty { return (String(decoding: s[end..<next], as: UTF8.self), next + 1) }
                out.append(contentsOf: s[end..<next])
                return (String(decoding: out, as: UTF8.self), next + 1)
            }
            out.append(contentsOf: s[end..<next])
            next += 1  // past the backslash
            guard next < len else {
                throw PyJSONError(message: "Unterminated string starting at", position: begin)
            }
            let e = s[next]
            if e != UInt8(ascii: "u") {
                end = next + 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                default:
                    throw PyJSONError(message: "Invalid \\escape", position: end - 2)
                }
                continue
            }
            next += 1  // past the "u"
            end = next + 4
            if end >= len {
                throw PyJSONError(message: "Invalid \\uXXXX escape", position: next - 1)
            }
            var code = try fourHex(next)
            if (0xD800...0xDBFF).contains(code), end + 6 < len, s[end] == PyJSONParser.backslash, s[end + 1] == UInt8(ascii: "u") {
                let low = try fourHex(end + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    end += 6
                }
            }
            // A lone surrogate (which Python keeps) cannot be held by a Swift
            // string: it becomes U+FFFD.
            out.append(contentsOf: UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}")!)
        }
    }
}
