/// The syntax tree of rule files (see rules/FORMAT.md), as the parser reads it.
/// Meaning (which lexicons and producers exist, stage order) is checked by the
/// rule compiler, which reports problems at the locations kept here.

/// A place in a rule file.
public struct RuleSourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem in a rule file, at a place.
public struct RuleDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where.
    public var location: RuleSourceLocation
    /// What was wrong, for a person: "expected X, found Y".
    public var message: String

    /// Creates a diagnostic.
    public init(_ message: String, at location: RuleSourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): error: \(message)" }
}

/// Every problem found in one or more rule files.
public struct RuleDiagnostics: Error, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var diagnostics: [RuleDiagnostic]

    /// Wraps diagnostics.
    public init(_ diagnostics: [RuleDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// One parsed rule file.
public struct RuleFile: Sendable, Equatable {
    /// The path as given.
    public var path: String
    /// Lexicons declared in the file, in order.
    public var lexicons: [LexiconDeclaration]
    /// Rules, in order.
    public var rules: [RuleDeclaration]

    /// Creates a rule file.
    public init(path: String, lexicons: [LexiconDeclaration], rules: [RuleDeclaration]) {
        self.path = path
        self.lexicons = lexicons
        self.rules = rules
    }
}

/// How a lexicon's phrases are compared with tokens.
public enum LexiconMatchMode: String, Sendable, Hashable {
    /// Lower-cased normalized text (the default).
    case lower
    /// Folded keys: no case, no diacritics, đ → d.
    case key
    /// Normalized text exactly as written.
    case exact
}

/// A named word list.
public struct LexiconDeclaration: Sendable, Equatable {
    /// `[A-Z][A-Z0-9_]*`.
    public var name: String
    /// How entries match.
    public var matchMode: LexiconMatchMode
    /// The entries, in order.
    public var entries: [LexiconEntry]
    /// Where it was declared (the `lexicon` line, or line 1 of a lexicon file).
    public var location: RuleSourceLocation

    /// Creates a lexicon declaration.
    public init(name: String, matchMode: LexiconMatchMode, entries: [LexiconEntry], location: RuleSourceLocation) {
        self.name = name
        self.matchMode = matchMode
        self.entries = entries
        self.location = location
    }
}

/// One phrase of a lexicon, with its value.
public struct LexiconEntry: Sendable, Equatable {
    /// The phrase as written (one or more words separated by single spaces).
    public var phrase: String
    /// Its value; nil when the line has none (then the value is the phrase).
    public var value: JSONValue?
    /// Where.
    public var location: RuleSourceLocation

    /// Creates an entry.
    public init(phrase: String, value: JSONValue?, location: RuleSourceLocation) {
        self.phrase = phrase
        self.value = value
        self.location = location
    }
}

/// How a literal pattern item compares words with tokens.
public enum LiteralMode: String, Sendable, Hashable {
    /// `word`, `"two words"`: lower-cased normalized text.
    case lower
    /// `~word`: folded key.
    case key
    /// `!Word`: normalized text, case-sensitive.
    case exact
}

/// A token attribute test inside `{...}`: `kind:number`, `shape:upper`.
public struct TokenAttributeTest: Sendable, Hashable {
    /// `kind`, `shape`, `line` or `not`.
    public var name: String
    /// Its required value (for `not`, the name of a lexicon whose one-word entries the token is not).
    public var value: String
    /// Where the attribute was written.
    public var location: RuleSourceLocation

    /// Creates a test.
    public init(name: String, value: String, location: RuleSourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// A token pattern.
public indirect enum PatternNode: Sendable, Hashable {
    /// Consecutive tokens equal to `words` under `mode`.
    case literal(words: [String], mode: LiteralMode)
    /// One token whose normalized text the regular expression matches in full.
    case regex(String, at: RuleSourceLocation)
    /// One token with all these attributes.
    case attributes([TokenAttributeTest])
    /// Any one token.
    case any
    /// The longest entry of the named lexicon.
    case lexicon(String, at: RuleSourceLocation)
    /// A span of the named type produced by an earlier rule.
    case span(type: String, at: RuleSourceLocation)
    /// Items one after another.
    case sequence([PatternNode])
    /// One of the alternatives.
    case alternatives([PatternNode])
    /// `node` repeated `min...max` times (greedy).
    case repetition(PatternNode, min: Int, max: Int)
    /// What `node` matched, under `name`.
    case capture(PatternNode, name: String)
    /// `node`, whose first token has no white space before it.
    case glued(PatternNode)
}

/// A value expression in `emit`.
public indirect enum ValueExpression: Sendable, Hashable {
    /// The value of a capture.
    case capture(String, at: RuleSourceLocation)
    /// A JSON literal.
    case literal(JSONValue)
    /// A call of a registered producer.
    case call(name: String, arguments: [ValueArgument], at: RuleSourceLocation)
}

/// One argument of a producer call: `label: expression` or just `expression`.
public struct ValueArgument: Sendable, Hashable {
    /// The label, if written.
    public var label: String?
    /// The argument.
    public var value: ValueExpression

    /// Creates an argument.
    public init(label: String?, value: ValueExpression) {
        self.label = label
        self.value = value
    }
}

/// An `example` or `counter` line.
public struct RuleExample: Sendable, Hashable {
    /// The text, with the «marked» part's markers removed.
    public var text: String
    /// The marked part, as Unicode scalar offsets into `text`; nil when unmarked.
    public var marked: Range<Int>?
    /// The expected value (`=> {...}`); nil when not given.
    public var expected: JSONValue?
    /// True for `counter` lines.
    public var isCounter: Bool
    /// Where.
    public var location: RuleSourceLocation

    /// Creates an example.
    public init(text: String, marked: Range<Int>?, expected: JSONValue?, isCounter: Bool, location: RuleSourceLocation) {
        self.text = text
        self.marked = marked
        self.expected = expected
        self.isCounter = isCounter
        self.location = location
    }
}

/// One `rule` block.
public struct RuleDeclaration: Sendable, Hashable {
    /// The rule id.
    public var id: String
    /// The type it produces.
    public var type: String
    /// Its priority (default 0).
    public var priority: Int
    /// The pattern.
    public var pattern: PatternNode
    /// Patterns that must not match right before the match.
    public var notBefore: [PatternNode]
    /// Patterns that must not match right after the match.
    public var notAfter: [PatternNode]
    /// Patterns that must all match right before the match (context outside the span).
    public var requiresBefore: [PatternNode]
    /// Patterns that must all match right after the match (context outside the span).
    public var requiresAfter: [PatternNode]
    /// The value expression.
    public var emit: ValueExpression
    /// Examples and counter-examples, in order.
    public var examples: [RuleExample]
    /// Where the `rule` line is.
    public var location: RuleSourceLocation

    /// Creates a rule declaration.
    public init(id: String, type: String, priority: Int, pattern: PatternNode, notBefore: [PatternNode],
                notAfter: [PatternNode], emit: ValueExpression, examples: [RuleExample], location: RuleSourceLocation,
                requiresBefore: [PatternNode] = [], requiresAfter: [PatternNode] = []) {
        self.requiresBefore = requiresBefore
        self.requiresAfter = requiresAfter
        self.id = id
        self.type = type
        self.priority = priority
        self.pattern = pattern
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.emit = emit
        self.examples = examples
        self.location = location
    }
}
