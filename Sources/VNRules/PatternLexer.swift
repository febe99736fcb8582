import Synchronization
/// A token of the pattern mini-language (`match`, `not-before`, `not-after`).
struct PatternToken {
    enum Kind: Equatable {
        /// A leaf item, already built: literal, lexicon, regex, attributes, span or any.
        case item(PatternNode)
        case openParen, closeParen, bar, caret
        /// `?`, `*`, `+`, `{n}`, `{n,m}`.
        case quantifier(min: Int, max: Int)
        /// `=name`.
        case capture(String)
        case end
    }

    let kind: Kind
    let location: RuleSourceLocation
    /// The source text of the token, for messages.
    let text: String

    /// How the token is named in "found ...".
    var found: String { kind == .end ? "end of line" : SourceText.quoted(text) }
}

/// Splits one line (or the part of it after the field name) into pattern tokens.
struct PatternLexer {
    /// Characters that end a bare word wherever they appear.
    static let reserved: Set<Unicode.Scalar> = ["(", ")", "|", "?", "*", "+", "{", "}", "=", "^", "\"", "#", "<", ">"]
    /// The most repetitions a quantifier allows (and what `*` and `+` mean).
    static let maxRepetitions = 8
    static let kinds = ["word", "number", "punctuation", "symbol"]
    static let shapes = ["lower", "title", "upper", "mixed", "digits", "none"]
    /// `line:start`: the first token of a line; `line:inner`: any other.
    static let lines = ["start", "inner"]
    /// `dots:N`: a number token with exactly N "." inside ("28.05.2023" has 2).
    static let dotCounts = (0...9).map(String.init)

    private var cursor: LineCursor

    init(cursor: LineCursor) {
        self.cursor = cursor
    }

    /// The tokens of consecutive segments (a field's value and its continuation lines), ending with one `.end`.
    static func tokens(of segments: [LineCursor]) throws(RuleDiagnostic) -> [PatternToken] {
        var tokens: [PatternToken] = []
        for (n, segment) in segments.enumerated() {
            var lexer = PatternLexer(cursor: segment)
            while true {
                let token = try lexer.next()
                if token.kind == .end {
                    if n == segments.count - 1 { tokens.append(token) }
                    break
                }
                tokens.append(token)
            }
        }
        return tokens
    }

    /// The next token; `.end` at the end of the line or at a comment.
    mutating func next() throws(RuleDiagnostic) -> PatternToken {
        cursor.skipSpaces()
        let start = cursor.index
        guard let c = cursor.current, c != "#" else {
            return PatternToken(kind: .end, location: cursor.endLocation(), text: "")
        }
        let kind: PatternToken.Kind
        switch c {
        case "(": cursor.advance(); kind = .openParen
        case ")": cursor.advance(); kind = .closeParen
        case "|": cursor.advance(); kind = .bar
        case "^": cursor.advance(); kind = .caret
        case "?": cursor.advance(); kind = .quantifier(min: 0, max: 1)
        case "*": cursor.advance(); kind = .quantifier(min: 0, max: Self.maxRepetitions)
        case "+": cursor.advance(); kind = .quantifier(min: 1, max: Self.maxRepetitions)
        case "{": kind = try braces()
        case "<": kind = .item(try span())
        case "=": kind = .capture(try captureName())
        case "\"": kind = .item(try quotedLiteral(mode: .lower))
        case "~": cursor.advance(); kind = .item(try prefixedLiteral(mode: .key, prefix: "~"))
        case "!": cursor.advance(); kind = .item(try prefixedLiteral(mode: .exact, prefix: "!"))
        case "/": kind = .item(try regexOrSlash())
        case "}", ">": throw cursor.error(expected: "an item")
        case "." where !Self.isWordCharacter(cursor.peek()): cursor.advance(); kind = .item(.any)
        default: kind = .item(bareWord())
        }
        return PatternToken(kind: kind, location: cursor.location(start), text: cursor.text(start..<cursor.index))
    }

    private static func isWordCharacter(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return !c.isWhitespace && !reserved.contains(c)
    }

    // MARK: Literals

    /// `word` (a literal) or `NAME` (a lexicon).
    private mutating func bareWord() -> PatternNode {
        let start = cursor.index
        let word = cursor.read(while: { Self.isWordCharacter($0) })
        if RuleNames.isLexiconName(word) { return .lexicon(word, at: cursor.location(start)) }
        return .literal(words: [word], mode: .lower)
    }

    private mutating func quotedLiteral(mode: LiteralMode) throws(RuleDiagnostic) -> PatternNode {
        let open = cursor.location()
        let words = try QuotedText.readWords(&cursor)
        guard !words.isEmpty else {
            throw RuleDiagnostic("expected at least one word between the quotes, found empty text", at: open)
        }
        return .literal(words: words, mode: mode)
    }

