import Testing
@testable import VNRules

/// The path every test file is parsed under.
let testPath = "test.rules"

/// A location in `test.rules`.
func at(_ line: Int, _ column: Int, file: String = testPath) -> RuleSourceLocation {
    RuleSourceLocation(file: file, line: line, column: column)
}

/// Parses `source` as `test.rules`, recording the diagnostics as a test issue if it fails.
func parseRules(_ source: String) throws -> RuleFile {
    do {
        return try RuleFileParser.parse(source, path: testPath)
    } catch {
        Issue.record("unexpected diagnostics:\n\(error)")
        throw error
    }
}

/// The diagnostics parsing `source` gives (empty if it parses).
func diagnostics(_ source: String) -> [RuleDiagnostic] {
    do throws(RuleDiagnostics) {
        _ = try RuleFileParser.parse(source, path: testPath)
        return []
    } catch {
        return error.diagnostics
    }
}

/// The first line and column where a `match` value starts in ``ruleWithMatch(_:)``: line 3, column 9.
let matchLine = 3
let matchColumn = 9

/// A minimal rule whose `match` line (line 3) is `  match PATTERN`.
func ruleWithMatch(_ pattern: String) -> String {
    "rule t\n  type t\n  match \(pattern)\n  emit f()\n"
}

/// The pattern of a minimal rule whose `match` is `pattern`.
func pattern(_ pattern: String) throws -> PatternNode {
    try #require(try parseRules(ruleWithMatch(pattern)).rules.first).pattern
}

/// The location of the `offset`-th character (0-based) of a pattern written by ``pattern(_:)``.
func inPattern(_ offset: Int) -> RuleSourceLocation {
    at(matchLine, matchColumn + offset)
}

/// Shorthand for a lower-case literal.
func lit(_ words: String...) -> PatternNode {
    .literal(words: words, mode: .lower)
}
