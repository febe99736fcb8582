import Foundation
import Testing
import TestSupport
@testable import VNEngine
@testable import VNExtract

/// The matcher skips a rule where what follows its first item rules it out
/// (``SecondTokenFilters``). That must never change what is found: with the
/// built-in rules, every candidate (winners, losers, rejected and excluded
/// matches) is the same with the filters on and off, on the corpus, the
/// phrase files and generated text.
@Suite struct SecondTokenFilterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    static func texts() throws -> [String] {
        let files = FileManager.default
        var texts: [String] = []
        for folder in ["seeds", "phrases"] {
            let directory = root.appendingPathComponent(folder)
            for name in try files.contentsOfDirectory(atPath: directory.path).sorted() {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                // A phrase file: one phrase per line, its tab-separated columns as separate texts.
                texts += folder == "seeds" ? [text] : text.split(separator: "\n").flatMap { $0.split(separator: "\t").map(String.init) }
            }
        }
        return texts
    }

    static func candidates(_ text: String, _ extractor: Extractor) throws -> [String] {
        try extractor.extract(text, keepCandidates: true).candidates.map { "\($0.rule) \($0.tokens) \($0.outcome) \($0.value)" }
    }

    @Test func filtersNeverChangeTheCandidates() throws {
        let rules = try RuleLoader.load()
        let filtered = try Extractor.standard(ruleSet: rules), unfiltered = try Extractor.standard(ruleSet: rules)
        unfiltered.usesSecondTokenFilters = false
        let corpus = try Self.texts()
        // Pieces cut from the corpus, joined in random order with and without spaces.
        let pieces = corpus.joined(separator: " ").split(separator: " ").prefix(4000).map(String.init)
            + ["/", "-", ":", ".", "h", "năm", "tháng", "ngày", "đến", "từ", "%", "2023", "15", "05"]
        var checked = 0
        for text in corpus + generatedTexts(from: pieces, count: 400, maxPieces: 12, seed: 7) {
            let expected = try Self.candidates(text, unfiltered)
            #expect(try Self.candidates(text, filtered) == expected, "\(text)")
            checked += expected.count
        }
        #expect(checked > 1000)
    }
}
