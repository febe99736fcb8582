import Testing
@testable import VNEngine
@testable import VNExtract

/// The extractor checks the start context (`not-before`, `requires-before`) of
/// the rules with a `requires-before` pattern before running them at a
/// position (``RuleSet/checksStartFirst``), instead of on the matches they
/// find. That must never change what is found: with the built-in rules, the
/// entities are the same with the early check on and off, on the corpus, the
/// phrase files and generated text.
@Suite struct StartContextTests {
    @Test func checkingTheStartFirstNeverChangesTheEntities() throws {
        let rules = try RuleLoader.load()
        #expect(rules.checksStartFirst.contains(true))
        let early = try Extractor.standard(ruleSet: rules), late = try Extractor.standard(ruleSet: rules)
        late.checksStartContextFirst = false
        try ShortcutEquivalence.expectSame(early, as: late,
                                           extraPieces: ["©", "Tết", "Sáng", "hôm", "nhiệm kỳ", "giai đoạn", "2023", "2024", "-", "/", "5", "ngày", "APEC"],
                                           count: 400, seed: 11, ShortcutEquivalence.entities)
    }
}
