import VNEngine
import VNRules

/// The producers of the date rules (rules/date.rules): the calendar work behind
/// OUTPUT.md "date". Rules capture token texts ("28", "05", "2023", "III",
/// "mười lăm") or lexicon values (month names, quarters, weekdays); these
/// functions check them against the calendar and build the value, or return
/// nil to reject the match (31/2, month 13, a year outside 1000–2200, 25:70).
///
/// Values (OUTPUT.md): `{"date": "2023-05-28"}`, `"2023-05"`, `"2023"`; with a
/// time `{"date": ..., "time": "11:04"}`; spans `{"start": ..., "end": ...}`.
/// Conventions shared with the document pass that post-processes dates:
/// - no year written: `"--05-19"` (ISO month-day) or `"--07"` (a month), also
///   inside spans; the year is never guessed here;
/// - a written weekday adds `"_weekday"`: 1 = Monday ("Thứ hai") ... 7 = Sunday
///   ("Chủ nhật");
/// - relative expressions ("hôm qua", "năm nay") are
///   `{"_relative_unit": "day"|"week"|"month"|"year", "_relative_offset": n}`.
/// Keys starting with "_" are internal: the document pass removes them.
///
/// | producer | arguments | value |
/// |---|---|---|
/// | `calendar_date` | day, month, year (or text "28/05/2023", "19/5", "06/2024" with order "my"), bare, padded, earliest, latest | `{"date": ...}` at the precision given |
/// | `dotted_date` | text, form | "28.05.2023", "15.3" (form "short"), "3.2024" (form "month") |
/// | `quarter` | quarter, year | `{"start", "end"}` of a quarter |
/// | `months_of_year` | count, part, year | "6 tháng đầu/cuối năm 2023", "nửa đầu năm" |
/// | `year_range` | start, end | `{"start": "2018", "end": "2023"}` |
/// | `date_range` | start, end, start_day, end_year | two dates as one span; a missing year taken from the other end |
/// | `clock` | hour, minute (or text "11:04", "14h30"), half, before, period | `{"time": "HH:MM"}` (a date part that is a time of day) |
/// | `date` | part, dotted, time, weekday | the entity value: a calendar part (or a dotted date token) with its time and weekday |
/// | `relative_date` | spec | `{"_relative_unit", "_relative_offset"}` from "unit:offset" |
public enum DateProducers {
    /// The earliest and latest years a date may have.
    static let years = 1000...2200

