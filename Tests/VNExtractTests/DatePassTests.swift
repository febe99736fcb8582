import Testing
import VNEngine
import VNRules
import VNText
@testable import VNExtract

/// The date document pass on its own, with small stand-in rules (not the
/// built-in date rules): they emit what date rules emit, including the
/// internal "_" fields, so the pass's behaviour is tested independently.
@Suite struct DatePassTests {
    /// "28/05/2023" (full), "19/5" (no year: "--05-19"), "năm 2023", "Thứ ba" + full date (weekday 2),
    /// "năm nay" / "tuần trước" / "hôm qua" / "tháng sau" (relative).
    static let rules = """
    rule test.full
      type      date
      priority  10
      match     {kind:number}=d ^/ ^{kind:number}=m ^/ ^{kind:number}=y
      emit      iso(d: d, m: m, y: y)

    rule test.day_month
      type      date
      match     {kind:number}=d ^/ ^{kind:number}=m
      emit      iso(d: d, m: m)

    rule test.year
      type      date
      match     năm {kind:number}=y
      emit      iso(y: y)

    rule test.weekday
      type      date
      priority  20
      match     thứ ba ^, {kind:number}=d ^/ ^{kind:number}=m ^/ ^{kind:number}=y
      emit      iso(d: d, m: m, y: y, w: 2)

    rule test.this_year
      type      date
      match     năm nay
      emit      object(_relative_unit: "year", _relative_offset: 0)

    rule test.last_week
      type      date
      match     tuần trước
      emit      object(_relative_unit: "week", _relative_offset: -1)

    rule test.yesterday
      type      date
      match     hôm qua
      emit      object(_relative_unit: "day", _relative_offset: -1)

    rule test.next_month
      type      date
      match     tháng sau
      emit      object(_relative_unit: "month", _relative_offset: 1)
    """

    /// `iso(d:, m:, y:, w:)`: a stand-in for the real date producers.
    static let producers: ProducerRegistry = {
        var registry = StandardProducers.registry
        registry.register("iso", summary: "test") { arguments in
            func two(_ label: String) -> String? {
                guard let text = arguments.value(label).string, let n = Int(text) else { return nil }
                return n < 10 ? "0\(n)" : "\(n)"
            }
            var fields: [String: JSONValue] = [:]
            let year = arguments.value("y").string
            switch (two("d"), two("m"), year) {
            case let (d?, m?, y?): fields["date"] = .string("\(y)-\(m)-\(d)")
            case let (d?, m?, nil): fields["date"] = .string("--\(m)-\(d)")
            case let (nil, nil, y?): fields["date"] = .string(y)
            default: return nil
            }
            if let weekday = arguments.value("w").number { fields["_weekday"] = .number(weekday) }
            return .object(fields)
        }
        return registry
    }()

    private func dates(_ text: String, reference: GregorianDay? = nil) throws -> [(text: String, value: JSONValue, warnings: [String])] {
        let ruleSet = try RuleLoader.compile([RuleSourceFile(path: "test.rules", contents: Self.rules)], producers: Self.producers)
        let extractor = try Extractor.standard(ruleSet: ruleSet, outputTypes: ["date"], referenceDate: reference)
        return try extractor.extract(text).entities.map { ($0.text, $0.value, $0.warnings) }
    }

    private func value(_ fields: [String: JSONValue]) -> JSONValue { .object(fields) }

    @Test func datelineFillsMissingYears() throws {
        let found = try dates("Tiêu đề bài viết\n28/05/2023 11:04\nĐoàn viên được tặng quà dịp 19/5 năm nay.")
        #expect(found.map(\.text) == ["28/05/2023", "19/5"])  // "năm nay": relative, dropped without a reference date
        #expect(found[1].value == value(["date": .string("2023-05-19"), "inferred_year": .bool(true)]))
    }

    @Test func aDateDeepInTheTextIsNotADateline() throws {
        let text = "Tiêu đề\nMột\nHai\nBa\nBốn\nNăm\nSáu\nNgày 28/05/2023 hội nghị họp.\nĐến 19/5 thì xong."
        let found = try dates(text)
        #expect(found.last?.value == value(["date": .string("--05-19")]))
    }

