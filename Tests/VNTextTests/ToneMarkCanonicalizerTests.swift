import Testing
@testable import VNText

private let traditional = ToneMarkCanonicalizer(style: .traditional)
private let modern = ToneMarkCanonicalizer(style: .modern)

@Suite struct ToneMarkCanonicalizerTests {
    @Test func defaultStyleIsTraditional() {
        #expect(ToneMarkCanonicalizer().style == .traditional)
        #expect(ToneMarkCanonicalizer().canonicalize("hoá") == "hóa")
        #expect(ToneMarkStyle.allCases == [.traditional, .modern])
        #expect(ToneMarkStyle(rawValue: "modern") == .modern)
    }

    /// (modern spelling, traditional spelling) of open "oa", "oe", "uy" syllables.
    @Test(arguments: [
        ("hoá", "hóa"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"),
        ("Thanh Hoá", "Thanh Hóa"), ("uỷ ban", "ủy ban"), ("loà", "lòa"), ("toả", "tỏa"),
        ("hoạ", "họa"), ("hoã", "hõa"), ("Thuỵ", "Thụy"), ("khoé", "khóe"), ("tuý", "túy"),
        ("HOÁ", "HÓA"), ("THUỶ", "THỦY"), ("Uỷ Ban", "Ủy Ban"), ("UỶ BAN", "ỦY BAN"),
        ("hoà bình", "hòa bình"), ("văn hoá, giáo dục", "văn hóa, giáo dục"),
    ])
    func bothStylesBothDirections(modernSpelling: String, traditionalSpelling: String) {
        #expect(traditional.canonicalize(modernSpelling) == traditionalSpelling)
        #expect(traditional.canonicalize(traditionalSpelling) == traditionalSpelling)
        #expect(modern.canonicalize(traditionalSpelling) == modernSpelling)
        #expect(modern.canonicalize(modernSpelling) == modernSpelling)
    }

    @Test(arguments: [
        ("HoÁ", "HóA", "HoÁ"), ("hOá", "hÓa", "hOá"), ("ỦY", "ỦY", "UỶ"), ("Ủy", "Ủy", "Uỷ"),
        ("uỶ", "ủY", "uỶ"), ("QÚY", "QUÝ", "QUÝ"), ("GÌA", "GIÀ", "GIÀ"), ("NgỪơI", "NgƯờI", "NgƯờI"),
    ])
    func eachLetterKeepsItsCase(input: String, traditionalSpelling: String, modernSpelling: String) {
        #expect(traditional.canonicalize(input) == traditionalSpelling)
        #expect(modern.canonicalize(input) == modernSpelling)
    }

    @Test(arguments: [
        "hoàn", "toán", "hoạch", "quyết", "thuyết", "khuyến", "Hoàng", "quýt", "huỳnh", "loét",
        "hoặc", "thuận", "Nguyễn", "khoảng", "toàn", "HOÀNG",
    ])
    func closedSyllablesAreUnchangedInBothStyles(word: String) {
        #expect(traditional.canonicalize(word) == word)
        #expect(modern.canonicalize(word) == word)
    }

    /// Misplaced marks from keyboards and legacy converters; both styles agree.
    @Test(arguments: [
        ("hòan", "hoàn"), ("tóan", "toán"), ("hòang", "hoàng"), ("hóach", "hoách"), ("hoaì", "hoài"),
        ("tíêng", "tiếng"), ("qúy", "quý"), ("qúa", "quá"), ("qủa", "quả"), ("gìa", "già"),
        ("gĩư", "giữ"), ("ngừơi", "người"), ("ngươì", "người"), ("múôn", "muốn"), ("đựơc", "được"),
        ("rựơu", "rượu"), ("rươụ", "rượu"), ("thùyên", "thuyền"), ("tuôỉ", "tuổi"), ("chúyên", "chuyến"),
        ("hòai", "hoài"), ("ngòai", "ngoài"), ("khủyu", "khuỷu"), ("qùynh", "quỳnh"), ("thụât", "thuật"),
        ("maí", "mái"), ("caó", "cáo"), ("muà", "mùa"), ("miá", "mía"), ("cưú", "cứu"), ("gưỉ", "gửi"),
        ("nhìêu", "nhiều"), ("khúây", "khuấy"), ("HÒAN", "HOÀN"), ("Ngừơi", "Người"), ("Qúy", "Quý"),
    ])
    func repairsMisplacedMarks(input: String, expected: String) {
        #expect(traditional.canonicalize(input) == expected)
        #expect(modern.canonicalize(input) == expected)
    }

    /// After "qu" and "gi" the nucleus is what follows, so the style never matters.
    @Test(arguments: [
        "quý", "quỳnh", "quả", "quà", "quyết", "quốc", "quạ", "quẹo", "quỷ",
        "già", "giữ", "giữa", "giường", "giỏi", "giày", "giải", "giếng", "giặt",
        "gì", "gìn", "ghì", "Quý", "GIÀ",
    ])
    func quAndGiSyllablesAreAlreadyCanonical(word: String) {
        #expect(traditional.canonicalize(word) == word)
        #expect(modern.canonicalize(word) == word)
    }

    @Test(arguments: [
        ("ngoài", "ngòai"), ("ngoài", "ngoaì"), ("khuỷu", "khủyu"), ("khuỷu", "khuyủ"),
        ("người", "ngừơi"), ("người", "ngươì"), ("ngoáy", "ngóay"), ("ngoẹo", "ngọeo"),
        ("tuổi", "tủôi"), ("khuấy", "khuâý"), ("oải", "ỏai"), ("yếu", "ýêu"), ("rượu", "rượu"),
    ])
    func threeVowelNucleiTakeTheMarkInTheMiddleOrOnTheMarkedVowel(expected: String, misplaced: String) {
        for canonicalizer in [traditional, modern] {
            #expect(canonicalizer.canonicalize(misplaced) == expected)
            #expect(canonicalizer.canonicalize(expected) == expected)
        }
    }

    /// Runs that are not Vietnamese syllables stay as written; most carry a mark
    /// a naive implementation would move.
    @Test(arguments: [
        "Covid", "Italy", "UEFA", "online", "laodongthudo", "café", "Pelé", "José", "André",
        "Beyoncé", "Hernández", "Müller", "hoà2", "2hoà", "hoàñ", "ñhoà", "hoàα", "hoà\u{0302}",
        "hóà", "hòá", "hoàf", "qóa", "hoàix", "xóong", "hoà𠀀",
    ])
    func nonVietnameseRunsAreLeftAlone(word: String) {
        for canonicalizer in [traditional, modern] {
            var units = Array(word.utf16)
            #expect(canonicalizer.canonicalize(&units) == false)
            #expect(units == Array(word.utf16))
        }
    }

    @Test func runsEndAtNonLetters() {
        #expect(traditional.canonicalize("hoà😀") == "hòa😀")
        #expect(traditional.canonicalize("😀hoà 😀") == "😀hòa 😀")
        #expect(traditional.canonicalize("𠀀 hoà") == "𠀀 hòa")

        // Unpaired surrogates end runs too.
        var units: [UInt16] = [0xD800] + Array("hoá".utf16) + [0xDC00, 0xD83D]
        #expect(traditional.canonicalize(&units))
        #expect(units == [0xD800] + Array("hóa".utf16) + [0xDC00, 0xD83D])
        #expect(traditional.canonicalize("(hoá)") == "(hóa)")
        #expect(traditional.canonicalize("hoá-thuỷ") == "hóa-thủy")
        #expect(traditional.canonicalize("hoá\nkhoẻ") == "hóa\nkhỏe")
        #expect(modern.canonicalize("\"hóa\",thủy.") == "\"hoá\",thuỷ.")
    }

    @Test func wholeSentences() {
        let modernSentence = "Ủy ban nhân dân tỉnh Thanh Hoá đã hoà giải"
        #expect(traditional.canonicalize(modernSentence) == "Ủy ban nhân dân tỉnh Thanh Hóa đã hòa giải")
        #expect(modern.canonicalize(modernSentence) == "Uỷ ban nhân dân tỉnh Thanh Hoá đã hoà giải")
        let mixed = "Người lao động ở Thanh Hoá được hỗ trợ sức khoẻ, Công đoàn Thuỷ sản thoả thuận với UBND."
        #expect(traditional.canonicalize(mixed) ==
                "Người lao động ở Thanh Hóa được hỗ trợ sức khỏe, Công đoàn Thủy sản thỏa thuận với UBND.")
        #expect(modern.canonicalize(traditional.canonicalize(mixed)) == mixed)
        let broken = "Ngừơi dân tíêng nói qúy gìa"
        #expect(traditional.canonicalize(broken) == "Người dân tiếng nói quý già")
    }