    /// After `~` or `!`: a word or a quoted phrase, written right after the prefix.
    private mutating func prefixedLiteral(mode: LiteralMode, prefix: String) throws(RuleDiagnostic) -> PatternNode {
        if cursor.current == "\"" { return try quotedLiteral(mode: mode) }
        guard Self.isWordCharacter(cursor.current) else {
            throw cursor.error(expected: "a word or a quoted phrase right after '\(prefix)'")
        }
        return .literal(words: [cursor.read(while: { Self.isWordCharacter($0) })], mode: mode)
    }

    // MARK: Regular expressions

    /// `/regex/`, or `/` alone (followed by white space or the end), which is the literal slash.
    private mutating func regexOrSlash() throws(RuleDiagnostic) -> PatternNode {
        let open = cursor.location()
        cursor.advance()
        guard let first = cursor.current, !first.isWhitespace else { return .literal(words: ["/"], mode: .lower) }
        var pattern = ""
        while true {
            guard let c = cursor.current else {
                throw RuleDiagnostic("expected '/' to close the regular expression opened at \(open.line):\(open.column), found end of line",
                                     at: cursor.endLocation())
            }
            cursor.advance()
            if c == "/" { break }
            if c == "\\", let escaped = cursor.current {
                pattern += escaped == "/" ? "/" : "\\" + String(escaped)
                cursor.advance()
            } else {
                pattern.unicodeScalars.append(c)
            }
        }
        guard !pattern.isEmpty else {
            throw RuleDiagnostic("expected a regular expression between the slashes, found '//'", at: open)
        }
        if case .failure(let problem) = RegexCompiler.compile(pattern) {
            throw RuleDiagnostic("expected a valid regular expression, found /\(pattern)/: \(problem.message)", at: open)
        }
        return .regex(pattern, at: open)
    }

    // MARK: Spans and captures

    /// `<type>`.
    private mutating func span() throws(RuleDiagnostic) -> PatternNode {
        let open = cursor.location()
        cursor.advance()
        let nameStart = cursor.index
        let name = cursor.read(while: { Self.isWordCharacter($0) })
        guard !name.isEmpty else { throw cursor.error(expected: "a type name after '<'") }
        guard RuleNames.isTypeName(name) else {
            throw cursor.error(expected: "a type name like number ([a-z][a-z0-9_]*)", at: nameStart)
        }
        guard cursor.current == ">" else {
            throw cursor.error(expected: "'>' to close the '<' opened at \(open.line):\(open.column)")
        }
        cursor.advance()
        return .span(type: name, at: open)
    }

    /// `=name`.
    private mutating func captureName() throws(RuleDiagnostic) -> String {
        cursor.advance()
        cursor.skipSpaces()
        let start = cursor.index
        let name = cursor.read(while: { Self.isWordCharacter($0) })
        guard !name.isEmpty else { throw cursor.error(expected: "a capture name after '='") }
        guard RuleNames.isIdentifier(name), !RuleNames.jsonKeywords.contains(name) else {
            throw RuleDiagnostic("expected a capture name like amount ([a-z][A-Za-z0-9_]*, not true, false or null), found \(SourceText.quoted(name))",
                                 at: cursor.location(start))
        }
        return name
    }

    // MARK: Braces

    /// `{n}`, `{n,m}` (a quantifier) or `{kind:number, shape:upper}` (an item).
    private mutating func braces() throws(RuleDiagnostic) -> PatternToken.Kind {
        let open = cursor.location()
        var close = cursor.index + 1
        while let c = cursor.char(at: close), c != "}", c != "#" { close += 1 }
        guard cursor.char(at: close) == "}" else {
            var end = cursor
            end.index = close
            throw RuleDiagnostic("expected '}' to close the '{' opened at \(open.line):\(open.column), found end of line",
                                 at: end.endLocation())
        }
        var inner = cursor
        inner.advance()
        inner.skipSpaces()
        let kind: PatternToken.Kind
        if let c = inner.current, c == "," || c.isASCIIDigit {
            let (min, max) = try Self.repetition(&inner, open: open)
            kind = .quantifier(min: min, max: max)
        } else {
            kind = .item(.attributes(try Self.attributes(&inner, close: close)))
        }
        cursor.index = close + 1
        return kind
    }

    /// The inside of `{n}` or `{n,m}`; the cursor is on the first character after `{` and white space.
    private static func repetition(_ cursor: inout LineCursor, open: RuleSourceLocation) throws(RuleDiagnostic) -> (Int, Int) {
        let (min, minStart) = try count(&cursor, expected: "a number after '{'")
        cursor.skipSpaces()
        if cursor.current == "}" {
            try check(max: min, at: minStart, cursor)
            return (min, min)
        }
        guard cursor.current == "," else { throw cursor.error(expected: "',' or '}' after the count") }
        cursor.advance()
        cursor.skipSpaces()
        let (max, maxStart) = try count(&cursor, expected: "the maximum count after ','")
        cursor.skipSpaces()
        guard cursor.current == "}" else { throw cursor.error(expected: "'}' after the maximum count") }
        try check(max: max, at: maxStart, cursor)
        guard min <= max else {
            throw RuleDiagnostic("expected a minimum no greater than the maximum, found {\(min),\(max)}", at: open)
        }
        return (min, max)
    }

