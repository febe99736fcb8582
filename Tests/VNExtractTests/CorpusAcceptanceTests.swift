import Foundation
import Testing
import VNEngine
import VNEval
@testable import VNExtract

/// The acceptance bars on the bundled corpus: CI fails when the built-in rules
/// drop under them. Tune rules on the idea, never on these five texts.
@Suite struct CorpusAcceptanceTests {
    static let goldPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/gold/seeds.jsonl").path

    /// Types with their minimum F1 and value accuracy.
    static let bars: [(type: String, minimum: Double)] = [("money", 0.95), ("quantity", 0.95), ("date", 0.95), ("organization", 0.90)]

    @Test func builtinRulesMeetTheBars() throws {
        let gold = try EvalDocumentSet.read(path: Self.goldPath, role: .gold)
        let extractor = try Extractor.standard(ruleSet: try RuleLoader.load())
        let predictions = try CorpusEvaluation.predictions(for: gold, extractor: extractor)
        let report = Scorer(options: ScoreOptions(types: Self.bars.map(\.type))).score(gold: gold, predictions: predictions)
        for bar in Self.bars {
            let metrics = try #require(report.score(for: bar.type))
            #expect(metrics.gold > 0)
            #expect((metrics.f1 ?? 0) >= bar.minimum, "\(bar.type) F1 \(metrics.f1 ?? 0) is under \(bar.minimum)\n\(report.renderErrors(limit: 10))")
            #expect((metrics.valueAccuracy ?? 0) >= bar.minimum, "\(bar.type) value accuracy \(metrics.valueAccuracy ?? 0) is under \(bar.minimum)")
        }
        // Predicted texts slice the gold text at their offsets (the contract the scorer checks).
        #expect(report.validation.checked > 0)
    }
}
