import Testing
import VNEngine
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

    @Test func expandReplacesWholeWordsFromTheTable() {
        let table = ["LĐLĐ": "Liên đoàn Lao động", "TP": "thành phố", "ĐH": "Đại học", "X": "Ix"]
        #expect(OrganizationProducers.expand("LĐLĐ TP Móng Cái", with: table) == "Liên đoàn Lao động thành phố Móng Cái")
        #expect(OrganizationProducers.expand("Bệnh viện Đa khoa TP", with: table) == "Bệnh viện Đa khoa thành phố")
        #expect(OrganizationProducers.expand("ldld tp", with: table) == "ldld tp")  // matched as written
        #expect(OrganizationProducers.expand("Ủy ban nhân dân tỉnh", with: table) == "Ủy ban nhân dân tỉnh")
        #expect(OrganizationProducers.expand("ĐH Quốc gia X", with: table) == "Đại học Quốc gia Ix")
        #expect(OrganizationProducers.expand("", with: table) == "")
        #expect(OrganizationProducers.expand("XY X", with: table) == "XY Ix")
    }

    @Test func helperSpanValuesAreCheap() throws {
        let registry = StandardProducers.registry
        let kind = try #require(registry.producer(named: "org_kind"))
        #expect(kind(ProducerArguments(positional: [.string("union")])) == .string("union"))
        #expect(kind(ProducerArguments()) == nil)
        let place = try #require(registry.producer(named: "org_place"))
        #expect(place(ProducerArguments()) == .bool(true))
        let organization = try #require(registry.producer(named: "organization"))
        #expect(organization(ProducerArguments(labeled: [("name", .string("UBND TP Huế")), ("kind", .string("government"))]))
                == .object(["name": .string("Ủy ban nhân dân thành phố Huế"), "kind": .string("government")]))
        #expect(organization(ProducerArguments(labeled: [("name", .string("Sở X")), ("kind", .object(["kind": .string("government")]))]))
                == .object(["name": .string("Sở X"), "kind": .string("government")]))
    }
}
