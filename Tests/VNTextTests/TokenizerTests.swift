import Testing
@testable import VNText

/// Tokenizes with default normalization and returns (text, kind, shape, spaceBefore) per token.
private func tokens(_ text: String) throws -> [(text: String, kind: TokenKind, shape: TokenShape, space: Bool)] {
    let tokenized = try Tokenizer().tokenize(text)
    return tokenized.tokens.map { (tokenized.originalText(of: $0), $0.kind, $0.shape, $0.spaceBefore) }
}

@Suite struct TokenizerTests {
    @Test(arguments: ["1.332", "705.000.000", "5,5", "01", "2023", "28.05.2023", "2.7"])
    func keepsVietnameseNumbersWhole(number: String) throws {
        let result = try tokens("có \(number) người")
        #expect(result.map(\.text) == ["có", number, "người"])
        #expect(result[1].kind == .number)
        #expect(result[1].shape == .digits)
    }

    @Test(arguments: [
        ("107,3%", ["107,3", "%"]),
        ("28/05/2023", ["28", "/", "05", "/", "2023"]),
        ("11:04", ["11", ":", "04"]),
        ("02/NQ-BCT", ["02", "/", "NQ", "-", "BCT"]),
        ("Covid-19", ["Covid", "-", "19"]),
        ("14h30", ["14", "h", "30"]),
        ("TP.HCM", ["TP", ".", "HCM"]),
        ("6/6", ["6", "/", "6"]),
    ])
    func composablePartsAreWrittenTogether(text: String, parts: [String]) throws {
        let result = try tokens("ngày \(text) nay")
        #expect(result.map(\.text) == ["ngày"] + parts + ["nay"])
        // Only the first part has white space before it: rules compose the rest.
        #expect(result.dropFirst().dropLast().map(\.space) == [true] + Array(repeating: false, count: parts.count - 1))
    }

    @Test func trailingPunctuationIsNotPartOfANumber() throws {
        #expect(try tokens("năm 2023.").map(\.text) == ["năm", "2023", "."])
        #expect(try tokens("1.332, 5,5;").map(\.text) == ["1.332", ",", "5,5", ";"])
    }

    @Test func kindsAndShapes() throws {
        let result = try tokens("LĐLĐ CĐCS TNHH Móng đoàn ThS Q 2023 % ( ©")
        #expect(result.map(\.kind) == [.word, .word, .word, .word, .word, .word, .word, .number, .symbol, .punctuation, .symbol])
        #expect(result.map(\.shape) == [.upper, .upper, .upper, .title, .lower, .mixed, .title, .digits, .none, .none, .none])
    }

    @Test func ellipsisIsOneToken() throws {
        #expect(try tokens("v.v... và…").map(\.text) == ["v", ".", "v", "...", "và", "…"])
        let tokenized = try Tokenizer().tokenize("tổ chức…")
        #expect(tokenized.normalizedText(of: tokenized.tokens[2]) == "...")
    }

    @Test func tokensCarryNormalizedTextAndKeys() throws {
        let tokenized = try Tokenizer().tokenize("Ðoàn Thanh Hoá")
        #expect(tokenized.tokens.map { tokenized.originalText(of: $0) } == ["Ðoàn", "Thanh", "Hoá"])
        #expect(tokenized.tokens.map { tokenized.normalizedText(of: $0) } == ["Đoàn", "Thanh", "Hóa"])
        #expect(tokenized.tokens.map { tokenized.key(of: $0) } == ["doan", "thanh", "hoa"])
    }

