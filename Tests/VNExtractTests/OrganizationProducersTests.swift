import Testing
@testable import VNExtract

@Suite struct OrganizationProducersTests {
    @Test(arguments: [
        ("LĐLĐ TP Móng Cái", "Liên đoàn Lao động thành phố Móng Cái"),
        ("CĐCS Công ty TNHH TM Xây dựng Thiên Phú", "Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Thương mại Xây dựng Thiên Phú"),
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),          // nothing to expand: unchanged
        ("UBND", "Ủy ban nhân dân"),                               // the whole text is one abbreviation
        ("Báo Lao động Thủ đô", "Báo Lao động Thủ đô"),
        ("ldld tp", "ldld tp"),                                    // abbreviations are matched as written
        ("Bệnh viện Đa khoa TP", "Bệnh viện Đa khoa thành phố"),   // a non-ASCII capital before it
    ])
    func expandsKnownAbbreviationsAsWholeWords(_ input: String, _ expected: String) {
        #expect(OrganizationProducers.expandAbbreviations(input) == expected)
    }

    @Test func expandUsesTheGivenTable() {
        let table = ["ĐH": "Đại học", "X": "Ix"]
        #expect(OrganizationProducers.expand("ĐH Quốc gia X", with: table) == "Đại học Quốc gia Ix")
        #expect(OrganizationProducers.expand("", with: table) == "")
        #expect(OrganizationProducers.expand("XY X", with: table) == "XY Ix")
    }
}
