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
            var parser = JSONLiteralParser(cursor: LineCursor(file: "", line: SourceLine(number: 1, chars: Array(text))))
            if text.first == "-" || text.first.map({ $0.isASCII && $0.isNumber }) == true,
               let value = try? parser.parseValue(), parser.cursor.isAtEnd, value.number != nil {
                return value
            }
            return .string(text)
        }
    }
}
