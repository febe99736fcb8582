import Testing
@testable import VNExtract

/// Splits a test phrase into words the way the tokenizer would hand them over.
private func words(_ phrase: String) -> [String] {
    phrase.split(separator: " ").map(String.init)
}

@Suite struct VietnameseNumbersDigitTests {
    @Test(arguments: [
        // Vietnamese convention: "." groups thousands, "," is the decimal mark.
        ("1.332", 1332.0), ("705.000.000", 705_000_000), ("12.000", 12_000),
        ("999.999.999.999", 999_999_999_999), ("5,5", 5.5), ("107,3", 107.3), ("0,1", 0.1),
        ("0,3", 0.3), ("3,14159", 3.14159), ("1,234", 1.234), ("1.234,5", 1234.5),
        ("10.000,25", 10_000.25),
        // Leading zeros are ordinary.
        ("01", 1), ("007", 7), ("0", 0), ("2023", 2023),
        // The other convention where the text plainly uses it.
        ("2.7", 2.7), ("0.1", 0.1), ("1234.567", 1234.567), ("0.500", 0.5), ("1,234,567", 1_234_567),
        ("1,234.5", 1234.5), ("12.5", 12.5),
    ])
    func parsesDigitStrings(text: String, expected: Double) {
        #expect(VietnameseNumbers.parseDigits(text) == expected)
    }

    @Test(arguments: [
        "", ".", ",", "1..2", ".5", "5.", "5,", "1.2.3", "1.23.456", "1.234.5", "12,34,567", "1,2,3",
        "0.000.000", "1.234,5,6", "1,234.567,8", "-5", "+5", "5 000", "5a", "abc", "٣", "99999999999999999999",
    ])
    func rejectsMalformedDigitStrings(text: String) {
        #expect(VietnameseNumbers.parseDigits(text) == nil)
    }
}

@Suite struct VietnameseNumbersScaleTests {
    @Test(arguments: [
        ("chục", 10.0), ("trăm", 100), ("nghìn", 1e3), ("ngàn", 1e3), ("vạn", 1e4), ("triệu", 1e6),
        ("tỷ", 1e9), ("tỉ", 1e9), ("Tỷ", 1e9), ("NGHÌN", 1e3),
    ])
    func scaleWords(word: String, expected: Double) {
        #expect(VietnameseNumbers.scaleValue(word) == expected)
    }

    @Test(arguments: ["mười", "mươi", "năm", "tỏ", "", "rưỡi", "1000", "nghìn tỷ"])
    func otherWordsAreNoScale(word: String) {
        #expect(VietnameseNumbers.scaleValue(word) == nil)
    }

    @Test(arguments: [
        ("nghìn tỷ", 1e12 as Double?), ("trăm nghìn", 1e5), ("triệu tỷ", 1e15), ("triệu", 1e6),
        ("chục nghìn", 1e4), ("triệu nghìn", nil), ("trăm trăm", nil), ("nghìn năm", nil), ("", nil),
    ])
    func scaleRuns(phrase: String, expected: Double?) {
        #expect(VietnameseNumbers.scaleValue(words(phrase)) == expected)
    }
}