    static let commonWords = [
        "hoá", "hóa", "thuỷ", "thủy", "khoẻ", "khỏe", "hoà", "hòa", "uỷ", "ủy", "toả", "thoả",
        "người", "được", "muốn", "tiếng", "quý", "già", "giữ", "gì", "ngoài", "khuỷu", "hoàn", "toán",
        "hoạch", "quyết", "thuyền", "Việt", "Nguyễn", "tuổi", "mái", "cháo", "mía", "múa", "mùi",
        "rượu", "cứu", "hòan", "tíêng", "qúy", "gìa", "ngừơi", "múôn", "HOÁ", "Ủy", "Covid", "café",
    ]

    @Test(arguments: commonWords)
    func canonicalizingTwiceEqualsOnce(word: String) {
        for canonicalizer in [traditional, modern] {
            let once = canonicalizer.canonicalize(word)
            var units = Array(once.utf16)
            #expect(canonicalizer.canonicalize(&units) == false)
            #expect(String(decoding: units, as: UTF16.self) == once)
        }
    }

    @Test func switchingStylesRoundTrips() {
        for word in Self.commonWords {
            let canonical = traditional.canonicalize(word)
            #expect(traditional.canonicalize(modern.canonicalize(canonical)) == canonical)
        }
    }

    @Test func lengthIsPreservedAndOutputIsPrecomposed() {
        let text = Self.commonWords.joined(separator: " ") + " ỦY BAN Thanh Hoá 😀 hoà𠀀"
        for canonicalizer in [traditional, modern] {
            var units = Array(text.utf16)
            #expect(canonicalizer.canonicalize(&units))
            #expect(units.count == text.utf16.count)
            #expect(units != Array(text.utf16))
            // No combining marks appear; every changed unit is a letter, as before.
            #expect(!units.contains { (0x0300...0x036F).contains($0) })
            let output = String(decoding: units, as: UTF16.self)
            #expect(output.unicodeScalars.count == text.unicodeScalars.count)
            #expect(output.split(separator: " ").count == text.split(separator: " ").count)
        }
    }

