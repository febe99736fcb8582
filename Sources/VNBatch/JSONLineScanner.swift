import VNText

/// A fast path for the common JSON Lines record: one object whose text field
/// is a string and whose id is a string, an integer, null or absent.
///
/// It scans the line's decoded UTF-16 once, validating the whole object
/// against the JSON grammar (RFC 8259) while it goes, and copies the text
/// field's characters straight into the record: no `Any` tree, no bridging.
/// Whenever the line is anything else (invalid JSON, not an object, a text
/// that is not a string, a fractional or huge id, a repeated field, a lone
/// surrogate escape), it returns nil and the reader falls back to
/// `JSONSerialization`, which gives the exact error or the exact value.
struct JSONLineScanner {
    /// What the fast path found.
    struct Record {
        /// The id as a string (an integer id in decimal), or nil when absent or null.
        var id: String?
        var text: [UInt16]
    }

    private let units: UnsafeBufferPointer<UInt16>
    private var i = 0

    private init(_ units: UnsafeBufferPointer<UInt16>) {
        self.units = units
    }

    /// The record in `units`, or nil to fall back to the full parser.
    static func scan(_ units: [UInt16], idField: [UInt16], textField: [UInt16]) -> Record? {
        units.withUnsafeBufferPointer { buffer in
            var scanner = JSONLineScanner(buffer)
            return scanner.record(idField: idField, textField: textField)
        }
    }

    private mutating func record(idField: [UInt16], textField: [UInt16]) -> Record? {
        skipSpace()
        guard consume(0x7B) else { return nil }  // {
        var id: String?, text: [UInt16]?
        var sawID = false
        skipSpace()
        if !consume(0x7D) {  // }
            while true {
                skipSpace()
                guard peek == 0x22 else { return nil }
                var key: [UInt16] = []
                guard string(into: &key) else { return nil }
                skipSpace()
                guard consume(0x3A) else { return nil }  // :
                skipSpace()
                if key == textField {
                    guard text == nil, peek == 0x22 else { return nil }
                    var value: [UInt16] = []
                    guard string(into: &value) else { return nil }
                    text = value
                } else if key == idField {
                    guard !sawID else { return nil }
                    sawID = true
                    guard let value = idValue() else { return nil }
                    id = value
                } else {
                    guard skipValue(depth: 0) else { return nil }
                }
                skipSpace()
                if consume(0x2C) { continue }  // ,
                guard consume(0x7D) else { return nil }
                break
            }
        }
        skipSpace()
        guard i == units.count, let text else { return nil }
        return Record(id: id, text: text)
    }

    private var peek: UInt16? { i < units.count ? units[i] : nil }

    private mutating func consume(_ unit: UInt16) -> Bool {
        guard i < units.count, units[i] == unit else { return false }
        i += 1
        return true
    }

    private mutating func skipSpace() {
        while i < units.count, units[i] == 0x20 || units[i] == 0x09 || units[i] == 0x0A || units[i] == 0x0D { i += 1 }
    }

    /// An id: a string, an integer that fits in 64 bits, or null (nil inside the
    /// optional). Returns nil (outer) for anything else.
    private mutating func idValue() -> String?? {
        if peek == 0x22 {
            var value: [UInt16] = []
            guard string(into: &value) else { return nil }
            return .some(String(utf16CodeUnits: value))
        }
        if literal("null") { return .some(nil) }
        let start = i
        _ = consume(0x2D)  // -
        let digitsStart = i
        while let unit = peek, unit >= 0x30, unit <= 0x39 { i += 1 }
        let digits = i - digitsStart
        // A plain integer only, without a leading zero; floats, exponents and
        // huge numbers keep the full parser's formatting.
        guard digits > 0, digits <= 18, digits == 1 || units[digitsStart] != 0x30 else { return nil }
        if let unit = peek, unit == 0x2E || unit == 0x65 || unit == 0x45 { return nil }
        let text = String(utf16CodeUnits: units[start..<i])
        return text == "-0" ? nil : .some(text)
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + bytes.count <= units.count else { return false }
        for (k, byte) in bytes.enumerated() where units[i + k] != UInt16(byte) { return false }
        i += bytes.count
        return true
    }