    @Test func emojiIsOneSymbolToken() throws {
        let tokenized = try Tokenizer().tokenize("Chúc mừng 👍🏻 nhé")
        #expect(tokenized.tokens.map { tokenized.originalText(of: $0) } == ["Chúc", "mừng", "👍", "🏻", "nhé"] ||
                tokenized.tokens.map { tokenized.originalText(of: $0) } == ["Chúc", "mừng", "👍🏻", "nhé"])
        #expect(tokenized.scalarRange(of: tokenized.tokens.last!) == 13..<16)
    }

    @Test func lettersAndDigitsOutsideTheBMPAreWordsAndNumbers() throws {
        let result = try tokens("chữ 𐌰𐌱 và 𝐀 số 𝟏𝟐")
        #expect(result.map(\.text) == ["chữ", "𐌰𐌱", "và", "𝐀", "số", "𝟏𝟐"])
        #expect(result.map(\.kind) == [.word, .word, .word, .word, .word, .number])
    }

    @Test func spaceBeforeIsFalseAtTheStartOfTheText() throws {
        #expect(try tokens("Hà Nội").map(\.space) == [false, true])
        #expect(try tokens(" Hà").map(\.space) == [true])
    }

    @Test func lineBreaksAreRecordedOnTheTokenAfterThem() throws {
        // A blank line, spaces around the break, a tab: only a "\n" in the white space counts.
        let tokenized = try Tokenizer().tokenize("Hà Nội\n  28/05/2023 \n\nSáng\t15/3.")
        let starts = tokenized.tokens.indices.filter { tokenized.startsLine($0) }.map { tokenized.originalText(of: tokenized.tokens[$0]) }
        #expect(starts == ["Hà", "28", "Sáng"])
        #expect(tokenized.tokens.map(\.lineBreakBefore).filter { $0 }.count == 2)  // the first token has no break before it
        // Glued tokens never start a line; a text starting with a break still has its first token start one.
        let glued = try Tokenizer().tokenize("\n19/5")
        #expect(glued.tokens.map(\.lineBreakBefore) == [true, false, false])
        #expect(glued.tokens.indices.map { glued.startsLine($0) } == [true, false, false])
    }

    @Test func lineStartsAndSentenceStopsAreListed() throws {
        let tokenized = try Tokenizer().tokenize("\nHà Nội. Ngày 5.6, họp!\nTin mới... Hết?")
        let texts = { (indices: [Int32]) in indices.map { tokenized.originalText(of: tokenized.tokens[Int($0)]) } }
        // The first token follows a break too; "5.6" is a number, "..." one stop.
        #expect(texts(tokenized.lineBreakTokens) == ["Hà", "Tin"])
        #expect(tokenized.lineBreakTokens.first == 0)
        #expect(texts(tokenized.sentenceStopTokens) == [".", "!", "...", "?"])
        // Both lists agree with the tokens.
        #expect(tokenized.lineBreakTokens.map(Int.init) == tokenized.tokens.indices.filter { tokenized.tokens[$0].lineBreakBefore })
    }

    @Test func emptyAndBlankTexts() throws {
        #expect(try Tokenizer().tokenize("").tokens.isEmpty)
        #expect(try Tokenizer().tokenize(" \n\t ").tokens.isEmpty)
    }
}

@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) throws -> [String] {
        let tokenized = try Tokenizer().tokenize(text)
        return tokenized.sentences.map { sentence in
            sentence.tokens.map { tokenized.originalText(of: tokenized.tokens[$0]) }.joined(separator: " ")
        }
    }

    @Test func splitsOrdinarySentences() throws {
        #expect(try sentences("LĐLĐ tỉnh đã tổ chức hội nghị. Hội nghị thành công! Có ai không?") ==
                ["LĐLĐ tỉnh đã tổ chức hội nghị .", "Hội nghị thành công !", "Có ai không ?"])
    }

    @Test(arguments: [
        "Tại TP. Hồ Chí Minh có 3 quận.",
        "Ông là PGS. TS. Nguyễn Văn An.",
        "Trụ sở ở Q. Ba Đình nay đã chuyển.",
        "Bà Lê Thị B, ThS. Kinh tế, phát biểu.",
        "UBND Tp. Thanh Hóa họp.",
    ])
    func doesNotBreakAfterAbbreviations(text: String) throws {
        #expect(try sentences(text).count == 1)
    }

    @Test func lineBreaksEndSentences() throws {
        let result = try sentences("LĐLĐ TP Móng Cái: Nhiều hoạt động sôi nổi\n\n28/05/2023 11:04\nTháng Công nhân năm 2023")
        #expect(result == ["LĐLĐ TP Móng Cái : Nhiều hoạt động sôi nổi", "28 / 05 / 2023 11 : 04", "Tháng Công nhân năm 2023"])
    }

    @Test func abbreviationAtTheEndOfALineStillEndsIt() throws {
        #expect(try sentences("Trụ sở ở TP.\nDòng sau").count == 2)
    }

    @Test func everyTokenIsInItsSentence() throws {
        let tokenized = try Tokenizer().tokenize("Một câu. Câu hai, TP. Vinh. Ba")
        for (index, sentence) in tokenized.sentences.enumerated() {
            for t in sentence.tokens { #expect(tokenized.tokens[t].sentence == index) }
        }
        #expect(tokenized.sentences.map(\.tokens.count).reduce(0, +) == tokenized.tokens.count)
    }
}