    @Test func returnValueReportsChanges() {
        var canonical = Array("Thanh Hóa, Covid, thủy sản".utf16)
        let before = canonical
        #expect(traditional.canonicalize(&canonical) == false)
        #expect(canonical == before)

        var empty: [UInt16] = []
        #expect(traditional.canonicalize(&empty) == false)

        var unmarked = Array("Thanh Hoa khong dau, hoa thuy".utf16)
        #expect(traditional.canonicalize(&unmarked) == false)
        #expect(modern.canonicalize(&unmarked) == false)

        var changed = Array("Thanh Hóa, Covid, thủy sản".utf16)
        #expect(modern.canonicalize(&changed) == true)
        #expect(String(decoding: changed, as: UTF16.self) == "Thanh Hoá, Covid, thuỷ sản")
        #expect(modern.canonicalize(&changed) == false)
    }

    @Test func arraysSharingStorageAreNotModified() {
        let original = Array("Thanh Hoá".utf16)
        var copy = original
        #expect(traditional.canonicalize(&copy))
        #expect(String(decoding: original, as: UTF16.self) == "Thanh Hoá")
        #expect(String(decoding: copy, as: UTF16.self) == "Thanh Hóa")
    }

    /// Each vowel in its five tones (grave, acute, hook above, tilde, dot below), precomposed.
    static let tonedVowels: [(plain: Character, toned: [Character])] = [
        ("a", Array("àáảãạ")), ("ă", Array("ằắẳẵặ")), ("â", Array("ầấẩẫậ")), ("e", Array("èéẻẽẹ")),
        ("ê", Array("ềếểễệ")), ("i", Array("ìíỉĩị")), ("o", Array("òóỏõọ")), ("ô", Array("ồốổỗộ")),
        ("ơ", Array("ờớởỡợ")), ("u", Array("ùúủũụ")), ("ư", Array("ừứửữự")), ("y", Array("ỳýỷỹỵ")),
        ("A", Array("ÀÁẢÃẠ")), ("Ă", Array("ẰẮẲẴẶ")), ("Â", Array("ẦẤẨẪẬ")), ("E", Array("ÈÉẺẼẸ")),
        ("Ê", Array("ỀẾỂỄỆ")), ("I", Array("ÌÍỈĨỊ")), ("O", Array("ÒÓỎÕỌ")), ("Ô", Array("ỒỐỔỖỘ")),
        ("Ơ", Array("ỜỚỞỠỢ")), ("U", Array("ÙÚỦŨỤ")), ("Ư", Array("ỪỨỬỮỰ")), ("Y", Array("ỲÝỶỸỴ")),
    ]

    /// Every tone on every vowel, both cases: a lone vowel keeps its mark, and
    /// in "h" + "oa" the mark moves as the style says (and to the "a" with a coda).
    @Test func everyToneAndCase() {
        func toned(_ vowel: Character) -> [Character] {
            Self.tonedVowels.first { $0.plain == vowel }!.toned
        }
        for (o, a) in [("o", "a"), ("O", "A")] as [(Character, Character)] {
            for tone in 0..<5 {
                let onFirst = String([Character("h"), toned(o)[tone], a])      // "hòa"
                let onSecond = String([Character("h"), o, toned(a)[tone]])     // "hoà"
                #expect(onFirst.utf16.count == 3 && onSecond.utf16.count == 3)
                #expect(traditional.canonicalize(onSecond) == onFirst)
                #expect(modern.canonicalize(onFirst) == onSecond)
                #expect(traditional.canonicalize(onFirst + "n") == onSecond + "n")
                #expect(modern.canonicalize(onFirst + "n") == onSecond + "n")
            }
        }
        for (_, forms) in Self.tonedVowels {
            for letter in forms {
                let word = String(letter)
                #expect(word.utf16.count == 1)
                #expect(traditional.canonicalize(word) == word)
                #expect(modern.canonicalize(word) == word)
            }
        }
        // A mark on the "u" of "uâ", "uê", "uô" + coda moves to the marked vowel.
        for plain in ["â", "ê", "ô", "Â", "Ê", "Ô"] as [Character] {
            let u: Character = plain.isUppercase ? "U" : "u"
            for tone in 0..<5 {
                let misplaced = String([Character("t"), toned(u)[tone], plain, "n"])   // "tùân"
                let canonical = String([Character("t"), u, toned(plain)[tone], "n"])   // "tuần"
                #expect(traditional.canonicalize(misplaced) == canonical)
                #expect(modern.canonicalize(misplaced) == canonical)
            }
        }
    }
}
