import Testing
@testable import VNRules

/// A malformed file and where its first diagnostic must point.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let source: String
    let line: Int
    let column: Int
    let message: String

    init(_ source: String, _ line: Int, _ column: Int, _ message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { source.debugDescription }
}

/// A valid rule (lines 1-4) followed by `line` as line 5.
private func ruleWithLine(_ line: String) -> String {
    "rule t\n  type t\n  match x\n  emit f()\n\(line)\n"
}

/// A valid rule whose `emit` line (line 4) is `  emit EXPR` (EXPR starts at column 8).
private func ruleWithEmit(_ expression: String) -> String {
    "rule t\n  type t\n  match x\n  emit \(expression)\n"
}

private let patternCases: [MalformedCase] = [
    MalformedCase(ruleWithMatch(#""đô la"#), 3, 15, "expected '\"' to close the text opened at 3:9, found end of line"),
    MalformedCase(ruleWithMatch("(a b"), 3, 13, "expected ')' to close the group opened at 3:9, found end of line"),
    MalformedCase(ruleWithMatch("(a (b) c"), 3, 17, "expected ')' to close the group opened at 3:9, found end of line"),
    MalformedCase(ruleWithMatch("a b)"), 3, 12, "expected an item or the end of the pattern (no group is open), found ')'"),
    MalformedCase(ruleWithMatch("a{3,1}"), 3, 10, "expected a minimum no greater than the maximum, found {3,1}"),
    MalformedCase(ruleWithMatch("a{2,9}"), 3, 13, "expected at most 8 repetitions, found '9'"),
    MalformedCase(ruleWithMatch("a{9}"), 3, 11, "expected at most 8 repetitions, found '9'"),
    MalformedCase(ruleWithMatch("a{0}"), 3, 11, "expected at least 1 repetition as the maximum, found '0'"),
    MalformedCase(ruleWithMatch("a{2,}"), 3, 13, "expected the maximum count after ',', found '}'"),
    MalformedCase(ruleWithMatch("a{2 3}"), 3, 13, "expected ',' or '}' after the count, found '3'"),
    MalformedCase(ruleWithMatch("{kind:number"), 3, 21, "expected '}' to close the '{' opened at 3:9, found end of line"),
    MalformedCase(ruleWithMatch("{knd:number}"), 3, 10, "expected an attribute kind, shape, line, dots or not, found 'knd'"),
    MalformedCase(ruleWithMatch("{shape:lower, not:stop}"), 3, 27, "expected a lexicon name like STOP_WORDS ([A-Z][A-Z0-9_]*) after 'not:', found 'stop'"),
    MalformedCase(ruleWithMatch("{not:}"), 3, 14, "expected a lexicon name like STOP_WORDS ([A-Z][A-Z0-9_]*) after 'not:', found '}'"),
    MalformedCase(ruleWithMatch("{kind:numbr}"), 3, 15, "expected a kind (one of word, number, punctuation, symbol), found 'numbr'"),
    MalformedCase(ruleWithMatch("{shape:caps}"), 3, 16, "expected a shape (one of lower, title, upper, mixed, digits, none), found 'caps'"),
    MalformedCase(ruleWithMatch("{kind number}"), 3, 15, "expected ':' after 'kind', found 'number'"),
    MalformedCase(ruleWithMatch("{dots:10}"), 3, 15, "expected a dots (one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), found '10'"),
    MalformedCase(ruleWithMatch("{dots:two}"), 3, 15, "expected a dots (one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), found 'two'"),
    MalformedCase(ruleWithMatch("{}"), 3, 10, "expected an attribute (kind, shape, line, dots or not), found '}'"),
    MalformedCase(ruleWithMatch("{kind:word,kind:number}"), 3, 20, "expected each attribute once, found 'kind' again"),
    MalformedCase(ruleWithMatch("{kind:word;shape:lower}"), 3, 19, "expected ',' or '}' after an attribute, found ';'"),
    MalformedCase(ruleWithMatch("/(abc/"), 3, 9, "expected a valid regular expression, found /(abc/: expected ')'"),
    MalformedCase(ruleWithMatch("/[z-a]/"), 3, 9, "expected a valid regular expression"),
    MalformedCase(ruleWithMatch("/abc"), 3, 13, "expected '/' to close the regular expression opened at 3:9, found end of line"),
    MalformedCase(ruleWithMatch("//"), 3, 9, "expected a regular expression between the slashes"),
    MalformedCase(ruleWithMatch("a+?"), 3, 11, "expected one quantifier per item after '+' (use a group: (x+)?), found '?'"),
    MalformedCase(ruleWithMatch("a |"), 3, 12, "expected an item after '|', found end of line"),
    MalformedCase(ruleWithMatch("| a"), 3, 9, "expected an item, found '|'"),
    MalformedCase(ruleWithMatch("()"), 3, 10, "expected an item, found ')'"),
    MalformedCase(ruleWithMatch("? a"), 3, 9, "expected an item, found '?'"),
    MalformedCase(ruleWithMatch("=x"), 3, 9, "expected an item, found '=x'"),
    MalformedCase(ruleWithMatch("{2}"), 3, 9, "expected an item, found '{2}'"),
    MalformedCase(ruleWithMatch("<Number>"), 3, 10, "expected a type name like number ([a-z][a-z0-9_]*), found 'Number'"),
    MalformedCase(ruleWithMatch("<number"), 3, 16, "expected '>' to close the '<' opened at 3:9, found end of line"),
    MalformedCase(ruleWithMatch("<>"), 3, 10, "expected a type name after '<', found '>'"),
    MalformedCase(ruleWithMatch("a=N"), 3, 11, "expected a capture name like amount"),
    MalformedCase(ruleWithMatch("a="), 3, 11, "expected a capture name after '=', found end of line"),
    MalformedCase(ruleWithMatch("a=null"), 3, 11, "not true, false or null"),
    MalformedCase(ruleWithMatch("^^a"), 3, 10, "expected an item after '^', found '^'"),
    MalformedCase(ruleWithMatch("a ^"), 3, 12, "expected an item after '^', found end of line"),
    MalformedCase(ruleWithMatch("a }"), 3, 11, "expected an item, found '}'"),
    MalformedCase(ruleWithMatch("a >"), 3, 11, "expected an item, found '>'"),
    MalformedCase(ruleWithMatch("~ a"), 3, 10, "expected a word or a quoted phrase right after '~', found ' '"),
    MalformedCase(ruleWithMatch("!"), 3, 10, "expected a word or a quoted phrase right after '!', found end of line"),
    MalformedCase(ruleWithMatch(#""""#), 3, 9, "expected at least one word between the quotes, found empty text"),
    MalformedCase(ruleWithMatch(#""a\n""#), 3, 12, "expected '\"' or '\\' after '\\' (the only escapes in quoted text), found 'n'"),
    MalformedCase(ruleWithMatch(String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)), 3, 41,
                  "expected at most 32 nested groups, found more"),
]

private let structureCases: [MalformedCase] = [
    MalformedCase("rule t\n  type t\n  matc x\n  match x\n  emit f()\n", 3, 3,
                  "unknown field 'matc'; expected one of type, priority, match, not-before, not-after, requires-before, requires-after, emit, example, counter"),
    MalformedCase("rule t\n  type t\n  emit f()\n", 1, 1, "expected a 'match' field in rule 't', found none"),
    MalformedCase("rule t\n  match x\n  emit f()\n", 1, 1, "expected a 'type' field in rule 't', found none"),
    MalformedCase("rule t\n  type t\n  match x\n", 1, 1, "expected an 'emit' field in rule 't', found none"),
    MalformedCase("rule a.b\n type t\n match x\n emit f()\nrule a.b\n type t\n match x\n emit f()\n", 5, 6,
                  "expected a rule id not used before in this file, found 'a.b' again (first at 1:6)"),
    MalformedCase("rule\n  type t\n  match x\n  emit f()\n", 1, 5,
                  "expected a rule id like money.scaled_number ([a-z][a-z0-9_]*(.[a-z0-9_]+)*) after 'rule', found end of line"),
    MalformedCase("rule   # no id\n  type t\n  match x\n  emit f()\n", 1, 5, "after 'rule', found end of line"),
    MalformedCase("rule Money.x\n  type t\n  match x\n  emit f()\n", 1, 6, "found 'Money.x'"),
    MalformedCase("rule a..b\n  type t\n  match x\n  emit f()\n", 1, 6, "found 'a..b'"),
    MalformedCase("rule a b\n  type t\n  match x\n  emit f()\n", 1, 8, "expected end of line after the rule name, found 'b'"),
    MalformedCase("  type money\nrule t\n  type t\n  match x\n  emit f()\n", 1, 3,
                  "expected a 'rule' or 'lexicon' declaration at column 1 before this indented line, found 'type'"),
    MalformedCase("\u{FFFD}\u{0}\u{7F}xyz\n", 1, 1, "expected 'rule' or 'lexicon' at the start of a line, found '\\u{FFFD}\\u{0}\\u{7F}xyz'"),
    MalformedCase(ruleWithLine(#"example "a""#), 5, 1, "found 'example' (fields are indented under their rule)"),
    MalformedCase("rules t\n", 1, 1, "expected 'rule' or 'lexicon' at the start of a line, found 'rules'"),
    MalformedCase("rule t\n  type t\n  type u\n  match x\n  emit f()\n", 3, 3, "expected 'type' once per rule, found it again (first at 2:3)"),
    MalformedCase("rule t\n  type Money\n  match x\n  emit f()\n", 2, 8, "expected a type name like money ([a-z][a-z0-9_]*), found 'Money'"),
    MalformedCase("rule t\n  type\n  match x\n  emit f()\n", 2, 7, "expected a type name like money ([a-z][a-z0-9_]*) after 'type', found end of line"),
    MalformedCase("rule t\n  type money date\n  match x\n  emit f()\n", 2, 14, "expected end of line after 'type money', found 'date'"),
    MalformedCase(ruleWithLine("  priority 2.5"), 5, 12, "expected an integer, found '2.5'"),
    MalformedCase(ruleWithLine("  priority 1\n  priority 2"), 6, 3, "expected 'priority' once per rule"),
    MalformedCase("rule t\n  type t\n  match\n  emit f()\n", 3, 8, "expected a pattern after 'match', found end of line"),
    MalformedCase(ruleWithLine("  not-before   # nothing"), 5, 13, "expected a pattern after 'not-before', found end of line"),
    MalformedCase(ruleWithLine("    | g"), 5, 5,
                  "expected a field name ('emit' cannot continue on a '|' line; only match and the before/after patterns can), found '|'"),
    MalformedCase("rule t\n  type t\n  match x\n  | y\n  emit f()\n", 4, 3,
                  "expected a '|' line indented deeper than the field it continues ('match' at 3:3), found one indented no deeper"),
    MalformedCase("rule t\n  | x\n  type t\n  match x\n  emit f()\n", 2, 3, "expected a field name, found '|'"),
]

private let emitCases: [MalformedCase] = [
    MalformedCase(ruleWithEmit("n"), 4, 8, "expected a producer call like money(amount: n), found 'n'"),
    MalformedCase(ruleWithEmit("1000"), 4, 8, "expected a producer call like money(amount: n), found '1000'"),
    MalformedCase(ruleWithEmit("money(amount: n"), 4, 23,
                  "expected ',' or ')' after an argument of 'money' (opened at 4:13), found end of line"),
    MalformedCase(ruleWithEmit("f() g"), 4, 12, "expected end of line after the call, found 'g'"),
    MalformedCase(ruleWithEmit("f(@)"), 4, 10, "expected a capture name, a JSON literal or a producer call, found '@'"),
    MalformedCase(ruleWithEmit("f(a,)"), 4, 12, "expected a capture name, a JSON literal or a producer call, found ')'"),
    MalformedCase(ruleWithEmit("f(a: x, a: y)"), 4, 16, "expected each argument label once in a call, found 'a' again"),
    MalformedCase(ruleWithEmit(#"f("abc)"#), 4, 15, "expected '\"' to close the string opened at 4:10, found end of line"),
    MalformedCase(ruleWithEmit("F()"), 4, 8, "expected a capture or producer name like amount ([a-z][A-Za-z0-9_]*), found 'F'"),
    MalformedCase(ruleWithEmit("f(A: 1)"), 4, 10, "expected an argument label like amount"),
    MalformedCase(ruleWithEmit("f(x: [1, 2)"), 4, 18, "expected ',' or ']' in the array opened at 4:13, found ')'"),
    MalformedCase(ruleWithEmit("f(-)"), 4, 11, "expected a digit after '-', found ')'"),
    MalformedCase(ruleWithEmit(String(repeating: "f(", count: 40) + String(repeating: ")", count: 40)), 4, 73,
                  "expected at most 32 nested calls, found more"),
]

private let exampleCases: [MalformedCase] = [
    MalformedCase(ruleWithLine(#"  example "a" => {"amount": 5,}"#), 5, 31, "expected a string key, found '}'"),
    MalformedCase(ruleWithLine(#"  example "a" => {"amount" 5}"#), 5, 28, "expected ':' after the key, found '5'"),
    MalformedCase(ruleWithLine(#"  example "a" => {"amount": 5 "currency": "VND"}"#), 5, 31,
                  "expected ',' or '}' in the object opened at 5:18, found '\"'"),
    MalformedCase(ruleWithLine(#"  example "a" => {"a": 1, "a": 2}"#), 5, 27, "expected each key once in an object, found \"a\" again"),
    MalformedCase(ruleWithLine(#"  example "a" => tru"#), 5, 18, "expected a JSON value, found 'tru'"),
    MalformedCase(ruleWithLine(#"  example "a" => {"amount": 05}"#), 5, 30, "expected ',' or '}' in the object opened at 5:18, found '5'"),
    MalformedCase(ruleWithLine(#"  example "a" => 1."#), 5, 20, "expected a digit after '.', found end of line"),
    MalformedCase(ruleWithLine(#"  example "a" => {"k": "\x"}"#), 5, 26, "expected an escape"),
    MalformedCase(ruleWithLine("  example \"a\" => {\"k\": \"a\tb\"}"), 5, 26, "control character"),
    MalformedCase(ruleWithLine(#"  example "a" = 5"#), 5, 15, "expected '=>' or end of line after the example text, found '='"),
    MalformedCase(ruleWithLine(#"  example "a" =>"#), 5, 17, "expected a JSON value, found end of line"),
    MalformedCase(ruleWithLine(#"  example "a" => {"a": 1} x"#), 5, 27, "expected end of line after the expected value, found 'x'"),
    MalformedCase(ruleWithLine(#"  counter "a" => {}"#), 5, 15, "expected end of line after the counter text, found '='"),
    MalformedCase(ruleWithLine(#"  example "a »b«""#), 5, 14, "expected '«' before '»', found '»'"),
    MalformedCase(ruleWithLine(#"  example "«a""#), 5, 14, "expected '»' to close the '«' at 5:12, found the end of the text"),
    MalformedCase(ruleWithLine(#"  example "«a» «b»""#), 5, 16, "expected at most one «marked» part, found a second '«'"),
    MalformedCase(ruleWithLine(#"  example "«»""#), 5, 13, "expected some text between '«' and '»', found '»'"),
    MalformedCase(ruleWithLine(#"  example """#), 5, 11, "expected some text between the quotes, found empty text"),
    MalformedCase(ruleWithLine(#"  example abc"#), 5, 11, "expected a quoted text after 'example', found 'abc'"),
    MalformedCase(ruleWithLine(#"  counter"#), 5, 10, "expected a quoted text after 'counter', found end of line"),
    MalformedCase(ruleWithLine(#"  example "a\nb""#), 5, 14, "expected '\"' or '\\' after '\\'"),
    MalformedCase(ruleWithLine(#"  example "abc"#), 5, 15, "expected '\"' to close the text opened at 5:11, found end of line"),
]

private let lexiconCases: [MalformedCase] = [
    MalformedCase("lexicon scale\n  x\n", 1, 9, "expected a lexicon name like SCALE ([A-Z][A-Z0-9_]*), found 'scale'"),
    MalformedCase("lexicon\n  x\n", 1, 8, "expected a lexicon name like SCALE ([A-Z][A-Z0-9_]*) after 'lexicon', found end of line"),
    MalformedCase("lexicon A\n", 1, 1, "expected at least one entry in lexicon A, found none"),
    MalformedCase("lexicon A\n  @match fuzzy\n  x\n", 2, 10, "expected key, lower or exact after '@match', found 'fuzzy'"),
    MalformedCase("lexicon A\n  @match key exact\n  x\n", 2, 14, "expected end of line after '@match key', found 'exact'"),
    MalformedCase("lexicon A\n  x\n  @match key\n", 3, 3, "expected '@match' only on the lexicon's first line"),
    MalformedCase("lexicon A\n  @mach key\n  x\n", 2, 3, "expected '@match' (quote a phrase that starts with '@'), found '@mach'"),
    MalformedCase("lexicon A\n  đô la USD\n", 2, 9, "expected end of line after the value (quote a phrase of several words), found 'USD'"),
    MalformedCase("lexicon A\n  \"\"  x\n", 2, 3, "expected a phrase of at least one word, found empty text"),
    MalformedCase("lexicon A\n  \"đô la  x\n", 2, 12, "expected '\"' to close the text opened at 2:3, found end of line"),
    MalformedCase("lexicon A\n  x {1}\n", 2, 5, "expected a JSON scalar (number, string, true, false, null) or a word as the value, found '{'"),
    MalformedCase("lexicon A\n  x\nlexicon A\n  y\n", 3, 9, "expected a lexicon name not used before in this file, found 'A' again (first at 1:9)"),
]

@Suite struct MalformedInputTests {
    @Test(arguments: patternCases + structureCases + emitCases + exampleCases + lexiconCases)
    func firstDiagnostic(_ test: MalformedCase) throws {
        let found = diagnostics(test.source)
        let first = try #require(found.first, "no diagnostic")
        #expect(first.location == at(test.line, test.column), "\(found)")
        #expect(first.message.contains(test.message), "\(first.message)")
        #expect(first.description.hasPrefix("\(testPath):\(test.line):\(test.column): error: "))
    }

    @Test func thereAreEnoughCases() {
        #expect(patternCases.count + structureCases.count + emitCases.count + exampleCases.count + lexiconCases.count >= 25)
    }

    @Test func parsingGoesOnAfterAnErrorAndReportsEverything() {
        let source = """
        lexicon A
          "unterminated
          ok  1
        rule a
          type t
          match (x
          emit f(
          example "«a"
          colour red
        rule a
          type t
          match x
          emit f()
        rule b
          match y
        """
        let found = diagnostics(source)
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == [
            "2:16", "6:11", "7:10", "8:14", "9:3", "10:6", "14:1", "14:1",
        ], "\(found)")
        #expect(found.suffix(2).map(\.message) == [
            "expected a 'type' field in rule 'b', found none (type, match and emit are required)",
            "expected an 'emit' field in rule 'b', found none (type, match and emit are required)",
        ])
    }

    @Test func eachMissingFieldIsReported() {
        let found = diagnostics("rule a\n  priority 3\n")
        #expect(found.map(\.message) == [
            "expected a 'type' field in rule 'a', found none (type, match and emit are required)",
            "expected a 'match' field in rule 'a', found none (type, match and emit are required)",
            "expected an 'emit' field in rule 'a', found none (type, match and emit are required)",
        ])
    }

    @Test func diagnosticsAreThrownTogether() {
        #expect(throws: RuleDiagnostics.self) { try RuleFileParser.parse("rule\n", path: "x.rules") }
        do throws(RuleDiagnostics) {
            _ = try RuleFileParser.parse("rule\nrules\n", path: "x.rules")
        } catch {
            #expect(error.description == """
            x.rules:1:5: error: expected a rule id like money.scaled_number ([a-z][a-z0-9_]*(.[a-z0-9_]+)*) after 'rule', found end of line
            x.rules:2:1: error: expected 'rule' or 'lexicon' at the start of a line, found 'rules'
            """)
        }
    }
}
