import Foundation
import Testing
import VNEngine
@testable import VNExtract
import VNRules

/// The repository root, from this file's path.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built-in rules compiled once for all tests here.
private let builtinRules: RuleSet = {
    do { return try RuleLoader.load() } catch { fatalError("built-in rules do not compile:\n\(error)") }
}()

@Suite struct BuiltinRulesTests {
    @Test func embeddedRulesMatchTheRulesFolder() throws {
        let onDisk = try RuleLoader.sources(inDirectory: root.appendingPathComponent("rules").path)
        let prefix = root.appendingPathComponent("rules").path + "/"
        let disk = onDisk.map { ($0.path.replacingOccurrences(of: prefix, with: ""), $0.contents) }
        let embedded = BuiltinRules.files.map { ($0.path, $0.contents) }
        #expect(disk.map(\.0) == embedded.map(\.0), "rules/ and the embedded copy list different files: run scripts/embed-rules")
        for ((path, text), (_, copy)) in zip(disk, embedded) {
            #expect(text == copy, "rules/\(path) differs from its embedded copy: run scripts/embed-rules")
        }
    }

    @Test func builtinRulesCompile() {
        #expect(builtinRules.rules.count >= 5)
        #expect(Set(builtinRules.typeNames).isSuperset(of: ["number", "money", "quantity"]))
    }

    @Test func everyRuleHasTwoExamples() {
        for rule in builtinRules.rules {
            let positives = rule.examples.filter { !$0.isCounter }.count
            #expect(positives >= 2, "\(rule.location): \(rule.id) has \(positives) example(s); every rule needs at least two")
        }
    }

    /// The date rules (issue: every date rule has examples and counter-examples).
    @Test func everyDateRuleHasACounterExample() {
        let dateRules = builtinRules.rules.filter { $0.type == "date" || $0.type == "date_part" }
        #expect(dateRules.count >= 20)
        for rule in dateRules {
            let counters = rule.examples.filter(\.isCounter).count
            #expect(counters > 0, "\(rule.location): \(rule.id) has no counter-example")
        }
    }

    /// Every `example` and `counter` line of every built-in rule, one test case each ("money.amount:12").
    static let examples: [ExampleCase] = builtinRules.rules.flatMap { rule in
        rule.examples.map { ExampleCase(rule: rule, example: $0) }
    }

    @Test(arguments: examples)
    func ruleExample(_ example: ExampleCase) throws {
        let extractor = try ExampleRunner.extractor(for: builtinRules)
        let problem = try ExampleRunner.check(example.example, of: example.rule, extractor)
        #expect(problem == nil, "\(example.example.location): \(problem ?? "")")
    }
}

/// One rule example as a test argument, named by rule id and line.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    let rule: CompiledRule
    let example: RuleExample
    var testDescription: String { "\(rule.id):\(example.location.line)" }
}
