import Testing
@testable import VNEngine
@testable import VNExtract

/// The matcher skips a rule where what follows its first item rules it out
/// (``SecondTokenFilters``). That must never change what is found: with the
/// built-in rules, every candidate (winners, losers, rejected and excluded
/// matches) is the same with the filters on and off, on the corpus, the
/// phrase files and generated text.
@Suite struct SecondTokenFilterTests {
    @Test func filtersNeverChangeTheCandidates() throws {
        let rules = try RuleLoader.load()
        let filtered = try Extractor.standard(ruleSet: rules), unfiltered = try Extractor.standard(ruleSet: rules)
        unfiltered.usesSecondTokenFilters = false
        try ShortcutEquivalence.expectSame(filtered, as: unfiltered,
                                           extraPieces: ["/", "-", ":", ".", "h", "năm", "tháng", "ngày", "đến", "từ", "%", "2023", "15", "05"],
                                           count: 400, seed: 7, ShortcutEquivalence.candidates)
    }
}
