import Foundation
import TestSupport
import Testing
@testable import VNText

/// The tokenizer skips ICU's word breaks for texts where they cannot cut any
/// token finer (``Tokenizer/icuCannotSplitFurther(_:)``). These tests run both
/// ways and require identical tokens: ranges, original ranges, keys, kinds,
/// shapes and spacing.
@Suite struct TokenizerShortcutTests {
    private func tokens(_ text: String, alwaysUseICU: Bool, raw: Bool = false) throws -> [String] {
        var options = NormalizationOptions()
        if raw {
            options.collapseWhitespace = false
            options.removeInvisibles = false
        }
        let normalized = try Normalizer(options: options).normalize(text)
        let tokenized = try Tokenizer().tokenize(normalized, alwaysUseICU: alwaysUseICU)
        return tokenized.tokens.map {
            "\($0.range)|\($0.originalRange)|\(tokenized.key(of: $0))|\($0.kind)|\($0.shape)|\($0.spaceBefore)|\($0.sentence)"
        }
    }

    private func expectSameBothWays(_ text: String, raw: Bool = false) throws {
        let shortcut = try tokens(text, alwaysUseICU: false, raw: raw)
        let icu = try tokens(text, alwaysUseICU: true, raw: raw)
        #expect(firstDifference(shortcut, icu) == nil, "\(text.debugDescription)")
    }

    @Test func vietnameseTextTakesTheShortcut() throws {
        let text = "LĐLĐ quận Hai Bà Trưng trao 1.332 suất quà (trị giá 5,5 tỷ đồng) ngày 25/11/2022 – “Tháng Công nhân”…"
        let normalized = try Normalizer().normalize(text)
        #expect(Tokenizer.icuCannotSplitFurther(normalized.units))
    }

    @Test(arguments: [
        "漢字 và tiếng Việt",       // ideographs: ICU's dictionary splits them
        "ภาษาไทย",                 // Thai
        "a \u{0301}b",             // a combining mark after a space
        "😀 vui",                  // outside the BMP
        "x\u{200D}y",              // a format character (kept when invisibles are not removed)
    ])
    func otherScriptsGoThroughICU(_ text: String) throws {
        var options = NormalizationOptions()
        options.removeInvisibles = false
        let normalized = try Normalizer(options: options).normalize(text)
        #expect(!Tokenizer.icuCannotSplitFurther(normalized.units))
    }

    @Test func corpusTokenizesTheSameWithAndWithoutICU() throws {
        for document in try corpusDocuments() {
            try expectSameBothWays(document.text)
            try expectSameBothWays(document.text.decomposedStringWithCanonicalMapping)
        }
    }

    @Test func generatedTextsTokenizeTheSameWithAndWithoutICU() throws {
        let pieces = [
            "Hà", "Nội", "Hoá", "LĐLĐ", "Ðà", "đồng", "1.332", "5,5", "1,2,3", "1.a", "107,3%", "28/05/2023",
            "11:04", "02/NQ-BCT", "Covid-19", "14h30", "TP.HCM", "don't", "l'eau", "PGS.", "…", "...", "..",
            "“", "”", "–", "—", "\u{00A0}", "\u{00AD}", " ", "  ", "\n", "\t", "a\u{0301}", "\u{0301}",
            "x\u{0323}\u{0302}", "1\u{0301}2", ".\u{0301}", "!", "?!", ",", "(", ")", "%", "%%", "$", "€", "©",
            "²", "½", "Ⅻ", "α", "βγ", "Москва", "Երևան", "ʼ", "ˆ", "℃", "№", "→", "∑", "ǅ", "ﬁ", "_", "#", "@",
        ]
        for text in generatedTexts(from: pieces, count: 500, maxPieces: 20, seed: 7_011_2026) {
            try expectSameBothWays(text)
            try expectSameBothWays(text, raw: true)
        }
    }

    @Test(arguments: ["", "1.332", "Hà Nội", "đồng", "漢字", "😀x", "a\u{0301}"])
    func stringFromCodeUnitsMatchesTheStandardLibrary(_ text: String) {
        #expect(String(utf16CodeUnits: Array(text.utf16)) == text)
        #expect(String(utf16CodeUnits: Array(text.utf16)[...]) == text)
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() {
        let units: [UInt16] = [0x61, 0xD800, 0x62, 0xDC00, 0xD83D]
        #expect(String(utf16CodeUnits: units) == String(decoding: units, as: UTF16.self))
    }
}
