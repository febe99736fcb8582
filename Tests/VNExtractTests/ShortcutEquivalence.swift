import Foundation
import Testing
import TestSupport
@testable import VNEngine
@testable import VNExtract

/// What the matcher's shortcut tests share (``SecondTokenFilterTests``,
/// ``StartContextTests``, ``MatcherShortcutTests``): the texts they run the
/// built-in rules on, and the comparison of an extractor that takes a
/// shortcut with one that does not.
enum ShortcutEquivalence {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    /// The sample articles, and every column of every phrase file as a text of its own.
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

    /// Every candidate (winners, losers, rejected and excluded matches), as text.
    static func candidates(_ text: String, _ extractor: Extractor) throws -> [String] {
        try extractor.extract(text, keepCandidates: true).candidates.map { "\($0.rule) \($0.tokens) \($0.outcome) \($0.value)" }
    }

    /// The entities, as text.
    static func entities(_ text: String, _ extractor: Extractor) throws -> [String] {
        try extractor.extract(text).entities.map { "\($0.rule) \($0.start)..<\($0.end) \($0.value) \($0.warnings)" }
    }

    /// Expects `describe` to give the same with `shortcut` as with `reference`
    /// for the corpus texts and `count` texts made of pieces cut from them
    /// (and `extraPieces`) joined in random order with and without spaces;
    /// and more than 1000 items compared in all.
    static func expectSame(_ shortcut: Extractor, as reference: Extractor, extraPieces: [String] = [], count: Int, seed: UInt64,
                           _ describe: (String, Extractor) throws -> [String],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let corpus = try texts()
        let pieces = corpus.joined(separator: " ").split(separator: " ").prefix(4000).map(String.init) + extraPieces
        var checked = 0
        for text in corpus + generatedTexts(from: pieces, count: count, maxPieces: 12, seed: seed) {
            let expected = try describe(text, reference)
            #expect(try describe(text, shortcut) == expected, "\(text)", sourceLocation: sourceLocation)
            checked += expected.count
        }
        #expect(checked > 1000, sourceLocation: sourceLocation)
    }
}
