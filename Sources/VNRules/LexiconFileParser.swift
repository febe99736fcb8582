/// Parses lexicon files: `rules/lexicons/NAME.txt`, one entry per line (`phrase<TAB>value` or `phrase`),
/// `#` comments, and an optional `@match key|lower|exact` first line.
///
/// The lexicon's name is the file's base name in upper case, `-` becoming `_`: `scale-words.txt` is `SCALE_WORDS`.
public enum LexiconFileParser {
    /// Parses the text of a lexicon file.
    ///
    /// - Parameters:
    ///   - source: The file's text.
    ///   - path: The file's path: it names the lexicon and every diagnostic.
    /// - Returns: The lexicon, located at line 1, column 1 of the file.
    /// - Throws: Every problem found, in line order.
    public static func parse(_ source: String, path: String) throws(RuleDiagnostics) -> LexiconDeclaration {
        if let lexicon = PlainLexiconFile.parse(source, path: path) { return lexicon }
        return try parseCharacters(source, path: path)
    }

    /// The general parser, character by character (with every diagnostic). ``parse(_:path:)``
    /// takes a shortcut over plain files, which gives the same declaration.
    static func parseCharacters(_ source: String, path: String) throws(RuleDiagnostics) -> LexiconDeclaration {
        let start = RuleSourceLocation(file: path, line: 1, column: 1)
        var diagnostics: [RuleDiagnostic] = []
        let name = lexiconName(forPath: path)
        if !RuleNames.isLexiconName(name) {
            diagnostics.append(RuleDiagnostic(
                "expected a file name that gives a lexicon name [A-Z][A-Z0-9_]* (like scale.txt or unit-words.txt), found \(SourceText.quoted(name))",
                at: start))
        }
        let lines = SourceText.lines(source).filter { !$0.isBlankOrComment }
        // Leading spaces are ignored, but a leading tab separates an empty phrase from its value.
        let cursors = lines.map { line in
            LineCursor(file: path, line: line, index: line.chars.firstIndex { !$0.isWhitespace || $0 == "\t" } ?? line.chars.count)
        }
        var body = LexiconBodyReader(syntax: .file)
        body.read(cursors)
        diagnostics += body.diagnostics
        if body.entries.isEmpty, body.diagnostics.isEmpty {
            diagnostics.append(RuleDiagnostic("expected at least one entry in lexicon \(name), found none", at: start))
        }
        guard diagnostics.isEmpty else { throw RuleDiagnostics(diagnostics) }
        return LexiconDeclaration(name: name, matchMode: body.matchMode, entries: body.entries, location: start)
    }

    /// The lexicon name a file path gives: the base name without its extension, upper-cased, `-` → `_`.
    public static func lexiconName(forPath path: String) -> String {
        var base = Substring(path)
        if let slash = base.lastIndex(where: { $0 == "/" || $0 == "\\" }) { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return String(base.uppercased().map { $0 == "-" ? "_" : $0 })
    }
}

/// Reads the lines of a lexicon (an inline `lexicon NAME` block or a lexicon file).
struct LexiconBodyReader {
    /// How entries are written.
    enum Syntax {
        /// `phrase value` or `"several words" value`: the value is one word or a JSON scalar.
        case inline
        /// `phrase<TAB>value`: the phrase may have spaces; the value is the rest of the line.
        case file
    }

    let syntax: Syntax
    private(set) var matchMode = LexiconMatchMode.lower
    private(set) var entries: [LexiconEntry] = []
    private(set) var diagnostics: [RuleDiagnostic] = []

    init(syntax: Syntax) {
        self.syntax = syntax
    }

    /// Reads content lines (no blank or comment lines), each cursor on the line's first character.
    mutating func read(_ lines: [LineCursor]) {
        for (n, line) in lines.enumerated() {
            do throws(RuleDiagnostic) {
                if line.current == "@", let next = line.peek(), next.isLetter {
                    try readDirective(line, isFirst: n == 0)
                } else {
                    entries.append(try readEntry(line))
                }
            } catch {
                diagnostics.append(error)
            }
        }
    }