    /// Registers every date producer.
    public static func register(into registry: inout ProducerRegistry) {
        registry.register("calendar_date", summary: "{date} from day, month, year (any may be null) or text (\"28/05/2023\", \"19/5\"; order \"my\": \"06/2024\"); bare: reject the \"24/7\" idiom; padded: a two-digit month") { arguments in
            let bare = !arguments.value("bare").isNull
            let padded = !arguments.value("padded").isNull
            var allowed = years
            if let earliest = arguments.value("earliest").number, let latest = arguments.value("latest").number,
               earliest <= latest {
                allowed = Int(earliest)...Int(latest)
            }
            if let text = arguments.value("text").string {
                // Digits written together: "28/05/2023", "19/5", "2-9" (day first) or "06/2024" (order "my").
                guard let point = textDate(text, monthFirst: arguments.value("order").string == "my", padded: padded,
                                           year: arguments.value("year"), years: allowed) else { return nil }
                // "24/7" without "ngày" is the idiom "round the clock", not 24 July.
                if bare, point.year == nil, point.day == 24, point.month == 7 { return nil }
                return .object(["date": .string(point.iso)])
            }
            let month = arguments.value("month")
            if padded, let text = month.string, text.utf8.count != 2 { return nil }
            guard let point = CalendarPoint(day: arguments.value("day"), month: month, year: arguments.value("year"),
                                            years: allowed) else { return nil }
            if bare, point.year == nil, point.day == 24, point.month == 7 { return nil }
            return .object(["date": .string(point.iso)])
        }
        registry.register("dotted_date", summary: "{date} from one dotted token: \"28.05.2023\"; form \"short\" also \"15.3\", form \"month\" only \"3.2024\"") { arguments in
            guard let text = arguments.value("text", at: 0).string else { return nil }
            return dottedDate(text, form: arguments.value("form", at: 1).string).map { .object(["date": .string($0.iso)]) }
        }
        registry.register("quarter", summary: "{start, end} of quarter 1-4 (\"III\", \"3\", lexicon value) of year (may be null)") { arguments in
            guard let quarter = quarterNumber(arguments.value("quarter", at: 0)) else { return nil }
            let year = arguments.value("year", at: 1)
            var yearValue: Int? = nil
            if !year.isNull {
                guard let parsed = parseYear(year, allowed: years) else { return nil }
                yearValue = parsed
            }
            let first = CalendarPoint(year: yearValue, month: 3 * quarter - 2, day: nil)
            let last = CalendarPoint(year: yearValue, month: 3 * quarter, day: nil)
            return .object(["start": .string(first.iso), "end": .string(last.iso)])
        }
        registry.register("months_of_year", summary: "{start, end} of the first (part \"đầu\" or null) or last (\"cuối\") count months of year (may be null)") { arguments in
            guard let count = integer(arguments.value("count", at: 0)), (1...12).contains(count) else { return nil }
            let part = arguments.value("part", at: 1).string?.lowercased()
            let year = arguments.value("year", at: 2)
            var yearValue: Int? = nil
            if !year.isNull {
                guard let parsed = parseYear(year, allowed: years) else { return nil }
                yearValue = parsed
            }
            let fromEnd = part == "cuối"
            let first = CalendarPoint(year: yearValue, month: fromEnd ? 13 - count : 1, day: nil)
            let last = CalendarPoint(year: yearValue, month: fromEnd ? 12 : count, day: nil)
            return .object(["start": .string(first.iso), "end": .string(last.iso)])
        }
        registry.register("year_range", summary: "{start, end} of two written years, the first earlier") { arguments in
            guard let start = parseYear(arguments.value("start", at: 0), allowed: years),
                  let end = parseYear(arguments.value("end", at: 1), allowed: years),
                  start < end, end - start <= 200 else { return nil }
            return .object(["start": .string(String(start)), "end": .string(String(end))])
        }
        registry.register("date_range", summary: "{start, end} of two date parts (or a day and a date part, or a date part and a year)") { arguments in
            dateRange(arguments)
        }
        registry.register("clock", summary: "{time: \"HH:MM\"} from hour, minute (or half: \"rưỡi\", before: minutes to the hour) and period (sáng, trưa, chiều, tối, đêm)") { arguments in
            clock(arguments).map { .object(["time": .string($0)]) }
        }
        registry.register("date", summary: "the date entity: a calendar part (or a dotted date token) with its time and written weekday (\"_weekday\")") { arguments in
            var fields: [String: JSONValue]
            let part: JSONValue
            if let dotted = arguments.value("dotted").string {
                guard let point = dottedDate(dotted, form: nil) else { return nil }
                fields = ["date": .string(point.iso)]
                part = .object(fields)
            } else {
                // A time of day alone is not a date.
                part = arguments.value("part", at: 0)
                guard case .object(let partFields) = part, partFields["time"] == nil else { return nil }
                fields = partFields
            }
            let time = arguments.value("time")
            let weekday = arguments.value("weekday")
            if time.isNull && weekday.isNull { return part }
            // A time or a weekday goes with a day, not a month or a span.
            guard let date = fields["date"]?.string, isDay(date) else { return nil }
            if !time.isNull {
                guard let clock = time.object, clock.count == 1, let text = clock["time"] else { return nil }
                fields["time"] = text
            }
            if let weekday = weekday.number {
                guard (1...7).contains(Int(weekday)) else { return nil }
                fields["_weekday"] = .number(weekday)
            }
            return .object(fields)
        }
        registry.register("relative_date", summary: "{_relative_unit, _relative_offset} from \"unit:offset\" (\"day:-1\")") { arguments in
            guard let spec = arguments.value("spec", at: 0).string else { return nil }
            let parts = spec.split(separator: ":")
            guard parts.count == 2, ["day", "week", "month", "year"].contains(String(parts[0])), let offset = Int(parts[1]) else { return nil }
            return .object(["_relative_unit": .string(String(parts[0])), "_relative_offset": .number(Double(offset))])
        }
    }