@Suite struct VietnameseNumbersSpelledTests {
    @Test(arguments: [
        // Digits, tens and the special unit words.
        ("một", 1.0), ("năm", 5), ("chín", 9), ("mười", 10), ("mười một", 11), ("mười hai", 12),
        ("mười lăm", 15), ("hai mươi", 20), ("hai mươi mốt", 21), ("hai mươi một", 21),
        ("ba mươi lăm", 35), ("bốn mươi tư", 44), ("bốn mươi bốn", 44), ("năm mươi", 50),
        ("hai mươi nhăm", 25), ("bảy mươi bẩy", 77), ("chín mươi chín", 99), ("hai chục", 20),
        // Hundreds.
        ("một trăm", 100), ("một trăm linh năm", 105), ("một trăm lẻ năm", 105),
        ("một trăm linh tư", 104), ("một trăm mười", 110), ("một trăm mười lăm", 115),
        ("chín trăm chín mươi chín", 999),
        // Scale words.
        ("một nghìn", 1000), ("một ngàn", 1000), ("mười hai triệu", 12_000_000), ("hai tỉ", 2e9),
        ("một trăm hai mươi ba nghìn bốn trăm", 123_400), ("ba trăm nghìn", 300_000),
        ("hai tỷ ba trăm triệu", 2_300_000_000), ("ba tỷ năm triệu", 3_005_000_000),
        ("một nghìn không trăm linh năm", 1005), ("một nghìn lẻ một", 1001),
        ("hai nghìn mười chín", 2019), ("hai nghìn không trăm hai mươi", 2020),
        ("một triệu không trăm năm mươi nghìn", 1_050_000), ("ba vạn", 30_000),
        ("hai vạn năm nghìn", 25_000), ("một nghìn tỷ", 1e12), ("năm nghìn tỷ", 5e12),
        ("hai nghìn ba trăm tỷ", 2.3e12), ("chín trăm chín mươi chín nghìn tỷ", 999e12),
        ("một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín", 123_456_789),
        // "rưỡi".
        ("một nghìn rưỡi", 1500), ("hai triệu rưỡi", 2_500_000), ("hai rưỡi", 2.5), ("mười rưỡi", 10.5),
        ("một trăm rưỡi", 150), ("hai chục rưỡi", 25), ("một nghìn hai trăm rưỡi", 1250),
        ("hai nghìn tỷ rưỡi", 2.5e12), ("hai rưởi", 2.5),
        // "phẩy".
        ("hai phẩy năm", 2.5), ("không phẩy năm", 0.5), ("không phẩy không năm", 0.05),
        ("ba phẩy một bốn", 3.14), ("ba phẩy mười bốn", 3.14), ("hai phẩy năm tỷ", 2.5e9),
        // Case does not matter.
        ("Ba Mươi Lăm", 35), ("MƯỜI HAI", 12), ("Hai Triệu Rưỡi", 2_500_000),
    ])
    func parsesSpelledNumbers(phrase: String, expected: Double) {
        #expect(VietnameseNumbers.parseSpelled(words(phrase)) == expected)
        // Everything spelled is also a valid mixed sequence.
        #expect(VietnameseNumbers.parseMixed(words(phrase)) == expected)
    }

    @Test(arguments: [
        // Words that need a word before them.
        "mươi", "lăm", "mốt", "tư", "nhăm", "linh năm", "rưỡi", "rưỡi hai", "phẩy năm",
        // Scale words without a count.
        "trăm", "triệu", "trăm trăm", "triệu nghìn", "hai triệu nghìn", "không nghìn",
        // Unit words where they cannot stand.
        "hai hai", "mười năm", "hai mươi năm", "mười mốt", "mười tư", "mười nhăm", "một mươi", "hai mười",
        "một trăm linh lăm", "một trăm linh mốt", "một trăm linh", "hai mươi mốt hai", "mười trăm",
        "mười hai trăm", "hai chục ba",
        // A lone digit after a scale word: elided or positional? Not guessed.
        "một trăm hai", "một trăm năm", "năm trăm năm", "hai nghìn hai", "hai nghìn ba tỷ",
        // "không" only inside a number.
        "không", "không trăm năm mươi", "một nghìn không", "một nghìn không trăm",
        // Sections out of order or repeated.
        "ba tỷ hai tỷ", "hai nghìn tỷ ba trăm tỷ", "hai triệu rưỡi nghìn", "hai rưỡi rưỡi",
        "hai phẩy", "hai phẩy năm rưỡi",
        // Not number words, or digit strings.
        "một là", "năm người", "", "5", "hai 5",
    ])
    func rejectsMalformedSpelledNumbers(phrase: String) {
        #expect(VietnameseNumbers.parseSpelled(words(phrase)) == nil)
    }
}

@Suite struct VietnameseNumbersMixedTests {
    @Test(arguments: [
        ("1,2 triệu", 1_200_000.0), ("3 tỷ 500 triệu", 3_500_000_000), ("43 nghìn", 43_000),
        ("5,5 tỷ", 5_500_000_000), ("2 triệu rưỡi", 2_500_000), ("1.500 tỷ", 1.5e12),
        ("5 trăm nghìn", 500_000), ("2.7 tỷ", 2.7e9), ("705.000.000", 705_000_000), ("1,5 nghìn tỷ", 1.5e12),
        ("3 tỷ năm trăm triệu", 3.5e9), ("2 nghìn 5 trăm", 2500), ("2 nghìn 3 trăm tỷ", 2.3e12),
        ("0,1", 0.1), ("5 chục", 50), ("2 rưỡi", 2.5), ("5 trăm rưỡi", 550), ("01 triệu", 1e6),
        ("12 vạn", 120_000), ("100 triệu", 1e8), ("1,25 triệu", 1_250_000), ("2 triệu 500 nghìn", 2.5e6),
        ("1.234 tỷ", 1.234e12), ("1.332", 1332),
        // Decimal-safe: naive Double arithmetic gives 8199999.999999999 and 1004.9999999999999.
        ("8,2 triệu", 8_200_000), ("1,005 nghìn", 1005), ("0,07 triệu", 70_000),
    ])
    func parsesMixedNumbers(phrase: String, expected: Double) {
        #expect(VietnameseNumbers.parseMixed(words(phrase)) == expected)
    }

