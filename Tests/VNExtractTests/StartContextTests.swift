import Foundation
import Testing
import TestSupport
@testable import VNEngine
@testable import VNExtract

/// The extractor checks the start context (`not-before`, `requires-before`) of
/// the rules with a `requires-before` pattern before running them at a
/// position (``RuleSet/checksStartFirst``), instead of on the matches they
/// find. That must never change what is found: with the built-in rules, the
/// entities are the same with the early check on and off, on the corpus, the
/// phrase files and generated text.
@Suite struct StartContextTests {
    static func entities(_ text: String, _ extractor: Extractor) throws -> [String] {
        try extractor.extract(text).entities.map { "\($0.rule) \($0.start)..<\($0.end) \($0.value) \($0.warnings)" }
    }

    @Test func checkingTheStartFirstNeverChangesTheEntities() throws {
        let rules = try RuleLoader.load()
        #expect(rules.checksStartFirst.contains(true))
        let early = try Extractor.standard(ruleSet: rules), late = try Extractor.standard(ruleSet: rules)
        late.checksStartContextFirst = false
        let corpus = try SecondTokenFilterTests.texts()
        let pieces = corpus.joined(separator: " ").split(separator: " ").prefix(4000).map(String.init)
            + ["©", "Tết", "Sáng", "hôm", "nhiệm kỳ", "giai đoạn", "2023", "2024", "-", "/", "5", "ngày", "APEC"]
        var checked = 0
        for text in corpus + generatedTexts(from: pieces, count: 400, maxPieces: 12, seed: 11) {
            let expected = try Self.entities(text, late)
            #expect(try Self.entities(text, early) == expected, "\(text)")
            checked += expected.count
        }
        #expect(checked > 1000)
    }
}