    // MARK: Calendar points

    /// A day, a month or a year, any of them perhaps unknown (not written).
    struct CalendarPoint: Equatable {
        var year: Int?
        var month: Int?
        var day: Int?

        init(year: Int?, month: Int?, day: Int?) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// From captured values, checked against the calendar; nil if impossible
        /// or if a part is missing in between (a day needs a month, and there must
        /// be a year or a month).
        init?(day: JSONValue, month: JSONValue, year: JSONValue, years: ClosedRange<Int>) {
            if !year.isNull {
                guard let value = parseYear(year, allowed: years) else { return nil }
                self.year = value
            }
            if !month.isNull {
                guard let value = smallNumber(month), (1...12).contains(value) else { return nil }
                self.month = value
            }
            if !day.isNull {
                guard self.month != nil, let value = smallNumber(day), value >= 1 else { return nil }
                self.day = value
            }
            guard isValid else { return nil }
        }

        /// From numbers as written, checked against the calendar and `years`; nil if impossible.
        init?(checkedDay day: Int?, month: Int, year: Int?, years: ClosedRange<Int>) {
            if let year, !years.contains(year) { return nil }
            if let day, day < 1 { return nil }
            self.init(year: year, month: month, day: day)
            guard isValid else { return nil }
        }

        /// From a value this file wrote: "2023-05-28", "2023-05", "2023", "--05-28", "--05".
        init?(iso: String) {
            var text = Substring(iso)
            if text.hasPrefix("--") {
                text = text.dropFirst(2)
                let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(parts.count), let month = Int(parts[0]) else { return nil }
                self.month = month
                if parts.count == 2 {
                    guard let day = Int(parts[1]) else { return nil }
                    self.day = day
                }
            } else {
                let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                guard (1...3).contains(parts.count), let year = Int(parts[0]) else { return nil }
                self.year = year
                if parts.count >= 2 {
                    guard let month = Int(parts[1]) else { return nil }
                    self.month = month
                }
                if parts.count == 3 {
                    guard let day = Int(parts[2]) else { return nil }
                    self.day = day
                }
            }
            guard isValid else { return nil }
        }

        var isValid: Bool {
            if year == nil && month == nil { return false }
            if let month, !(1...12).contains(month) { return false }
            if let day {
                guard let month else { return false }
                return (1...DateProducers.days(inMonth: month, year: year)).contains(day)
            }
            return true
        }