    @Test func withoutADatelineTheSameSentenceGivesTheYear() throws {
        let found = try dates("Báo cáo sơ kết\nĐến 31/5, hoàn thành kế hoạch năm 2023. Ngày 2/6 họp tiếp.")
        #expect(found.first { $0.text == "31/5" }?.value == value(["date": .string("2023-05-31"), "inferred_year": .bool(true)]))
        // "2/6" is in the next sentence of the same paragraph: the paragraph's year.
        #expect(found.first { $0.text == "2/6" }?.value == value(["date": .string("2023-06-02"), "inferred_year": .bool(true)]))
    }

    @Test func aDatelineServesDatesFarBelowIt() throws {
        // The pass reads only the first lines when it finds a dateline there.
        let body = (1...30).map { "Đoạn \($0) không có ngày." }.joined(separator: "\n")
        let found = try dates("Tiêu đề\n28/05/2023 11:04\n\(body)\nKết thúc ngày 2/6. Năm 2019 là năm khác.")
        #expect(found.first { $0.text == "2/6" }?.value == value(["date": .string("2023-06-02"), "inferred_year": .bool(true)]))
    }

    @Test func withoutADatelineDatesFarBelowTheTopFindTheirSentence() throws {
        // No dateline in the first lines: the whole text is laid out.
        let body = (1...30).map { "Đoạn \($0) không có ngày." }.joined(separator: "\n")
        let found = try dates("Tiêu đề năm 2020\n\(body)\nHọp ngày 2/6 để tổng kết năm 2019. Ngày 5/7 họp tiếp.\nRồi 8/9.")
        #expect(found.first { $0.text == "2/6" }?.value == value(["date": .string("2019-06-02"), "inferred_year": .bool(true)]))
        #expect(found.first { $0.text == "5/7" }?.value == value(["date": .string("2019-07-05"), "inferred_year": .bool(true)]))
        // A paragraph without a year: the title's.
        #expect(found.first { $0.text == "8/9" }?.value == value(["date": .string("2020-09-08"), "inferred_year": .bool(true)]))
    }

    @Test func layoutAgreesWithAWalkOverEveryToken() throws {
        let texts = ["", "\n\nA.", "Tiêu đề\n28/05/2023 11:04\nCâu một. Câu hai!Không tách. Hết...\n\nĐoạn ba? Xong",
                     "Ông A. Nguyễn nói:\n- Một.\n- Hai. \nBa"]
            + (try ShortcutEquivalence.texts().prefix(60))
        for text in texts {
            let document = try Tokenizer().tokenize(text)
            let tokens = document.tokens
            // The plain definition: walk every token.
            var expected: [(Int, Int)] = [], counts: [Int] = []
            var line = 0, sentence = 0, endsSentence = false
            for k in tokens.indices {
                if k > 0 && tokens[k].lineBreakBefore {
                    line += 1
                    sentence += 1
                } else if k > 0 && endsSentence && tokens[k].spaceBefore {
                    sentence += 1
                }
                if line < 6 {
                    if counts.count <= line { counts.append(0) }
                    counts[line] += 1
                }
                expected.append((line, sentence))
                let first = document.text.units[tokens[k].range.lowerBound]
                endsSentence = tokens[k].kind == .punctuation && (first == 0x2E || first == 0x21 || first == 0x3F)
            }
            let layout = DocumentLayout(document, tokens: Array(tokens.indices), countingLines: 6)
            let found = tokens.indices.map { k in layout.place(of: k).map { ($0.paragraph, $0.sentence) } ?? (-1, -1) }
            #expect(found.map(\.0) == expected.map(\.0), "\(text)")
            #expect(found.map(\.1) == expected.map(\.1), "\(text)")
            #expect(layout.lineTokenCounts == counts, "\(text)")
        }
    }

    @Test func theTitleGivesTheYearLast() throws {
        let found = try dates("Hoạt động năm 2024 của công đoàn\nMột đoạn dài không có năm.\nHọp ngày 3/4 tại trụ sở.")
        #expect(found.last?.value == value(["date": .string("2024-04-03"), "inferred_year": .bool(true)]))
    }

