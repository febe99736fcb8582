/// A day of the proleptic Gregorian calendar, with the arithmetic the date
/// passes need (weekday, adding days) and no Foundation time zones involved.
public struct GregorianDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day, or nil when `month` or `day` does not exist in `year`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD".
    public init?<Text: StringProtocol>(iso text: Text) {
        // "YYYY-MM-DD", read from the UTF-8 bytes (no arrays: this runs for every date).
        var year = 0, month = 0, day = 0, field = 0, digits = 0
        for byte in text.utf8 {
            let width = field == 0 ? 4 : 2
            if byte == 0x2D {
                guard field < 2, digits == width else { return nil }
                field += 1
                digits = 0
            } else {
                guard byte >= 0x30 && byte <= 0x39, digits < width else { return nil }
                let digit = Int(byte - 0x30)
                switch field {
                case 0: year = year * 10 + digit
                case 1: month = month * 10 + digit
                default: day = day * 10 + digit
                }
                digits += 1
            }
        }
        guard field == 2, digits == 2 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// "YYYY-MM-DD".
    public var description: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// Days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// ISO weekday: 1 Monday ... 7 Sunday.
    public var weekday: Int {
        let d = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (d < 0 ? d + 7 : d) + 1
    }

    /// This day moved by `days`.
    public func adding(days: Int) -> GregorianDay { GregorianDay(dayNumber: dayNumber + days) }

    public static func < (a: GregorianDay, b: GregorianDay) -> Bool { a.dayNumber < b.dayNumber }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Vietnamese weekday names, by ISO weekday.
    public static let vietnameseWeekdays = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
}