    private static func count(_ cursor: inout LineCursor, expected: String) throws(RuleDiagnostic) -> (Int, Int) {
        let start = cursor.index
        let digits = cursor.read(while: \.isASCIIDigit)
        guard !digits.isEmpty else { throw cursor.error(expected: expected) }
        return (Int(digits) ?? Int.max, start)
    }

    private static func check(max: Int, at index: Int, _ cursor: LineCursor) throws(RuleDiagnostic) {
        let written = SourceText.quoted(cursor.word(at: index))
        if max > maxRepetitions {
            throw RuleDiagnostic("expected at most \(maxRepetitions) repetitions, found \(written)", at: cursor.location(index))
        }
        if max == 0 {
            throw RuleDiagnostic("expected at least 1 repetition as the maximum, found \(written)", at: cursor.location(index))
        }
    }

    /// The inside of `{kind:number, shape:upper}` or `{shape:lower, not:STOP}`; `close` is the index of `}`.
    private static func attributes(_ cursor: inout LineCursor, close: Int) throws(RuleDiagnostic) -> [TokenAttributeTest] {
        var tests: [TokenAttributeTest] = []
        while true {
            cursor.skipSpaces()
            tests.append(try attribute(&cursor, after: tests))
            cursor.skipSpaces()
            if cursor.index == close { return tests }
            guard cursor.current == "," else { throw cursor.error(expected: "',' or '}' after an attribute") }
            cursor.advance()
        }
    }

    private static func attribute(_ cursor: inout LineCursor, after earlier: [TokenAttributeTest]) throws(RuleDiagnostic) -> TokenAttributeTest {
        let start = cursor.index
        let name = cursor.read(while: isAttributeCharacter)
        guard !name.isEmpty else { throw cursor.error(expected: "an attribute (kind, shape, line, dots or not)") }
        let legal: [String]
        switch name {
        case "kind": legal = kinds
        case "shape": legal = shapes
        case "line": legal = lines
        case "dots": legal = dotCounts
        case "not": legal = []
        default: throw RuleDiagnostic("expected an attribute kind, shape, line, dots or not, found \(SourceText.quoted(name))", at: cursor.location(start))
        }
        if earlier.contains(where: { $0.name == name }) {
            throw RuleDiagnostic("expected each attribute once, found '\(name)' again", at: cursor.location(start))
        }
        cursor.skipSpaces()
        guard cursor.current == ":" else { throw cursor.error(expected: "':' after '\(name)'") }
        cursor.advance()
        cursor.skipSpaces()
        let valueStart = cursor.index
        let value = cursor.read(while: isAttributeCharacter)
        if name == "not" {
            // `not:NAME`: the token is no one-word entry of lexicon NAME.
            guard RuleNames.isLexiconName(value) else {
                let found = value.isEmpty ? cursor.found() : SourceText.quoted(value)
                throw RuleDiagnostic("expected a lexicon name like STOP_WORDS ([A-Z][A-Z0-9_]*) after 'not:', found \(found)",
                                     at: cursor.location(valueStart))
            }
            return TokenAttributeTest(name: name, value: value, location: cursor.location(start))
        }
        guard legal.contains(value) else {
            let found = value.isEmpty ? cursor.found() : SourceText.quoted(value)
            throw RuleDiagnostic("expected a \(name) (one of \(legal.joined(separator: ", "))), found \(found)", at: cursor.location(valueStart))
        }
        return TokenAttributeTest(name: name, value: value, location: cursor.location(start))
    }

    private static func isAttributeCharacter(_ c: Unicode.Scalar) -> Bool { LineCursor.isWordCharacter(c) || c == "-" }
}

/// Compiles regular expressions once per distinct source, for the rule-file
/// parser (which checks them) and the rule compiler (which uses them): rule
/// files repeat the same expression many times (a name pattern written out),
/// and parsing one is costly enough to dominate start-up.
public enum RegexCompiler {
    /// Why a source is not a regular expression: the parser's complaint.
    public struct Problem: Error, Sendable {
        public let message: String
    }

    /// A compiled expression. `Regex<AnyRegexOutput>` is not Sendable only because
    /// its match output may hold any value; the compiled expression itself is
    /// immutable and shared across threads (as ``RuleSet`` shares it).
    private struct Compiled: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>
    }

    private static let cache = Mutex<[String: Result<Compiled, Problem>]>([:])

    /// The compiled regular expression `source`, or why it is not one.
    public static func compile(_ source: String) -> Result<Regex<AnyRegexOutput>, Problem> {
        let result: Result<Compiled, Problem>
        if let known = cache.withLock({ $0[source] }) {
            result = known
        } else {
            do {
                result = .success(Compiled(regex: try Regex(source)))
            } catch {
                result = .failure(Problem(message: "\(error)"))
            }
            cache.withLock { $0[source] = result }
        }
        return result.map(\.regex)
    }
}
