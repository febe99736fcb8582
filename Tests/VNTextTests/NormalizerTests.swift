import Testing
@testable import VNText

@Suite struct NormalizerTests {
    @Test func nfcComposesDecomposedVietnamese() throws {
        let nfd = "Tha\u{0300}nh pho\u{0302}\u{0301} Ha\u{0300} No\u{0323}\u{0302}i"   // "Thành phố Hà Nội" in NFD
        let output = try #require(try UnicodeNFC().apply(Array(nfd.utf16)))
        #expect(String(decoding: output.text, as: UTF16.self) == "Thành phố Hà Nội")
        #expect(output.alignment?.sourceStart.count == "Thành phố Hà Nội".utf16.count)
    }

    @Test func nfcLeavesNormalizedTextAlone() throws {
        #expect(try UnicodeNFC().apply(Array("Liên đoàn Lao động tỉnh Thanh Hóa".utf16)) == nil)
    }

    @Test func nfcMapsEachComposedLetterToItsWholeSegment() throws {
        let text = try Normalizer().normalize("Ho\u{0323}\u{0302}i")   // "Hội" with two combining marks
        #expect(text.string == "Hội")
        #expect(text.offsetMap.originalRange(ofNormalized: 1..<2) == 1..<4)
        #expect(text.offsetMap.originalRange(ofNormalized: 0..<3) == 0..<5)
    }

    @Test(arguments: [
        ("Ðà Nẵng", "Đà Nẵng"),                        // U+00D0 eth for Đ
        ("ðường", "đường"),
        ("5,5\u{00A0}tỷ\u{202F}đồng", "5,5 tỷ đồng"),   // no-break spaces
    ])
    func foldsLookalikes(input: String, expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test func removesInvisibleCharacters() throws {
        #expect(try normalized("Công\u{200B} đoàn\u{00AD}\u{200D} cơ\u{FEFF} sở") == "Công đoàn cơ sở")
        #expect(try normalized("tổ\u{200C}chức") == "tổchức")
    }

    @Test func canonicalizesPunctuation() throws {
        #expect(try normalized("“Kết nối công nhân” – ‘xây dựng’ — tổ chức…") ==
                "\"Kết nối công nhân\" - 'xây dựng' - tổ chức...")
        #expect(try normalized("«0 đồng»") == "\"0 đồng\"")
    }

    @Test func collapsesWhiteSpaceKeepingLineBreaks() throws {
        #expect(try normalized("Hà  \t Nội\r\n\r\n28/05/2023   11:04 ") == "Hà Nội\n28/05/2023 11:04 ")
    }

    @Test func everyStepCanBeSwitchedOff() throws {
        let input = "Ð\u{00A0}“x”\u{200B}  Hoá A\u{0301}"
        var options = NormalizationOptions()
        options.removeInvisibles = false
        options.foldLookalikes = false
        options.canonicalizePunctuation = false
        options.unicodeNFC = false
        options.toneMarkStyle = nil
        options.collapseWhitespace = false
        #expect(try normalized(input, options) == input)
        #expect(Normalizer(options: options).steps.isEmpty)
        #expect(Normalizer().steps.map(\.name) == ["invisibles", "lookalikes", "punctuation", "nfc", "tone-marks", "whitespace"])
    }

    @Test func unchangedTextKeepsTheIdentityMap() throws {
        let text = try Normalizer().normalize("Liên đoàn Lao động quận Hai Bà Trưng có 1.332 công đoàn cơ sở.")
        #expect(text.offsetMap.isIdentity)
    }

    @Test(arguments: [
        ("Thanh Hoá", "Thanh Hóa"), ("Thanh Hóa", "Thanh Hóa"), ("Tha\u{0300}nh Hoa\u{0301}", "Thành Hóa"),
        ("THANH HOÁ", "THANH HÓA"), ("uỷ ban", "ủy ban"), ("hoà bình", "hòa bình"),
    ])
    func toneMarksFollowTheDefaultStyle(input: String, expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test func modernStyleIsSelectable() throws {
        var options = NormalizationOptions()
        options.toneMarkStyle = .modern
        #expect(try normalized("Ủy ban nhân dân tỉnh Thanh Hóa, thủy lợi, khỏe", options) ==
                "Uỷ ban nhân dân tỉnh Thanh Hoá, thuỷ lợi, khoẻ")
    }
}

@Suite struct FoldedKeyTests {
    @Test(arguments: [
        ("Thủy", "thuy"), ("LĐLĐ", "ldld"), ("Hóa", "hoa"), ("Hoá", "hoa"), ("ĐƯỜNG", "duong"),
        ("Ðà", "da"), ("người", "nguoi"), ("Ủy", "uy"), ("1.332", "1.332"), ("%", "%"),
        ("Nguye\u{0302}\u{0303}n", "nguyen"),
    ])
    func foldsCaseAndDiacritics(input: String, key: String) {
        #expect(FoldedKey.key(input) == key)
    }
}