    private mutating func readDirective(_ start: LineCursor, isFirst: Bool) throws(RuleDiagnostic) {
        var cursor = start
        let word = cursor.read(while: { !$0.isWhitespace && $0 != "#" })
        guard word == "@match" else {
            throw RuleDiagnostic("expected '@match' (quote a phrase that starts with '@'), found \(SourceText.quoted(word))",
                                 at: start.location())
        }
        guard isFirst else {
            throw RuleDiagnostic("expected '@match' only on the lexicon's first line, found it on a later line", at: start.location())
        }
        cursor.skipSpaces()
        let modeStart = cursor.index
        let mode = cursor.read(while: { !$0.isWhitespace && $0 != "#" })
        guard let matchMode = LexiconMatchMode(rawValue: mode) else {
            throw cursor.error(expected: "key, lower or exact after '@match'", at: modeStart)
        }
        cursor.skipSpaces()
        guard cursor.isAtEndOfContent else { throw cursor.error(expected: "end of line after '@match \(mode)'") }
        self.matchMode = matchMode
    }

    private func readEntry(_ start: LineCursor) throws(RuleDiagnostic) -> LexiconEntry {
        var cursor = start
        let location = cursor.location()
        let words: [String]
        if cursor.current == "\"" {
            words = try QuotedText.readWords(&cursor)
        } else if syntax == .file {
            words = SourceText.words(cursor.read(while: { $0 != "\t" && $0 != "#" }))
        } else {
            words = SourceText.words(cursor.read(while: { !$0.isWhitespace && $0 != "#" }))
        }
        guard !words.isEmpty else {
            throw RuleDiagnostic("expected a phrase of at least one word, found empty text", at: location)
        }
        cursor.skipSpaces()
        var value: JSONValue?
        if !cursor.isAtEndOfContent {
            value = try LexiconValueReader.read(&cursor, wholeRest: syntax == .file)
            cursor.skipSpaces()
            guard cursor.isAtEndOfContent else {
                let hint = syntax == .inline ? " (quote a phrase of several words)" : ""
                throw cursor.error(expected: "end of line after the value\(hint)")
            }
        }
        return LexiconEntry(phrase: words.joined(separator: " "), value: value, location: location)
    }
}

/// Reads a lexicon entry's value: a JSON scalar (`1000`, `5.5`, `"VND"`, `true`, `null`) or a bare word, read as a string.
enum LexiconValueReader {
    /// Reads the value at the cursor; with `wholeRest`, bare text runs to the end of the line (or comment), white space collapsed.
    static func read(_ cursor: inout LineCursor, wholeRest: Bool) throws(RuleDiagnostic) -> JSONValue {
        switch cursor.current {
        case "{", "[":
            throw cursor.error(expected: "a JSON scalar (number, string, true, false, null) or a word as the value")
        case "\"":
            var parser = JSONLiteralParser(cursor: cursor)
            let value = try parser.parseString()
            cursor = parser.cursor
            return .string(value)
        default:
            let text = wholeRest
                ? SourceText.words(cursor.read(while: { $0 != "#" })).joined(separator: " ")
                : cursor.read(while: { !$0.isWhitespace && $0 != "#" })
            return scalar(text)
        }
    }

    /// `text` as a JSON number or keyword if it is one, else as a string.
    static func scalar(_ text: String) -> JSONValue {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            // The usual value, a plain integer ("1800", "1000000"), without the JSON parser.
            let utf8 = text.utf8
            if let first = utf8.first, first != 0x30 || utf8.count == 1, utf8.count <= 15,
               utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                return .number(Double(utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) }))
            }
            var parser = JSONLiteralParser(cursor: LineCursor(file: "", line: SourceLine(number: 1, chars: Array(text.unicodeScalars))))
            if text.first == "-" || text.first.map({ $0.isASCII && $0.isNumber }) == true,
               let value = try? parser.parseValue(), parser.cursor.isAtEnd, value.number != nil {
                return value
            }
            return .string(text)
        }
    }
}

