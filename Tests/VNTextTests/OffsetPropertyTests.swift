import Foundation
import TestSupport
import Testing
@testable import VNText

/// Properties that must hold for any text: every token's offsets slice exactly
/// its text out of the original, and equivalent spellings give the same tokens.
@Suite struct OffsetPropertyTests {
    /// Checks the offset invariants of one text and returns its tokenization.
    @discardableResult
    private func checkOffsets(_ original: String, _ options: NormalizationOptions = NormalizationOptions(),
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> TokenizedText {
        let tokenized = try Tokenizer().tokenize(Normalizer(options: options).normalize(original))
        let originalScalars = scalars(original)
        var previousEnd = 0
        for token in tokenized.tokens {
            let range = tokenized.scalarRange(of: token)
            #expect(range.lowerBound >= previousEnd, "tokens overlap or go backwards in \(original.debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(range.upperBound <= originalScalars.count, sourceLocation: sourceLocation)
            #expect(!range.isEmpty, "empty token", sourceLocation: sourceLocation)
            #expect(slice(original, range) == tokenized.originalText(of: token),
                    "scalar offsets do not slice the token's text", sourceLocation: sourceLocation)
            previousEnd = range.upperBound
        }
        return tokenized
    }

    /// (norm, key, kind, shape, spaceBefore) of each token: what must not depend on the spelling.
    private func signature(_ tokenized: TokenizedText) -> [String] {
        // (Compared with firstDifference so a failure prints one token, not the document.)
        tokenized.tokens.map {
            "\(tokenized.normalizedText(of: $0))|\(tokenized.key(of: $0))|\($0.kind)|\($0.shape)|\($0.spaceBefore)|\($0.sentence)"
        }
    }

    @Test func corpusOffsetsSliceTheOriginal() throws {
        let documents = try corpusDocuments()
        #expect(documents.count == 5)
        for document in documents {
            let tokenized = try checkOffsets(document.text)
            #expect(tokenized.tokens.count > 500, "\(document.name) has too few tokens")
        }
    }

    @Test func corpusInNFDGivesTheSameTokens() throws {
        for document in try corpusDocuments() {
            let nfd = document.text.decomposedStringWithCanonicalMapping
            #expect(nfd.unicodeScalars.count > document.text.unicodeScalars.count)
            let fromNFC = try checkOffsets(document.text)
            let fromNFD = try checkOffsets(nfd)
            #expect(firstDifference(signature(fromNFC), signature(fromNFD)) == nil, "\(document.name)")
        }
    }

    @Test func corpusWithLookalikesAndOtherToneStyleGivesTheSameTokens() throws {
        for document in try corpusDocuments() {
            let variant = document.text
                .replacingAll("Đ", with: "\u{00D0}")
                .replacingAll(" ", with: "\u{00A0}")
                .replacingAll("hóa", with: "hoá")
                .replacingAll("Hóa", with: "Hoá")
                .replacingAll("ủy", with: "uỷ")
                .replacingAll("Ủy", with: "Uỷ")
                .replacingAll("hòa", with: "hoà")
            #expect(variant != document.text)
            let plain = try checkOffsets(document.text)
            let changed = try checkOffsets(variant)
            #expect(firstDifference(signature(plain), signature(changed)) == nil, "\(document.name)")
        }
    }

    @Test func generatedTextsKeepOffsets() throws {
        let pieces = [
            "Hà", "Nội", "Thanh", "Hoá", "Hóa", "thuỷ", "khỏe", "LĐLĐ", "CĐCS", "Ðà", "đồng", "1.332", "5,5",
            "107,3%", "28/05/2023", "11:04", "02/NQ-BCT", "Covid-19", "14h30", "TP.", "PGS.", "…", "“", "”",
            "–", "😀", "👍🏻", "\u{00A0}", "\u{200B}", "\u{00AD}", "\u{FEFF}", " ", "  ", "\n", "\r\n", "\t",
            "Nguye\u{0302}\u{0303}n", "a\u{0301}", "\u{0301}", "ư\u{0309}", "Ủy", "uỷ", "!", ".", ",", "(", ")",
            "%", "$", "©", "漢字", "ไทย", "x\u{0323}\u{0302}", "\u{1EA0}", "©2021",
        ]
        for text in generatedTexts(from: pieces, count: 300, maxPieces: 25, seed: 20261123) {
            try checkOffsets(text)
            var raw = NormalizationOptions()
            raw.collapseWhitespace = false
            raw.removeInvisibles = false
            try checkOffsets(text, raw)
            // NFD and NFC spellings tokenize the same.
            #expect(try signature(checkOffsets(text.decomposedStringWithCanonicalMapping))
                    == signature(checkOffsets(text.precomposedStringWithCanonicalMapping)), "\(text.debugDescription)")
        }
    }
}

/// The first position where two token signatures differ, with both sides, or nil.
func firstDifference(_ a: [String], _ b: [String]) -> String? {
    for i in 0..<max(a.count, b.count) {
        let left = i < a.count ? a[i] : "<end>", right = i < b.count ? b[i] : "<end>"
        if left != right { return "token \(i): \(left) vs \(right)" }
    }
    return nil
}

extension String {
    /// Replaces every occurrence of `target` (a literal) with `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
