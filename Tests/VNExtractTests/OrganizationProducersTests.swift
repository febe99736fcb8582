import Testing
@testable import VNExtract

@Suite struct OrganizationProducersTests {
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
}