        /// ISO 8601 at the written precision; "--MM-DD" / "--MM" without a year.
        var iso: String {
            if let year, !(0...9999).contains(year) {
                return String(year) + (month.map { "-" + Self.twoDigits($0) } ?? "") + (day.map { "-" + Self.twoDigits($0) } ?? "")
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { bytes in
                var n = 0
                func append(_ byte: UInt8) { bytes[n] = byte; n += 1 }
                func appendDigits(_ value: Int, _ width: Int) {
                    var divisor = 1
                    for _ in 1..<width { divisor *= 10 }
                    var rest = value
                    while divisor > 0 {
                        append(UInt8(0x30 + rest / divisor % 10))
                        rest %= divisor
                        divisor /= 10
                    }
                }
                if let year { appendDigits(year, 4) } else { append(0x2D) }
                if let month { append(0x2D); appendDigits(month, 2) }
                if let day { append(0x2D); appendDigits(day, 2) }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<n]), as: UTF8.self)
            }
        }

        static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

        /// Months since year 0 and the day, to order two points at the precision both have.
        func precedesOrEquals(_ other: CalendarPoint) -> Bool {
            let a = [year, month, day], b = [other.year, other.month, other.day]
            for (x, y) in zip(a, b) {
                guard let x, let y else { return true }
                if x != y { return x < y }
            }
            return true
        }
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in `month`; February has 29 when the year is unknown.
    static func days(inMonth month: Int, year: Int?) -> Int {
        switch month {
        case 2: return year.map { isLeap($0) ? 29 : 28 } ?? 29
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: Reading captured values

    /// A written year: exactly four ASCII digits (or a lexicon number) within `allowed`.
    static func parseYear(_ value: JSONValue, allowed: ClosedRange<Int>) -> Int? {
        let year: Int
        if let text = value.string {
            guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(text) else { return nil }
            year = n
        } else if let n = value.number, n == n.rounded() {
            year = Int(n)
        } else {
            return nil
        }
        return allowed.contains(year) ? year : nil
    }

    /// A day or month: one or two ASCII digits ("05"), spelled words ("mười lăm",
    /// "mồng hai" without the "mồng"), or a number value; nil otherwise.
    static func smallNumber(_ value: JSONValue) -> Int? {
        if let n = value.number { return n == n.rounded() && n >= 0 && n < 100 ? Int(n) : nil }
        guard let text = value.string else { return nil }
        let utf8 = text.utf8
        if let first = utf8.first, first >= 48 && first <= 57 {
            guard (1...2).contains(utf8.count), utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(text)
        }
        let words = text.split(separator: " ").map { String($0).lowercased() }
        guard let n = VietnameseNumbers.parseMixed(words) else { return nil }
        return n == n.rounded() && n >= 0 && n < 100 ? Int(n) : nil
    }

    /// An integer value, from a number or digits.
    static func integer(_ value: JSONValue) -> Int? {
        if let n = value.number { return n == n.rounded() && abs(n) < 1e9 ? Int(n) : nil }
        return smallNumber(value)
    }

    /// A quarter 1-4: a lexicon number, digits, a roman numeral or a spelled digit.
    static func quarterNumber(_ value: JSONValue) -> Int? {
        var quarter: Int?
        if let n = value.number, n == n.rounded() {
            quarter = Int(n)
        } else if let text = value.string {
            quarter = VietnameseNumbers.parseRoman(text.uppercased()) ?? smallNumber(value)
        }
        guard let quarter, (1...4).contains(quarter) else { return nil }
        return quarter
    }

    /// One number token with dots: "28.05.2023" (day, month, four-digit year);
    /// with form "short" also "15.3" (day, month); with form "month" only "3.2024".
    static func dottedDate(_ text: String, form: String?) -> CalendarPoint? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }) else { return nil }
        switch (form, parts.count) {
        case ("month", 2):
            return CalendarPoint(day: .null, month: .string(parts[0]), year: .string(parts[1]), years: years)
        case ("month", _):
            return nil
        case (_, 3):
            return CalendarPoint(day: .string(parts[0]), month: .string(parts[1]), year: .string(parts[2]), years: years)
        case ("short", 2):
            return CalendarPoint(day: .string(parts[0]), month: .string(parts[1]), year: .null, years: years)
        default:
            return nil
        }
    }

    /// A date written as digits joined by "/" or "-" in one capture: "28/05/2023",
    /// "19/5", "2-9" (day, month, perhaps a four-digit year) or, `monthFirst`,
    /// "06/2024" (a month and a year; `padded`: the month has two digits). A
    /// separately captured `year` completes a day and month. Read from the
    /// bytes: this runs for every "N/M" a text has.
    static func textDate(_ text: String, monthFirst: Bool, padded: Bool, year extra: JSONValue,
                         years: ClosedRange<Int>) -> CalendarPoint? {
        var parts: (Int, Int, Int) = (0, 0, 0), widths: (Int, Int, Int) = (0, 0, 0)
        var count = 1, value = 0, width = 0
        func close() {
            switch count {
            case 1: parts.0 = value; widths.0 = width
            case 2: parts.1 = value; widths.1 = width
            default: parts.2 = value; widths.2 = width
            }
        }
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                guard width < 4 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                width += 1
            } else if byte == 0x2F || byte == 0x2D {
                guard width > 0, count < 3 else { return nil }
                close()
                count += 1
                value = 0
                width = 0
            } else {
                return nil
            }
        }
        guard width > 0 else { return nil }
        close()
        if monthFirst {
            guard count == 2, (1...2).contains(widths.0), widths.1 == 4, !padded || widths.0 == 2 else { return nil }
            return CalendarPoint(checkedDay: nil, month: parts.0, year: parts.1, years: years)
        }
        guard count >= 2, (1...2).contains(widths.0), (1...2).contains(widths.1) else { return nil }
        if padded && widths.1 != 2 { return nil }
        var year: Int?
        if count == 3 {
            guard extra.isNull, widths.2 == 4 else { return nil }
            year = parts.2
        } else if !extra.isNull {
            guard let parsed = parseYear(extra, allowed: years) else { return nil }
            year = parsed
        }
        return CalendarPoint(checkedDay: parts.0, month: parts.1, year: year, years: years)
    }

    /// The hour and minute (nil: not written) of a time written as one capture:
    /// "11:04", "08:30:15" (the seconds are not read), "14h30", "8h"; nil when
    /// the hour or minute is not one or two digits, or there are more than
    /// three parts, or a ":" has nothing after it.
    static func clockDigits(_ text: String) -> (hour: Int, minute: Int?)? {
        var hour = 0, hourWidth = 0, minute = 0, minuteWidth = 0
        var parts = 0, inPart = false, sawColon = false
        for byte in text.utf8 {
            if byte == 0x3A || byte == 0x68 || byte == 0x48 {  // ":", "h", "H"
                if byte == 0x3A { sawColon = true }
                if inPart { parts += 1; inPart = false }
                continue
            }
            if !inPart {
                guard parts < 3 else { return nil }
                inPart = true
            }
            let isDigit = byte >= 0x30 && byte <= 0x39
            switch parts {
            case 0:
                guard isDigit, hourWidth < 2 else { return nil }
                hour = hour * 10 + Int(byte - 0x30)
                hourWidth += 1
            case 1:
                guard isDigit, minuteWidth < 2 else { return nil }
                minute = minute * 10 + Int(byte - 0x30)
                minuteWidth += 1
            default:
                break
            }
        }
        if inPart { parts += 1 }
        guard parts >= 1, !(parts == 1 && sawColon) else { return nil }
        return (hour, parts > 1 ? minute : nil)
    }

    /// Whether `iso` (a value this file wrote) is a day: "2023-05-28" or "--05-28".
    static func isDay(_ iso: String) -> Bool {
        let utf8 = iso.utf8
        return utf8.count == 10 || (utf8.count == 7 && utf8.first == 0x2D)
    }

    // MARK: Spans

    /// The first and last point of a date part's value: its "date", or its "start" and "end".
    private static func bounds(_ value: JSONValue) -> (CalendarPoint, CalendarPoint)? {
        guard let fields = value.object else { return nil }
        if let date = fields["date"]?.string, let point = CalendarPoint(iso: date) { return (point, point) }
        if let start = fields["start"]?.string, let end = fields["end"]?.string,
           let first = CalendarPoint(iso: start), let last = CalendarPoint(iso: end) {
            return (first, last)
        }
        return nil
    }

    /// "30/10/1963 - 30/10/2023", "từ ngày 1/5 đến ngày 31/5/2023" (the start
    /// takes the end's year, a year earlier if it would come after the end),
    /// "từ ngày 27 đến ngày 28/6/2024" (start_day: the end's month and year),
    /// "từ năm 2021 đến 2025" (end_year). Nil if the start comes after the end.
    private static func dateRange(_ arguments: ProducerArguments) -> JSONValue? {
        guard let endBounds = bounds(arguments.value("end")) ?? bareYear(arguments.value("end_year")) else { return nil }
        var last = endBounds.1
        var first: CalendarPoint
        var startDay = arguments.value("start_day")
        if let text = startDay.string, text.hasSuffix("-") {
            // "25-" of "25-26/10/2024".
            startDay = .string(String(text.dropLast()))
        }
        if !startDay.isNull {
            guard let day = smallNumber(startDay), let endDay = last.day, let endMonth = last.month, day >= 1 else { return nil }
            first = CalendarPoint(year: last.year, month: endMonth, day: day)
            if day >= endDay {
                // "từ 27 đến 5/7": the 27th of the month before.
                first.month = endMonth == 1 ? 12 : endMonth - 1
                if endMonth == 1 { first.year = last.year.map { $0 - 1 } }
            }
        } else {
            guard let startBounds = bounds(arguments.value("start")) else { return nil }
            first = startBounds.0
        }
        if first.year == nil, let year = last.year, first.month != nil {
            first.year = year
            if !first.precedesOrEquals(last) { first.year = year - 1 }
        } else if last.year == nil, let year = first.year, last.month != nil {
            last.year = year
            if !first.precedesOrEquals(last) { last.year = year + 1 }
        }
        guard first.isValid, last.isValid, first != last, first.precedesOrEquals(last),
              first.year.map({ years.contains($0) }) ?? true, last.year.map({ years.contains($0) }) ?? true else { return nil }
        return .object(["start": .string(first.iso), "end": .string(last.iso)])
    }

    private static func bareYear(_ value: JSONValue) -> (CalendarPoint, CalendarPoint)? {
        guard !value.isNull, let year = parseYear(value, allowed: years) else { return nil }
        let point = CalendarPoint(year: year, month: nil, day: nil)
        return (point, point)
    }

    // MARK: Times

    /// "HH:MM": hour 0-23 and minute 0-59 as written, then the period of the day
    /// ("9 giờ tối" = 21:00, "2 giờ chiều" = 14:00, "12 giờ đêm" = 00:00,
    /// "12 giờ trưa" = 12:00, "1 giờ trưa" = 13:00); "rưỡi" is half past, "kém
    /// 15" a quarter to.
    private static func clock(_ arguments: ProducerArguments) -> String? {
        let written: Int, writtenMinute: Int?
        if let text = arguments.value("text").string {
            // Digits written together: "11:04", "08:30:15" (seconds dropped), "14h30", "8h".
            guard let digits = clockDigits(text) else { return nil }
            (written, writtenMinute) = digits
        } else {
            guard let hour = smallNumber(arguments.value("hour")) else { return nil }
            written = hour
            let minuteValue = arguments.value("minute")
            if minuteValue.isNull {
                writtenMinute = nil
            } else {
                guard let minute = smallNumber(minuteValue) else { return nil }
                writtenMinute = minute
            }
        }
        guard (0...23).contains(written) else { return nil }
        var hour = written
        var minute = 0
        if let writtenMinute {
            guard (0...59).contains(writtenMinute) else { return nil }
            minute = writtenMinute
        } else if !arguments.value("half").isNull {
            minute = 30
        }
        let before = arguments.value("before")
        if !before.isNull {
            guard let m = smallNumber(before), (1...59).contains(m), hour >= 1 else { return nil }
            hour -= 1
            minute = 60 - m
        }
        if let period = arguments.value("period").string?.lowercased() {
            switch period {
            case "sáng":
                guard hour <= 12 else { return nil }
            case "trưa":
                if (1...2).contains(hour) { hour += 12 }
                guard (11...14).contains(hour) else { return nil }
            case "chiều":
                if (1...11).contains(hour) { hour += 12 }
                guard (12...19).contains(hour) else { return nil }
            case "tối":
                if (1...11).contains(hour) { hour += 12 }
                guard (17...23).contains(hour) || hour == 0 else { return nil }
            case "đêm":
                if (7...11).contains(hour) { hour += 12 } else if hour == 12 { hour = 0 }
            default:
                break
            }
        }
        return CalendarPoint.twoDigits(hour) + ":" + CalendarPoint.twoDigits(minute)
    }
}
