import VNEngine
import VNRules
import VNText

/// A rule example that did not come out as written.
public struct ExampleFailure: Sendable, CustomStringConvertible {
    /// Where the example is.
    public var location: RuleSourceLocation
    /// The rule it belongs to.
    public var rule: String
    /// What was expected and what came out.
    public var message: String

    public var description: String { "\(location): \(rule): \(message)" }
}

/// Runs the `example` and `counter` lines of every rule: the rule engine's own
/// test suite (`vnextract test`, and a Swift test over the built-in rules).
public enum ExampleRunner {
    /// The outcome of a run.
    public struct Report: Sendable {
        /// Examples that came out as written.
        public var passed: Int
        /// Those that did not.
        public var failures: [ExampleFailure]
    }

    /// Runs every example of every rule in `ruleSet`.
    public static func run(_ ruleSet: RuleSet) throws(TextError) -> Report {
        let extractor = try extractor(for: ruleSet)
        var report = Report(passed: 0, failures: [])
        for rule in ruleSet.rules {
            for example in rule.examples {
                if let problem = try check(example, of: rule, extractor) {
                    report.failures.append(ExampleFailure(location: example.location, rule: rule.id, message: problem))
                } else {
                    report.passed += 1
                }
            }
        }
        return report
    }

    /// The extractor examples run on: every type, no document passes (an
    /// example tests what its rule emits), internal fields kept.
    public static func extractor(for ruleSet: RuleSet) throws(TextError) -> Extractor {
        try Extractor(ruleSet: ruleSet, outputTypes: Set(ruleSet.typeNames), keepsInternalKeys: true)
    }

    /// Nil if the example holds, else what went wrong.
    public static func check(_ example: RuleExample, of rule: CompiledRule, _ extractor: Extractor) throws(TextError) -> String? {
        let result = try extractor.extract(example.text)
        let length = example.text.unicodeScalars.count
        let region = example.marked ?? 0..<length
        let ofType = result.entities.filter { $0.type == rule.type && $0.start < region.upperBound && $0.end > region.lowerBound }
        let shown = ofType.map { "\($0.rule) «\($0.text)» \($0.value)" }.joined(separator: "; ")
        if example.isCounter {
            guard let wrong = ofType.first(where: { $0.rule == rule.id }) else { return nil }
            return "counter-example: expected no \(rule.type) from this rule, got «\(wrong.text)» \(wrong.value)"
        }
        guard ofType.count == 1, let entity = ofType.first else {
            return "expected one \(rule.type) covering «\(slice(example.text, region))», got \(ofType.count)" + (shown.isEmpty ? "" : ": \(shown)")
        }
        if entity.start != region.lowerBound || entity.end != region.upperBound {
            return "expected the span «\(slice(example.text, region))», got «\(entity.text)»"
        }
        if entity.rule != rule.id {
            return "expected it from this rule, got it from \(entity.rule)"
        }
        if let expected = example.expected {
            // Internal "_" fields count only where the example writes some.
            let namesInternal = expected.object?.keys.contains { $0.hasPrefix("_") } ?? false
            let actual = namesInternal ? entity.value : entity.value.removingInternalKeys
            if !ExampleValues.equal(expected, actual) { return "expected \(expected), got \(actual)" }
        }
        return nil
    }

    private static func slice(_ text: String, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[range])
        return String(view)
    }
}

/// Value equality for examples: numbers within 1e-9 relative, everything else exact.
public enum ExampleValues {
    /// Whether two values are equal (numbers within 1e-9 relative).
    public static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        case (.array(let xs), .array(let ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { equal($0, $1) }
        case (.object(let xs), .object(let ys)):
            return Set(xs.keys) == Set(ys.keys) && xs.allSatisfy { key, value in equal(value, ys[key]!) }
        default:
            return a == b
        }
    }
}
