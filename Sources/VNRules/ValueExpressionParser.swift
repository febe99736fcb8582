/// A token of the `emit` mini-language.
struct ExpressionToken {
    enum Kind: Equatable {
        /// A capture, producer or label name (validated by the parser).
        case name(String)
        /// A JSON literal, including `true`, `false` and `null`.
        case literal(JSONValue)
        case openParen, closeParen, comma, colon, end
    }

    let kind: Kind
    let location: RuleSourceLocation
    let text: String

    var found: String { kind == .end ? "end of line" : SourceText.quoted(text) }
}

/// Splits an `emit` value into tokens.
struct ExpressionLexer {
    private var cursor: LineCursor

    /// All tokens of the rest of the line, ending with `.end`.
    static func tokens(of cursor: LineCursor) throws(RuleDiagnostic) -> [ExpressionToken] {
        var lexer = ExpressionLexer(cursor: cursor)
        var tokens: [ExpressionToken] = []
        repeat {
            tokens.append(try lexer.next())
        } while tokens.last?.kind != .end
        return tokens
    }

    private init(cursor: LineCursor) {
        self.cursor = cursor
    }

    private mutating func next() throws(RuleDiagnostic) -> ExpressionToken {
        cursor.skipSpaces()
        let start = cursor.index
        guard let c = cursor.current, c != "#" else {
            return ExpressionToken(kind: .end, location: cursor.endLocation(), text: "")
        }
        let kind: ExpressionToken.Kind
        switch c {
        case "(": cursor.advance(); kind = .openParen
        case ")": cursor.advance(); kind = .closeParen
        case ",": cursor.advance(); kind = .comma
        case ":": cursor.advance(); kind = .colon
        case "\"", "-", "{", "[": kind = .literal(try json())
        case _ where c.isASCIIDigit: kind = .literal(try json())
        case _ where LineCursor.isWordCharacter(c):
            let word = cursor.read(while: LineCursor.isWordCharacter)
            switch word {
            case "true": kind = .literal(.bool(true))
            case "false": kind = .literal(.bool(false))
            case "null": kind = .literal(.null)
            default: kind = .name(word)
            }
        default:
            throw cursor.error(expected: "a capture name, a JSON literal or a producer call")
        }
        return ExpressionToken(kind: kind, location: cursor.location(start), text: cursor.text(start..<cursor.index))
    }

    private mutating func json() throws(RuleDiagnostic) -> JSONValue {
        var parser = JSONLiteralParser(cursor: cursor)
        let value = try parser.parseValue()
        cursor = parser.cursor
        return value
    }
}

/// Parses `emit` values:
///
/// ```
/// emit       = call END
/// expression = call | name | json
/// call       = name "(" (argument ("," argument)*)? ")"
/// argument   = (name ":")? expression
/// ```
struct ValueExpressionParser {
    /// Calls nest at most this deep.
    static let maxNesting = 32

    private let tokens: [ExpressionToken]
    private var position = 0

    private init(tokens: [ExpressionToken]) {
        let end = ExpressionToken(kind: .end, location: RuleSourceLocation(file: "", line: 1, column: 1), text: "")
        self.tokens = tokens.isEmpty ? [end] : tokens
    }

    /// Parses the value of an `emit` field: a producer call.
    static func parseEmit(_ cursor: LineCursor) throws(RuleDiagnostic) -> ValueExpression {
        var parser = ValueExpressionParser(tokens: try ExpressionLexer.tokens(of: cursor))
        let first = parser.current
        let expression = try parser.parseExpression(depth: 0)
        guard case .call = expression else {
            throw RuleDiagnostic("expected a producer call like money(amount: n), found \(first.found)", at: first.location)
        }
        guard parser.current.kind == .end else { throw parser.failure("end of line after the call") }
        return expression
    }

    private var current: ExpressionToken { tokens[min(position, tokens.count - 1)] }
    private var next: ExpressionToken { tokens[min(position + 1, tokens.count - 1)] }
    private mutating func advance() { position = min(position + 1, tokens.count - 1) }

    private func failure(_ expected: String) -> RuleDiagnostic {
        RuleDiagnostic("expected \(expected), found \(current.found)", at: current.location)
    }

    private mutating func parseExpression(depth: Int) throws(RuleDiagnostic) -> ValueExpression {
        switch current.kind {
        case .literal(let value):
            advance()
            return .literal(value)
        case .name(let name):
            let token = current
            guard RuleNames.isIdentifier(name) else {
                throw failure("a capture or producer name like amount ([a-z][A-Za-z0-9_]*)")
            }
            advance()
            if current.kind == .openParen { return try parseCall(name, at: token.location, depth: depth + 1) }
            return .capture(name, at: token.location)
        default:
            throw failure("a capture name, a JSON literal or a producer call")
        }
    }

    private mutating func parseCall(_ name: String, at location: RuleSourceLocation, depth: Int) throws(RuleDiagnostic) -> ValueExpression {
        let open = current.location
        guard depth <= Self.maxNesting else {
            throw RuleDiagnostic("expected at most \(Self.maxNesting) nested calls, found more", at: open)
        }
        advance()
        var arguments: [ValueArgument] = []
        if current.kind == .closeParen {
            advance()
            return .call(name: name, arguments: arguments, at: location)
        }
        while true {
            arguments.append(try parseArgument(after: arguments, depth: depth))
            switch current.kind {
            case .comma:
                advance()
            case .closeParen:
                advance()
                return .call(name: name, arguments: arguments, at: location)
            default:
                throw failure("',' or ')' after an argument of '\(name)' (opened at \(open.line):\(open.column))")
            }
        }
    }

    private mutating func parseArgument(after earlier: [ValueArgument], depth: Int) throws(RuleDiagnostic) -> ValueArgument {
        guard case .name(let label) = current.kind, next.kind == .colon else {
            return ValueArgument(label: nil, value: try parseExpression(depth: depth))
        }
        guard RuleNames.isArgumentLabel(label) else { throw failure("an argument label like amount or _weekday (_?[a-z][A-Za-z0-9_]*)") }
        guard !earlier.contains(where: { $0.label == label }) else {
            throw RuleDiagnostic("expected each argument label once in a call, found '\(label)' again", at: current.location)
        }
        advance()
        advance()
        return ValueArgument(label: label, value: try parseExpression(depth: depth))
    }
}