    @Test(arguments: [
        "3 tỷ 500", "1 triệu 2", "1,5 triệu rưỡi", "2,5 rưỡi", "triệu", "5 5", "hai mươi 5", "3 tỷ 2 tỷ",
        "500 triệu 3 tỷ", "3 tỷ 1.000 triệu", "2 trăm 3 trăm", "2 triệu rưỡi nghìn", "1..2 triệu", "5 là",
        "2 phẩy 5",
    ])
    func rejectsMalformedMixedNumbers(phrase: String) {
        #expect(VietnameseNumbers.parseMixed(words(phrase)) == nil)
    }

    @Test func decimalSafeArithmeticMatters() {
        // The naive way really is off for these, so the cases above can fail.
        #expect(8.2 * 1e6 != 8_200_000)
        #expect(1.005 * 1e3 != 1005)
        #expect(VietnameseNumbers.parseMixed(["8,2", "triệu"]) == 8_200_000)
        #expect(VietnameseNumbers.parseMixed(["1,2", "triệu"]) == 1_200_000)
        #expect(VietnameseNumbers.parseMixed(["5,5", "tỷ"]) == 5_500_000_000)
        #expect(VietnameseNumbers.parseDigits("0,1") == 0.1)
    }

    @Test func largeValuesStayExact() throws {
        let value = try #require(VietnameseNumbers.parseMixed(words("1.234.567 nghìn tỷ")))
        #expect(value == 1_234_567e12)
        let spelled = try #require(VietnameseNumbers.parseSpelled(words("hai triệu tỷ")))
        #expect(spelled == 2e15)
        let sum = try #require(VietnameseNumbers.parseMixed(words("1 nghìn tỷ 1 triệu")))
        #expect(sum == 1_000_001_000_000)
        #expect(Int(exactly: sum) == 1_000_001_000_000)
    }

    @Test(arguments: [
        ("mười năm", 10.0, 1), ("một trăm năm", 100, 2), ("hai mươi lăm người", 25, 3),
        ("hai mươi năm qua", 20, 2), ("năm", 5, 1), ("3 tỷ 500", 3e9, 2), ("2 triệu rưỡi đồng", 2.5e6, 3),
    ])
    func longestPrefix(phrase: String, value: Double, wordCount: Int) throws {
        let prefix = try #require(VietnameseNumbers.parseLongestPrefix(words(phrase)))
        #expect(prefix.value == value)
        #expect(prefix.wordCount == wordCount)
    }

    @Test(arguments: ["là", "mươi năm", "", "triệu đồng"])
    func noPrefix(phrase: String) {
        #expect(VietnameseNumbers.parseLongestPrefix(words(phrase)) == nil)
    }
}

@Suite struct VietnameseNumberWordTests {
    @Test(arguments: [
        "một", "năm", "lăm", "mốt", "tư", "nhăm", "không", "mươi", "mười", "linh", "lẻ", "chục", "trăm",
        "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "rưỡi", "phẩy", "Mười", "BẢY", "bẩy",
    ])
    func numberWords(word: String) {
        #expect(VietnameseNumbers.isNumberWord(word))
    }

    @Test(arguments: ["là", "nam", "nằm", "5", "1.332", "năm.", "tuổi", "", "hai mươi"])
    func otherWords(word: String) {
        #expect(!VietnameseNumbers.isNumberWord(word))
    }

    @Test func decomposedInputIsTheSameWord() {
        // "mười" with the horns and the grave accent as combining marks.
        let decomposed = "mu\u{31B}o\u{31B}\u{300}i"
        #expect(decomposed.unicodeScalars.count == 7)
        #expect(VietnameseNumbers.parseSpelled([decomposed, "hai"]) == 12)
    }
}

@Suite struct RomanNumeralTests {
    @Test(arguments: [
        ("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("V", 5), ("IX", 9), ("XIII", 13), ("XIV", 14),
        ("XIX", 19), ("XX", 20), ("XXXIX", 39), ("XL", 40), ("xiv", 14), ("iii", 3), ("MCMXC", 1990),
        ("MMXXIV", 2024), ("MMMCMXCIX", 3999),
    ])
    func parsesRomanNumerals(text: String, expected: Int) {
        #expect(VietnameseNumbers.parseRoman(text) == expected)
    }

    @Test(arguments: [
        "IIII", "VV", "IC", "IIX", "VX", "XIIII", "MMMM", "Vi", "Mix", "", "ABC", "I I", "Ⅲ", "3", "LL",
    ])
    func rejectsOtherText(text: String) {
        #expect(VietnameseNumbers.parseRoman(text) == nil)
    }
}
