/// Reads one JSON value from a line (RFC 8259, without white space other than on the line),
/// reporting the column of the first character that does not fit.
struct JSONLiteralParser {
    /// Arrays and objects nest at most this deep (input is untrusted; recursion must stay shallow).
    static let maxDepth = 64

    var cursor: LineCursor

    init(cursor: LineCursor) {
        self.cursor = cursor
    }

    /// Reads a value starting at the cursor (after optional white space) and leaves the cursor after it.
    mutating func parseValue() throws(RuleDiagnostic) -> JSONValue {
        try parseValue(depth: 0)
    }

    private mutating func parseValue(depth: Int) throws(RuleDiagnostic) -> JSONValue {
        cursor.skipSpaces()
        guard !cursor.isAtEndOfContent, let c = cursor.current else { throw cursor.error(expected: "a JSON value") }
        switch c {
        case "{": return try parseObject(depth: depth + 1)
        case "[": return try parseArray(depth: depth + 1)
        case "\"": return .string(try parseString())
        case "-": return try parseNumber()
        default: return Self.isDigit(c) ? try parseNumber() : try parseKeyword()
        }
    }

    private mutating func checkDepth(_ depth: Int) throws(RuleDiagnostic) {
        if depth > Self.maxDepth {
            throw RuleDiagnostic("expected at most \(Self.maxDepth) nested arrays and objects, found more", at: cursor.location())
        }
    }

    private mutating func parseObject(depth: Int) throws(RuleDiagnostic) -> JSONValue {
        try checkDepth(depth)
        let open = cursor.location()
        cursor.advance()
        var fields: [String: JSONValue] = [:]
        cursor.skipSpaces()
        if cursor.current == "}" {
            cursor.advance()
            return .object(fields)
        }
        while true {
            cursor.skipSpaces()
            guard cursor.current == "\"", !cursor.isAtEndOfContent else {
                throw cursor.error(expected: fields.isEmpty ? "a string key or '}'" : "a string key")
            }
            let keyLocation = cursor.location()
            let key = try parseString()
            if fields[key] != nil {
                throw RuleDiagnostic("expected each key once in an object, found \(JSONValue.quote(key)) again", at: keyLocation)
            }
            cursor.skipSpaces()
            guard cursor.current == ":" else { throw cursor.error(expected: "':' after the key") }
            cursor.advance()
            fields[key] = try parseValue(depth: depth)
            cursor.skipSpaces()
            switch cursor.current {
            case ",": cursor.advance()
            case "}": cursor.advance(); return .object(fields)
            default: throw cursor.error(expected: "',' or '}' in the object opened at \(open.line):\(open.column)")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(RuleDiagnostic) -> JSONValue {
        try checkDepth(depth)
        let open = cursor.location()
        cursor.advance()
        var items: [JSONValue] = []
        cursor.skipSpaces()
        if cursor.current == "]" {
            cursor.advance()
            return .array(items)
        }
        while true {
            items.append(try parseValue(depth: depth))
            cursor.skipSpaces()
            switch cursor.current {
            case ",": cursor.advance()
            case "]": cursor.advance(); return .array(items)
            default: throw cursor.error(expected: "',' or ']' in the array opened at \(open.line):\(open.column)")
            }
        }
    }

    private mutating func parseKeyword() throws(RuleDiagnostic) -> JSONValue {
        let start = cursor.index
        let word = cursor.read(while: LineCursor.isWordCharacter)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: throw cursor.error(expected: "a JSON value", at: start)
        }
    }

    /// Reads a string literal; the cursor is on its opening quote.
    mutating func parseString() throws(RuleDiagnostic) -> String {
        let open = cursor.location()
        cursor.advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = cursor.current else {
                throw RuleDiagnostic("expected '\"' to close the string opened at \(open.line):\(open.column), found end of line",
                                     at: cursor.endLocation())
            }
            switch c {
            case "\"":
                cursor.advance()
                return String(out)
            case "\\":
                cursor.advance()
                out.append(try parseEscape())
            default:
                if c.value < 0x20 {
                    throw RuleDiagnostic("expected '\"' or a character other than a control character in the string, found \(SourceText.quoted(String(c)))",
                                         at: cursor.location())
                }
                out.append(c)
                cursor.advance()
            }
        }
    }

    private mutating func parseEscape() throws(RuleDiagnostic) -> Unicode.Scalar {
        let simple: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{8}", "f": "\u{C}", "n": "\n", "r": "\r", "t": "\t"]
        guard let c = cursor.current else {
            throw RuleDiagnostic("expected an escape after '\\', found end of line", at: cursor.endLocation())
        }
        if let scalar = simple[c] {
            cursor.advance()
            return scalar
        }
        guard c == "u" else {
            throw RuleDiagnostic("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) after '\\', found \(SourceText.quoted(String(c)))",
                                 at: cursor.location())
        }
        let start = cursor.index - 1
        cursor.advance()
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard cursor.current == "\\", cursor.peek() == "u" else {
                throw RuleDiagnostic("expected a low surrogate '\\uDC00'...'\\uDFFF' after a high surrogate, found \(cursor.found())", at: cursor.location())
            }
            cursor.advance(2)
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second),
                  let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                throw RuleDiagnostic("expected a low surrogate '\\uDC00'...'\\uDFFF' after a high surrogate, found another value", at: cursor.location(start))
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw RuleDiagnostic("expected a Unicode scalar value, found a lone surrogate", at: cursor.location(start))
        }
        return scalar
    }

    private mutating func parseHex4() throws(RuleDiagnostic) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = cursor.current, let digit = c.hexDigitValue else {
                throw cursor.error(expected: "four hexadecimal digits after '\\u'")
            }
            value = value * 16 + UInt32(digit)
            cursor.advance()
        }
        return value
    }

    private mutating func parseNumber() throws(RuleDiagnostic) -> JSONValue {
        let start = cursor.index
        if cursor.current == "-" { cursor.advance() }
        guard Self.isDigit(cursor.current) else { throw cursor.error(expected: "a digit after '-'") }
        if cursor.current == "0" { cursor.advance() } else { skipDigits() }
        if cursor.current == ".", !Self.isDigit(cursor.peek()) {
            cursor.advance()
            throw cursor.error(expected: "a digit after '.'")
        } else if cursor.current == "." {
            cursor.advance()
            skipDigits()
        }
        if cursor.current == "e" || cursor.current == "E" {
            cursor.advance()
            if cursor.current == "+" || cursor.current == "-" { cursor.advance() }
            guard Self.isDigit(cursor.current) else { throw cursor.error(expected: "a digit in the exponent") }
            skipDigits()
        }
        let text = cursor.text(start..<cursor.index)
        guard let value = Double(text), value.isFinite else {
            throw RuleDiagnostic("expected a finite number, found \(SourceText.quoted(text))", at: cursor.location(start))
        }
        return .number(value)
    }

    private mutating func skipDigits() {
        while Self.isDigit(cursor.current) { cursor.advance() }
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.isASCIIDigit
    }
}