    @Test func theReferenceDateIsTheLastResort() throws {
        let without = try dates("Họp ngày 3/4 tại trụ sở.")
        #expect(without.map(\.value) == [value(["date": .string("--04-03")])])
        let with = try dates("Họp ngày 3/4 tại trụ sở.", reference: GregorianDay(year: 2025, month: 11, day: 23))
        #expect(with.map(\.value) == [value(["date": .string("2025-04-03"), "inferred_year": .bool(true)])])
        // A dateline wins over the reference date.
        let dateline = try dates("Tin\n01/02/2020\nHọp ngày 3/4.", reference: GregorianDay(year: 2025, month: 11, day: 23))
        #expect(dateline.last?.value == value(["date": .string("2020-04-03"), "inferred_year": .bool(true)]))
    }

    @Test func february29thIsFilledOnlyInALeapYear() throws {
        #expect(try dates("Tin\n01/02/2024\nHọp 29/2.").last?.value == value(["date": .string("2024-02-29"), "inferred_year": .bool(true)]))
        #expect(try dates("Tin\n01/02/2023\nHọp 29/2.").last?.value == value(["date": .string("--02-29")]))
    }

    @Test func aWrongWeekdayIsAWarning() throws {
        let right = try dates("Thứ ba, 08/8/2017")
        #expect(right.count == 1 && right[0].warnings.isEmpty)
        #expect(right[0].value == value(["date": .string("2017-08-08")]))  // "_weekday" never reaches the output
        let wrong = try dates("Thứ ba, 09/8/2017")
        #expect(wrong.count == 1)
        #expect(wrong.first?.warnings == ["weekday mismatch: Thứ ba is written, but 2017-08-09 is a Thứ tư"])
    }

    @Test func relativeDatesNeedAReferenceDate() throws {
        let text = "Hôm qua họp; tuần trước, năm nay và tháng sau cũng vậy."
        #expect(try dates(text).isEmpty)
        let found = try dates(text, reference: GregorianDay(year: 2026, month: 11, day: 23))  // a Monday
        #expect(found.map(\.text) == ["Hôm qua", "tuần trước", "năm nay", "tháng sau"])
        #expect(found.map(\.value) == [
            value(["date": .string("2026-11-22")]),
            value(["start": .string("2026-11-16"), "end": .string("2026-11-22")]),
            value(["date": .string("2026")]),
            value(["date": .string("2026-12")]),
        ])
        // Across a year boundary.
        let december = try dates("tháng sau", reference: GregorianDay(year: 2026, month: 12, day: 31))
        #expect(december.map(\.value) == [value(["date": .string("2027-01")])])
    }
}

@Suite struct GregorianDayTests {
    @Test func weekdaysAndDayNumbers() throws {
        #expect(GregorianDay(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(GregorianDay(year: 1970, month: 1, day: 1)?.weekday == 4)  // Thursday
        #expect(GregorianDay(year: 2017, month: 8, day: 8)?.weekday == 2)  // "Thứ ba, 08 Tháng 8 2017"
        #expect(GregorianDay(year: 1945, month: 9, day: 2)?.weekday == 7)  // a Sunday
        #expect(GregorianDay(year: 2000, month: 2, day: 29)?.adding(days: 1).description == "2000-03-01")
        #expect(GregorianDay(year: 1900, month: 2, day: 29) == nil)
        #expect(GregorianDay(year: 2023, month: 4, day: 31) == nil)
        #expect(GregorianDay(iso: "2023-05-28")?.description == "2023-05-28")
        #expect(GregorianDay(iso: "--05-28") == nil)
        for malformed in ["2023-5-28", "2023-05-280", "23-05-28", "2023-05", "2023-02-29", "2023-13-01", "2023-05-28-", "2023/05/28", ""] {
            #expect(GregorianDay(iso: malformed) == nil, "\(malformed)")
        }
        #expect(GregorianDay(iso: "2024-02-29") == GregorianDay(year: 2024, month: 2, day: 29))
        // Round trip over several centuries.
        for number in stride(from: -200_000, through: 200_000, by: 997) {
            #expect(GregorianDay(dayNumber: number).dayNumber == number)
        }
    }
}
