/// The Vietnamese number grammar: digit strings, spelled numbers, scale words
/// and roman numerals, as pure functions the rule engine's producers call with
/// captured token texts.
///
/// Every function answers only for the words it is given: "năm" is 5 here
/// even though in text it is usually "year"; the rules decide which tokens are
/// a number. Words are compared lower-cased, so case does not matter; none of
/// the number words has a tone mark whose placement varies ("tỷ" and "tỉ" are
/// two spellings, both accepted). Values are computed exactly as
/// `mantissa × 10^exponent` and rounded once to `Double`, so "5,5 tỷ" is
/// exactly 5500000000, "1,2 triệu" exactly 1200000 and "0,1" the same `Double`
/// as the literal `0.1`.
///
/// Digit strings (``parseDigits(_:)``): "." groups thousands and "," is the
/// decimal mark ("1.332" = 1332, "705.000.000", "5,5" = 5.5), except where the
/// text plainly uses the other convention: a single dot that does not read as
/// grouping ("2.7", "0.1", "1234.567", "0.500") is a decimal point, several
/// commas grouping threes ("1,234,567") group thousands, and with both marks
/// the last one is the decimal mark ("1.234,5", "1,234.5"). Leading zeros are
/// ordinary ("01" = 1).
///
/// Spelled numbers (``parseSpelled(_:)``):
/// - Digits "một" ... "chín" ("năm" 5, "bảy"/"bẩy" 7); "không" 0 only inside a
///   number ("một nghìn không trăm linh năm" = 1005, "không phẩy năm" = 0.5).
/// - Tens: "mười" 10, "mười một" ... "mười chín" with "mười lăm" = 15 (never
///   "mười năm"); "<hai...chín> mươi" with units "một"/"mốt", "hai", "ba",
///   "bốn"/"tư", "lăm"/"nhăm", "sáu" ... "chín" (never "năm": "hai mươi năm"
///   is "twenty years"). "<digit> chục" = ten times the digit.
/// - Hundreds: "<digit> trăm" then tens, or "linh"/"lẻ" and a digit
///   ("một trăm linh năm" = 105, "một trăm linh tư" = 104).
/// - Scale words "nghìn"/"ngàn" 1e3, "vạn" 1e4, "triệu" 1e6, "tỷ"/"tỉ" 1e9,
///   each after a count; runs of increasing scale words multiply ("nghìn tỷ"
///   = 1e12). A scale word also takes the smaller sections before it: "hai
///   nghìn ba trăm tỷ" = 2.3e12, while "hai tỷ ba trăm triệu" = 2.3e9.
/// - After a scale word the rest must fix its own place value ("hai nghìn
///   mười chín" = 2019, "một nghìn lẻ một" = 1001); a lone digit word there
///   ("một trăm hai": 102 or the colloquial 120?) is rejected, not guessed.
/// - "rưỡi" (also "rưởi") ends a number: half the scale run before it ("hai
///   triệu rưỡi" = 2.5e6, "một nghìn rưỡi" = 1500, "một trăm rưỡi" = 150,
///   "hai chục rưỡi" = 25) or, right after a plain count, one half ("hai
///   rưỡi" = 2.5).
/// - "phẩy" is the spoken decimal mark: digits one by one or a tens form
///   after it ("ba phẩy một bốn" = "ba phẩy mười bốn" = 3.14), then perhaps
///   scale words ("hai phẩy năm tỷ" = 2.5e9).
/// - Counts need a digit: a scale word alone ("trăm", "triệu nghìn") is not
///   a number.
///
/// Mixed sequences (``parseMixed(_:)``) also take a digit string wherever a
/// spelled count could stand, perhaps with "trăm" or "chục" after it: "3 tỷ
/// 500 triệu", "1,2 triệu", "2 triệu rưỡi", "5 trăm nghìn", "1.500 tỷ". A digit
/// string ending a number after a scale word ("3 tỷ 500") is ambiguous and
/// rejected.
public enum VietnameseNumbers {
    /// A digit string as Vietnamese writes it, nil if it is not one: "1.332" →
    /// 1332, "705.000.000" → 705000000, "5,5" → 5.5, "107,3" → 107.3, "01" → 1,
    /// "2.7" → 2.7, "1,234,567" → 1234567, "1.234,5" → 1234.5. Only ASCII
    /// digits, "." and ","; no sign, no spaces, no empty groups ("1..2", ".5",
    /// "5,"), no irregular grouping ("1.2.3", "12,34,567"), at most 19 digits.
    public static func parseDigits(_ text: String) -> Double? {
        exactDigits(text)?.double
    }

