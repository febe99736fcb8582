/// Builds a ``PatternNode`` from pattern tokens.
///
/// ```
/// pattern      = alternatives END
/// alternatives = sequence ("|" sequence)*
/// sequence     = item item*
/// item         = "^"? postfix
/// postfix      = primary (quantifier | "=" name)*     -- no quantifier right after a quantifier
/// primary      = leaf | "(" alternatives ")"
/// ```
struct PatternParser {
    /// Groups nest at most this deep.
    static let maxNesting = 32

    private let tokens: [PatternToken]
    private var position = 0

    private init(tokens: [PatternToken]) {
        let end = PatternToken(kind: .end, location: RuleSourceLocation(file: "", line: 1, column: 1), text: "")
        self.tokens = tokens.isEmpty ? [end] : tokens
    }

    /// Parses the pattern written on `segments` (a field's value and its continuation lines).
    static func parse(_ segments: [LineCursor]) throws(RuleDiagnostic) -> PatternNode {
        var parser = PatternParser(tokens: try PatternLexer.tokens(of: segments))
        return try parser.parsePattern()
    }

    private var current: PatternToken { tokens[min(position, tokens.count - 1)] }
    private var previous: PatternToken? { position > 0 ? tokens[position - 1] : nil }
    private mutating func advance() { position = min(position + 1, tokens.count - 1) }

    private func failure(_ expected: String) -> RuleDiagnostic {
        RuleDiagnostic("expected \(expected), found \(current.found)", at: current.location)
    }

    private mutating func parsePattern() throws(RuleDiagnostic) -> PatternNode {
        let node = try parseAlternatives(depth: 0)
        guard current.kind == .end else {
            throw failure("an item or the end of the pattern (no group is open)")
        }
        return node
    }

    private mutating func parseAlternatives(depth: Int) throws(RuleDiagnostic) -> PatternNode {
        var options = [try parseSequence(depth: depth)]
        while current.kind == .bar {
            advance()
            options.append(try parseSequence(depth: depth))
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    private mutating func parseSequence(depth: Int) throws(RuleDiagnostic) -> PatternNode {
        var items: [PatternNode] = []
        while ![.bar, .closeParen, .end].contains(current.kind) {
            items.append(try parseItem(depth: depth))
        }
        guard !items.isEmpty else {
            throw failure(previous?.kind == .bar ? "an item after '|'" : "an item")
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseItem(depth: Int) throws(RuleDiagnostic) -> PatternNode {
        guard current.kind == .caret else { return try parsePostfix(depth: depth, after: "") }
        advance()
        return .glued(try parsePostfix(depth: depth, after: " after '^'"))
    }

    private mutating func parsePostfix(depth: Int, after context: String) throws(RuleDiagnostic) -> PatternNode {
        var node = try parsePrimary(depth: depth, after: context)
        var lastQuantifier: PatternToken?
        while true {
            switch current.kind {
            case .quantifier(let min, let max):
                if let lastQuantifier {
                    throw failure("one quantifier per item after \(lastQuantifier.found) (use a group: (x\(lastQuantifier.text))\(current.text))")
                }
                lastQuantifier = current
                node = .repetition(node, min: min, max: max)
            case .capture(let name):
                lastQuantifier = nil
                node = .capture(node, name: name)
            default:
                return node
            }
            advance()
        }
    }

    private mutating func parsePrimary(depth: Int, after context: String) throws(RuleDiagnostic) -> PatternNode {
        switch current.kind {
        case .item(let node):
            advance()
            return node
        case .openParen:
            return try parseGroup(depth: depth + 1)
        default:
            throw failure("an item\(context)")
        }
    }

    private mutating func parseGroup(depth: Int) throws(RuleDiagnostic) -> PatternNode {
        let open = current.location
        guard depth <= Self.maxNesting else {
            throw RuleDiagnostic("expected at most \(Self.maxNesting) nested groups, found more", at: open)
        }
        advance()
        let inner = try parseAlternatives(depth: depth)
        guard current.kind == .closeParen else {
            throw failure("')' to close the group opened at \(open.line):\(open.column)")
        }
        advance()
        return inner
    }
}