/// The shortcut for lexicon files without anything unusual (most of them, and
/// every built-in one): read byte by byte instead of `Character` by
/// `Character`, which costs about twenty times less at start-up.
///
/// A file qualifies when every `Character` is one Unicode scalar and the only
/// white space is the ASCII space and tab (see `isPlain`: no combining mark,
/// format, control or non-ASCII space character anywhere; no carriage return,
/// no byte order mark), its lines are entries (`phrase`, `phrase<TAB>value`, a
/// bare word or number as the value, `#` comments) and at most a first
/// `@match` line, and it has at least one entry. Then splitting on bytes
/// gives exactly what ``LexiconFileParser/parseCharacters(_:path:)`` gives;
/// anything else (including every malformed line) returns nil and goes
/// through that parser, with its diagnostics.
enum PlainLexiconFile {
    static func parse(_ source: String, path: String) -> LexiconDeclaration? {
        let name = LexiconFileParser.lexiconName(forPath: path)
        guard RuleNames.isLexiconName(name), isPlain(source) else { return nil }
        var source = source
        return source.withUTF8 { bytes -> LexiconDeclaration? in
            var matchMode = LexiconMatchMode.lower
            var entries: [LexiconEntry] = []
            var sawContent = false
            var lineNumber = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != newline { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                var i = lineStart
                while i < lineEnd, bytes[i] == space || bytes[i] == tab { i += 1 }
                if i == lineEnd || bytes[i] == hash { continue }  // blank or comment
                // Leading spaces are skipped; a leading tab would start an empty phrase (an error).
                for k in lineStart..<i where bytes[k] == tab { return nil }
                let location = RuleSourceLocation(file: path, line: lineNumber, column: i - lineStart + 1)
                if bytes[i] == UInt8(ascii: "@") {
                    guard !sawContent, let mode = directive(text(bytes, i, lineEnd)) else { return nil }
                    matchMode = mode
                    sawContent = true
                    continue
                }
                sawContent = true
                guard bytes[i] != quote, let entry = entry(bytes, i, lineEnd, at: location) else { return nil }
                entries.append(entry)
            }
            guard !entries.isEmpty else { return nil }
            return LexiconDeclaration(name: name, matchMode: matchMode, entries: entries,
                                      location: RuleSourceLocation(file: path, line: 1, column: 1))
        }
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#"),
                       newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")

    /// Whether every `Character` of `source` is one scalar and its only white space is space and
    /// tab: ASCII without control characters (but tab and line feed), Latin letters with their
    /// accents precomposed (Vietnamese in NFC), general punctuation such as dashes and quotes,
    /// currency signs, letterlike symbols, arrows and mathematical operators. Anything else,
    /// which may combine with its neighbours, takes the general parser.
    private static func isPlain(_ source: String) -> Bool {
        for scalar in source.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x20...0x7E, 0xA1...0xAC, 0xAE...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E,
                 0x20A0...0x20C0, 0x2100...0x22FF: continue
            default: return false
            }
        }
        return true
    }

    /// `@match MODE` with nothing but spaces or a comment after it.
    private static func directive(_ line: String) -> LexiconMatchMode? {
        let words = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, words[0] == "@match" else { return nil }
        return LexiconMatchMode(rawValue: String(words[1]))
    }

    /// `phrase`, `phrase # comment` or `phrase<TAB>value` in `bytes[start..<end]`; nil for
    /// anything the general parser must see.
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                              at location: RuleSourceLocation) -> LexiconEntry? {
        var phraseEnd = start
        while phraseEnd < end && bytes[phraseEnd] != tab && bytes[phraseEnd] != hash { phraseEnd += 1 }
        guard let phrase = words(bytes, start, phraseEnd, separators: false) else { return nil }
        var valueStart = phraseEnd
        while valueStart < end && (bytes[valueStart] == space || bytes[valueStart] == tab) { valueStart += 1 }
        guard valueStart < end, bytes[valueStart] != hash else { return LexiconEntry(phrase: phrase, value: nil, location: location) }
        // A quoted value is a JSON string, `{` or `[` an error: the general parser reads those.
        let first = bytes[valueStart]
        guard first != quote, first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else { return nil }
        var valueEnd = valueStart
        while valueEnd < end && bytes[valueEnd] != hash { valueEnd += 1 }
        guard let value = words(bytes, valueStart, valueEnd, separators: true) else { return nil }
        return LexiconEntry(phrase: phrase, value: LexiconValueReader.scalar(value), location: location)
    }

    /// The words of `bytes[start..<end]` joined by single spaces (split at spaces, and at
    /// tabs too with `separators`); nil when there is none.
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, separators: Bool) -> String? {
        var first = start, last = end
        func isSeparator(_ byte: UInt8) -> Bool { byte == space || (separators && byte == tab) }
        while first < last && isSeparator(bytes[first]) { first += 1 }
        while last > first && isSeparator(bytes[last - 1]) { last -= 1 }
        guard first < last else { return nil }
        var k = first + 1
        // Most phrases are single-spaced: one string straight from the bytes.
        while k < last && !(isSeparator(bytes[k]) && (isSeparator(bytes[k - 1]) || bytes[k] != space)) { k += 1 }
        if k == last { return text(bytes, first, last) }
        var collapsed: [UInt8] = []
        var pendingSpace = false
        for byte in bytes[first..<last] {
            if isSeparator(byte) { pendingSpace = true; continue }
            if pendingSpace { collapsed.append(space); pendingSpace = false }
            collapsed.append(byte)
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
