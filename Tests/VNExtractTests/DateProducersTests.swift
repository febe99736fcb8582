import Testing
import VNRules
@testable import VNExtract

/// The byte-level readers behind the date producers: what they accept and,
/// above all, what they reject (the rules rely on them to drop "31/2", "1.5/2023",
/// "25:70").
@Suite struct DateProducersTests {
    typealias Point = DateProducers.CalendarPoint
    static let years = DateProducers.years

    @Test(arguments: [
        ("28/05/2023", Point(year: 2023, month: 5, day: 28)),
        ("19/5", Point(year: nil, month: 5, day: 19)),
        ("2-9", Point(year: nil, month: 9, day: 2)),
        ("29/2/2024", Point(year: 2024, month: 2, day: 29)),
        ("29/2", Point(year: nil, month: 2, day: 29)),
    ])
    func readsDayMonthYear(text: String, expected: Point) {
        #expect(DateProducers.textDate(text, monthFirst: false, padded: false, year: .null, years: Self.years) == expected)
    }

    @Test(arguments: ["31/2/2023", "29/2/2023", "12/13/2023", "0/5", "32/1", "12/5/23", "12/5/20234", "1.5/2023",
                      "5//2023", "/5", "5/", "123/4", "1/2/3/4", "15", "5/6/1999x"])
    func rejectsWhatIsNoDate(text: String) {
        #expect(DateProducers.textDate(text, monthFirst: false, padded: false, year: .null, years: Self.years) == nil)
    }

    @Test func aSeparateYearCompletesADayAndMonth() {
        let read = { (text: String, year: JSONValue) in
            DateProducers.textDate(text, monthFirst: false, padded: false, year: year, years: Self.years)
        }
        #expect(read("1/5", .string("2023")) == Point(year: 2023, month: 5, day: 1))
        #expect(read("1/5", .string("23")) == nil)
        #expect(read("1/5/2023", .string("2023")) == nil)  // two years
        #expect(read("1/5", .string("3000")) == nil)  // outside the years dates may have
    }

    @Test func monthFirst() {
        let read = { (text: String, padded: Bool) in
            DateProducers.textDate(text, monthFirst: true, padded: padded, year: .null, years: Self.years)
        }
        #expect(read("06/2024", true) == Point(year: 2024, month: 6, day: nil))
        #expect(read("6/2024", false) == Point(year: 2024, month: 6, day: nil))
        #expect(read("6/2024", true) == nil)
        #expect(read("13/2024", true) == nil)
        #expect(read("1/2000/5", false) == nil)
        #expect(read("06/24", true) == nil)
    }

    @Test func isoText() {
        #expect(Point(year: 2023, month: 5, day: 8).iso == "2023-05-08")
        #expect(Point(year: nil, month: 5, day: 19).iso == "--05-19")
        #expect(Point(year: nil, month: 7, day: nil).iso == "--07")
        #expect(Point(year: 1010, month: nil, day: nil).iso == "1010")
        #expect(Point(year: 2024, month: 12, day: nil).iso == "2024-12")
    }

    @Test(arguments: [
        ("11:04", 11, 4 as Int?), ("08:30:15", 8, 30), ("14h30", 14, 30), ("8h", 8, nil), ("9H05", 9, 5), ("25:70", 25, 70),
    ])
    func readsClockDigits(text: String, hour: Int, minute: Int?) {
        let read = DateProducers.clockDigits(text)
        #expect(read?.hour == hour)
        #expect(read?.minute == minute)
    }

    @Test(arguments: ["11:", "123:04", "11:045", "1.5h", "11:04:05:06", "", "h"])
    func rejectsMalformedClocks(text: String) {
        #expect(DateProducers.clockDigits(text) == nil)
    }

    @Test func aDayIsFullOrWithoutYear() {
        #expect(DateProducers.isDay("2023-05-28"))
        #expect(DateProducers.isDay("--05-28"))
        #expect(!DateProducers.isDay("2023-05"))
        #expect(!DateProducers.isDay("--05"))
        #expect(!DateProducers.isDay("2023"))
    }
}
