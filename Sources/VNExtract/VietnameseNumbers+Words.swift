extension VietnameseNumbers {
    /// What one word means to the number grammar.
    enum Word: Equatable, Sendable {
        /// "một" ... "chín" (also "bẩy"): 1...9. "năm" is 5 here, but never
        /// right after "mươi"/"mười", where only "lăm" is.
        case digit(Int)
        /// "không": 0, only inside a number ("không trăm", "không phẩy năm").
        case zero
        /// "mốt": 1, only after "mươi".
        case mot
        /// "tư": 4, only after "mươi" or "linh"/"lẻ".
        case tu
        /// "lăm": 5, only after "mươi" or "mười".
        case lam
        /// "nhăm": 5, only after "mươi".
        case nham
        /// "mươi": tens, after a digit word 2...9.
        case muoi
        /// "mười": ten.
        case muoiTen
        /// "linh" / "lẻ": a zero tens place ("một trăm linh năm" = 105).
        case linh
        /// "chục": ten, after a count ("hai chục" = 20).
        case chuc
        /// "trăm": hundred, after a digit word or a digit string.
        case tram
        /// "nghìn"/"ngàn" (3), "vạn" (4), "triệu" (6), "tỷ"/"tỉ" (9): `10^exponent`.
        case scale(exponent: Int)
        /// "rưỡi" (also the common misspelling "rưởi"): and a half of the unit before it.
        case ruoi
        /// "phẩy": the spoken decimal mark ("hai phẩy năm" = 2.5).
        case phay
        /// A digit string ("1.332", "5,5"), only in mixed sequences.
        case number(Exact)
    }

    /// The number words, lower-cased, as written in NFC with the tone marks in
    /// their (only) standard place. Dictionary lookup of `String`s compares by
    /// canonical equivalence, so decomposed input finds them too.
    static let wordTable: [String: Word] = [
        "không": .zero,
        "một": .digit(1), "hai": .digit(2), "ba": .digit(3), "bốn": .digit(4), "năm": .digit(5),
        "sáu": .digit(6), "bảy": .digit(7), "bẩy": .digit(7), "tám": .digit(8), "chín": .digit(9),
        "mốt": .mot, "tư": .tu, "lăm": .lam, "nhăm": .nham,
        "mươi": .muoi, "mười": .muoiTen, "linh": .linh, "lẻ": .linh,
        "chục": .chuc, "trăm": .tram,
        "nghìn": .scale(exponent: 3), "ngàn": .scale(exponent: 3), "vạn": .scale(exponent: 4),
        "triệu": .scale(exponent: 6), "tỷ": .scale(exponent: 9), "tỉ": .scale(exponent: 9),
        "rưỡi": .ruoi, "rưởi": .ruoi, "phẩy": .phay,
    ]

    /// The meaning of a spelled word, case-insensitively; nil for any other word.
    static func spelledWord(_ word: String) -> Word? {
        if let word = wordTable[word] { return word }
        return wordTable[word.lowercased()]
    }

    /// The exponent of a scale word: "chục" 1, "trăm" 2, "nghìn"/"ngàn" 3,
    /// "vạn" 4, "triệu" 6, "tỷ"/"tỉ" 9; nil for other words.
    static func scaleExponent(_ word: String) -> Int? {
        switch spelledWord(word) {
        case .chuc: 1
        case .tram: 2
        case .scale(let exponent): exponent
        default: nil
        }
    }
}