    /// Reads a string at `i` (its opening quote), appending its characters to
    /// `output`. False on a malformed string or a lone surrogate escape.
    private mutating func string(into output: inout [UInt16]) -> Bool {
        guard consume(0x22) else { return false }
        var runStart = i
        while i < units.count {
            let unit = units[i]
            if unit == 0x22 {
                output.append(contentsOf: units[runStart..<i])
                i += 1
                return true
            }
            if unit < 0x20 { return false }
            if unit == 0x5C {  // backslash
                output.append(contentsOf: units[runStart..<i])
                i += 1
                guard let escaped = peek else { return false }
                i += 1
                switch escaped {
                case 0x22, 0x5C, 0x2F: output.append(escaped)
                case 0x62: output.append(0x08)
                case 0x66: output.append(0x0C)
                case 0x6E: output.append(0x0A)
                case 0x72: output.append(0x0D)
                case 0x74: output.append(0x09)
                case 0x75:
                    guard let first = hex4() else { return false }
                    if first & 0xFC00 == 0xD800 {
                        guard consume(0x5C), consume(0x75), let second = hex4(), second & 0xFC00 == 0xDC00 else { return false }
                        output.append(first)
                        output.append(second)
                    } else if first & 0xFC00 == 0xDC00 {
                        return false
                    } else {
                        output.append(first)
                    }
                default: return false
                }
                runStart = i
                continue
            }
            i += 1
        }
        return false
    }

    private mutating func hex4() -> UInt16? {
        guard i + 4 <= units.count else { return nil }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let unit = units[i]
            let digit: UInt16
            switch unit {
            case 0x30...0x39: digit = unit - 0x30
            case 0x41...0x46: digit = unit - 0x41 + 10
            case 0x61...0x66: digit = unit - 0x61 + 10
            default: return nil
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    /// Skips one JSON value, checking its grammar. False when malformed or nested too deep.
    private mutating func skipValue(depth: Int) -> Bool {
        guard depth < 512, let unit = peek else { return false }
        switch unit {
        case 0x22:
            var ignored: [UInt16] = []
            return string(into: &ignored)
        case 0x7B:
            i += 1
            skipSpace()
            if consume(0x7D) { return true }
            while true {
                skipSpace()
                var ignored: [UInt16] = []
                guard peek == 0x22, string(into: &ignored) else { return false }
                skipSpace()
                guard consume(0x3A) else { return false }
                skipSpace()
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                if consume(0x2C) { continue }
                return consume(0x7D)
            }
        case 0x5B:
            i += 1
            skipSpace()
            if consume(0x5D) { return true }
            while true {
                skipSpace()
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                if consume(0x2C) { continue }
                return consume(0x5D)
            }
        case 0x74: return literal("true")
        case 0x66: return literal("false")
        case 0x6E: return literal("null")
        default: return number()
        }
    }

    /// Skips a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() -> Bool {
        _ = consume(0x2D)
        guard let first = peek, first >= 0x30, first <= 0x39 else { return false }
        i += 1
        if first != 0x30 { skipDigits() }
        if consume(0x2E) {
            guard digitFollows else { return false }
            skipDigits()
        }
        if consume(0x65) || consume(0x45) {
            if !consume(0x2B) { _ = consume(0x2D) }
            guard digitFollows else { return false }
            skipDigits()
        }
        return true
    }

    private var digitFollows: Bool {
        guard let unit = peek else { return false }
        return unit >= 0x30 && unit <= 0x39
    }

    private mutating func skipDigits() {
        while let unit = peek, unit >= 0x30, unit <= 0x39 { i += 1 }
    }
}