    /// The value of one scale word, nil for any other word: "chục" → 10,
    /// "trăm" → 100, "nghìn"/"ngàn" → 1000, "vạn" → 1e4, "triệu" → 1e6,
    /// "tỷ"/"tỉ" → 1e9.
    public static func scaleValue(_ word: String) -> Double? {
        scaleExponent(word).map { Exact(1, exponent: $0).double }
    }

    /// The value of a run of scale words of strictly increasing size, nil
    /// otherwise: ["nghìn", "tỷ"] → 1e12, ["trăm", "nghìn"] → 1e5,
    /// ["triệu"] → 1e6; ["triệu", "nghìn"] and ["trăm", "trăm"] → nil.
    public static func scaleValue(_ words: [String]) -> Double? {
        guard !words.isEmpty else { return nil }
        var previous = 0
        var total = 0
        for word in words {
            guard let exponent = scaleExponent(word), exponent > previous else { return nil }
            previous = exponent
            total += exponent
        }
        return Exact(1, exponent: total).double
    }

    /// A spelled-out number from its words, nil if they are not a well-formed
    /// number: ["ba", "mươi", "lăm"] → 35, ["một", "trăm", "linh", "năm"] →
    /// 105, ["hai", "triệu", "rưỡi"] → 2500000; ["mươi"], ["lăm"], ["hai",
    /// "hai"], ["trăm", "trăm"], ["một", "là"] → nil. Digit strings are not
    /// accepted here; see ``parseMixed(_:)``.
    public static func parseSpelled(_ words: [String]) -> Double? {
        var classified: [Word] = []
        classified.reserveCapacity(words.count)
        for word in words {
            guard let meaning = spelledWord(word) else { return nil }
            classified.append(meaning)
        }
        return exactValue(classified)?.double
    }

    /// A number whose counts may be digit strings or spelled words, with scale
    /// words, "rưỡi" and "phẩy", nil if malformed: ["3", "tỷ", "500", "triệu"]
    /// → 3.5e9, ["1,2", "triệu"] → 1200000, ["2", "triệu", "rưỡi"] → 2500000,
    /// ["hai", "triệu", "rưỡi"] → 2500000, ["43", "nghìn"] → 43000, ["5,5"] → 5.5.
    public static func parseMixed(_ words: [String]) -> Double? {
        guard let classified = classifyMixed(words) else { return nil }
        return exactValue(classified)?.double
    }

    /// The longest leading run of `words` that ``parseMixed(_:)`` accepts,
    /// with its value and how many words it takes; nil if not even the first
    /// word starts a number. For producers whose rule captured a greedy run:
    /// ["mười", "năm"] → (10, 1) ("ten years"), ["một", "trăm", "năm"] →
    /// (100, 2), ["hai", "mươi", "lăm", "người"] → (25, 3).
    public static func parseLongestPrefix(_ words: [String]) -> (value: Double, wordCount: Int)? {
        var classified: [Word] = []
        for word in words {
            guard let meaning = classifyMixedWord(word) else { break }
            classified.append(meaning)
        }
        var length = classified.count
        while length > 0 {
            if let value = exactValue(Array(classified[..<length])) {
                return (value.double, length)
            }
            length -= 1
        }
        return nil
    }

    /// Whether a word can appear in a spelled number, case-insensitively:
    /// digit words ("một", "năm", "mốt", "tư", "lăm", "nhăm", "không"),
    /// "mười", "mươi", "linh"/"lẻ", scale words, "rưỡi" and "phẩy". False for
    /// digit strings and every other word.
    public static func isNumberWord(_ word: String) -> Bool {
        spelledWord(word) != nil
    }

    /// A roman numeral in canonical form, all upper or all lower case, 1...3999:
    /// "III" → 3, "XIV" → 14, "xx" → 20, "XXXIX" → 39; nil for "IIII", "VX",
    /// "IC", mixed case ("Vi", "Mix"), empty text and anything else.
    public static func parseRoman(_ text: String) -> Int? {
        romanValue(text)
    }

    private static func classifyMixedWord(_ word: String) -> Word? {
        if let meaning = spelledWord(word) { return meaning }
        return exactDigits(word).map { .number($0) }
    }

    private static func classifyMixed(_ words: [String]) -> [Word]? {
        var classified: [Word] = []
        classified.reserveCapacity(words.count)
        for word in words {
            guard let meaning = classifyMixedWord(word) else { return nil }
            classified.append(meaning)
        }
        return classified
    }
}
