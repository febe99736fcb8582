/// Lines of a rule or lexicon file and a cursor over one line: the shared ground of
/// every reader in this module. Lines are arrays of Unicode scalars (not
/// `Character`s: grapheme breaking made reading the built-in rules cost most
/// of the start-up); columns count scalars, 1-based.

/// One physical line of a source file, without its line break.
struct SourceLine: Sendable {
    /// 1-based line number.
    let number: Int
    /// The line's characters (Unicode scalars).
    let chars: [Unicode.Scalar]

    /// The index of the first character that is not white space (`chars.count` if none).
    var indentEnd: Int { chars.firstIndex { !$0.isWhitespace } ?? chars.count }

    /// The indentation's width: a tab advances to the next multiple of 8, anything else counts 1.
    var indentWidth: Int {
        var width = 0
        for c in chars.prefix(indentEnd) {
            width = c == "\t" ? (width / 8 + 1) * 8 : width + 1
        }
        return width
    }

    /// Whether the line holds nothing but white space and a comment.
    var isBlankOrComment: Bool { indentEnd == chars.count || chars[indentEnd] == "#" }
}

enum SourceText {
    /// Splits `source` at `\n`, `\r\n` and `\r`; drops a byte order mark at the start.
    static func lines(_ source: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current: [Unicode.Scalar] = []
        var afterCarriageReturn = false
        for c in source.unicodeScalars {
            if c == "\n" && afterCarriageReturn {
                afterCarriageReturn = false
                continue  // the second half of "\r\n"
            }
            afterCarriageReturn = c == "\r"
            if c == "\n" || c == "\r" {
                lines.append(SourceLine(number: lines.count + 1, chars: current))
                current.removeAll(keepingCapacity: true)
            } else {
                if lines.isEmpty, current.isEmpty, c == "\u{FEFF}" { continue }
                current.append(c)
            }
        }
        lines.append(SourceLine(number: lines.count + 1, chars: current))
        return lines
    }

    /// Trims and collapses white space; splits into words.
    static func words(_ text: some Sequence<Unicode.Scalar>) -> [String] {
        words(String(String.UnicodeScalarView(text)))
    }

    /// Trims and collapses white space; splits into words.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// `text` as it should appear quoted in a message: invisible characters are escaped, long text is cut.
    static func quoted(_ text: String, limit: Int = 24) -> String {
        var out = ""
        var count = 0
        for c in text {
            if count == limit { out += "…"; break }
            count += 1
            if c == " " || !(c.isWhitespace || c.unicodeScalars.contains(where: isInvisible)) {
                out.append(c)
            } else {
                for scalar in c.unicodeScalars { out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" }
            }
        }
        return "'" + out + "'"
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return true
        default: return scalar == "\u{FFFD}"
        }
    }
}

/// A position in one line of a file, with the helpers every mini-language lexer needs.
///
/// `#` outside quotes starts a comment: ``isAtEndOfContent`` is true there.
struct LineCursor {
    let file: String
    let line: SourceLine
    var index: Int

    init(file: String, line: SourceLine, index: Int = 0) {
        self.file = file
        self.line = line
        self.index = max(0, min(index, line.chars.count))
    }

    var chars: [Unicode.Scalar] { line.chars }
    var current: Unicode.Scalar? { char(at: index) }
    var isAtEnd: Bool { index >= chars.count }
    /// At the end of the line or at a comment.
    var isAtEndOfContent: Bool { current.map { $0 == "#" } ?? true }

    func char(at i: Int) -> Unicode.Scalar? { i >= 0 && i < chars.count ? chars[i] : nil }
    func peek(_ offset: Int = 1) -> Unicode.Scalar? { char(at: index + offset) }

    mutating func advance(_ count: Int = 1) { index = min(index + count, chars.count) }

    mutating func skipSpaces() {
        while let c = current, c.isWhitespace { index += 1 }
    }

    /// The word (run of letters, digits and `_`) starting at `start`; the cursor does not move.
    func word(at start: Int) -> String {
        var probe = self
        probe.index = start
        return probe.read(while: LineCursor.isWordCharacter)
    }

    /// Reads characters while `accept` holds.
    mutating func read(while accept: (Unicode.Scalar) -> Bool) -> String {
        let start = index
        while let c = current, accept(c) { index += 1 }
        return text(start..<index)
    }

    /// The text of characters `range`, encoded straight to UTF-8 (appending
    /// scalars to a `String` one by one costs several times more).
    func text(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        for scalar in chars[range] {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The location of character `i` (the current one by default).
    func location(_ i: Int? = nil) -> RuleSourceLocation {
        RuleSourceLocation(file: file, line: line.number, column: (i ?? index) + 1)
    }

    /// Where "end of line" is reported: just after the last character before trailing white space.
    func endLocation() -> RuleSourceLocation {
        var i = index
        while i > 0, chars[i - 1].isWhitespace { i -= 1 }
        return location(i)
    }

    /// What is at `i`, for "found ...": `end of line`, a word, or one character.
    func found(at i: Int? = nil) -> String {
        let start = i ?? index
        guard let first = char(at: start), first != "#" else { return "end of line" }
        guard LineCursor.isWordCharacter(first) else { return SourceText.quoted(String(first)) }
        var end = start
        while let c = char(at: end), LineCursor.isWordCharacter(c) { end += 1 }
        return SourceText.quoted(text(start..<end))
    }

    /// A diagnostic "expected X, found Y" at `i` (the current character by default);
    /// at the end of the content it points just after the last character.
    func error(expected: String, at i: Int? = nil) -> RuleDiagnostic {
        let at = i ?? index
        var probe = self
        probe.index = at
        let location = probe.isAtEndOfContent ? probe.endLocation() : location(at)
        return RuleDiagnostic("expected \(expected), found \(found(at: at))", at: location)
    }

    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool { c.isLetter || c.isNumber || c == "_" }
}

extension Unicode.Scalar {
    /// White space (the Unicode White_Space property, as `Character.isWhitespace`).
    var isWhitespace: Bool { properties.isWhitespace }
    /// A letter, or a combining mark (which goes with the letter before it in
    /// decomposed text: "e" + U+0301 is one letter).
    var isLetter: Bool {
        if isASCII { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
    /// A character with a numeric value (digits of any script, "½", "Ⅻ").
    var isNumber: Bool { isASCII ? (0x30...0x39).contains(value) : properties.numericType != nil }
    /// "0"..."9".
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    /// The value of an ASCII hexadecimal digit.
    var hexDigitValue: Int? {
        switch value {
        case 0x30...0x39: return Int(value - 0x30)
        case 0x41...0x46: return Int(value - 0x41 + 10)
        case 0x61...0x66: return Int(value - 0x61 + 10)
        default: return nil
        }
    }
}
