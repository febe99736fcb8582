import VNEngine
import VNRules
import VNText

/// The document pass for dates: what the date rules cannot decide from the
/// words of one match.
///
/// 1. **Missing years** (OUTPUT.md, DECISIONS.md D2). The rules write a date
///    without a year as "--05-19" (a month as "--07"). The pass fills the year
///    from, in order: the document's dateline (a full date standing on one of
///    its first lines: "28/05/2023 11:04", "Hà Nội, ngày 05 tháng 01 năm
///    2024"); else the nearest date with a year in the same sentence, then the
///    same paragraph, then the title (the first line); else `referenceDate`.
///    A filled-in value gets `"inferred_year": true`; with nothing to go on it
///    stays "--MM-DD".
/// 2. **Weekdays.** A rule that saw a written weekday puts it in `_weekday`
///    (ISO: 1 Monday ... 7 Sunday); when it is not the date's weekday the
///    entity gets a warning instead of the mistake passing silently.
/// 3. **Relative dates** ("hôm nay", "năm ngoái", "tuần trước"). Rules emit
///    `_relative_unit` (day, week, month, year) and `_relative_offset`; they
///    are resolved against `referenceDate`, and dropped without one (D19).
public struct DatePass: DocumentPass {
    /// The batch's reference date (`--reference-date`), if any.
    public let referenceDate: GregorianDay?
    /// How many non-empty lines from the top a dateline may stand on.
    public var datelineLines = 6
    /// The most tokens a dateline's line may have: it stands (nearly) alone.
    public var datelineMaxTokens = 12

    public init(referenceDate: GregorianDay? = nil) {
        self.referenceDate = referenceDate
    }

    public func apply(to entities: inout [Entity], in document: TokenizedText) {
        var dates = DateFacts.of(entities)
        guard !dates.isEmpty else { return }
        if dates.contains(where: \.isRelative) {
            resolveRelative(&entities)
            dates = DateFacts.of(entities)
        }
        fillYears(&entities, dates, document)
        for date in dates where date.hasWeekday { checkWeekday(&entities[date.index]) }
    }

    // MARK: Relative dates

    private func resolveRelative(_ entities: inout [Entity]) {
        entities = entities.compactMap { entity in
            guard entity.type == "date", let fields = entity.value.object, let unit = fields["_relative_unit"]?.string else { return entity }
            guard let reference = referenceDate else { return nil }
            let offset = Int(fields["_relative_offset"]?.number ?? 0)
            var resolved = entity
            switch unit {
            case "day":
                resolved.value = .object(["date": .string(reference.adding(days: offset).description)])
            case "week":
                let monday = reference.adding(days: 1 - reference.weekday + 7 * offset)
                resolved.value = .object(["start": .string(monday.description), "end": .string(monday.adding(days: 6).description)])
            case "month":
                let months = reference.year * 12 + (reference.month - 1) + offset
                resolved.value = .object(["date": .string("\(GregorianDay.pad(months / 12, 4))-\(GregorianDay.pad(months % 12 + 1, 2))")])
            case "year":
                resolved.value = .object(["date": .string(GregorianDay.pad(reference.year + offset, 4))])
            default:
                return nil
            }
            return resolved
        }
    }

    // MARK: Years

    private static let dateKeys = ["date", "start", "end"]

    /// What the year filling needs to know of one date entity, read from its
    /// value's fields in one walk (no key hashed).
    private struct DateFacts {
        /// The entity's index.
        let index: Int
        /// Its first token.
        let token: Int
        /// The year it states itself, if any ("date" first, then a span's
        /// "end", then its "start").
        let year: Int?
        /// Whether some field lacks the year ("--05-19").
        let needsYear: Bool
        /// Whether "date" is a full day ("2023-05-28"): a dateline candidate.
        let isFullDay: Bool
        /// Whether it is relative (`_relative_unit`), resolved or dropped first.
        let isRelative: Bool
        /// Whether a rule saw a written weekday (`_weekday`).
        let hasWeekday: Bool

        /// The facts of every date entity, in order.
        static func of(_ entities: [Entity]) -> [DateFacts] {
            var facts: [DateFacts] = []
            for index in entities.indices where entities[index].type == "date" {
                if let date = DateFacts(entities[index].value, token: entities[index].tokens.lowerBound, index: index) {
                    facts.append(date)
                }
            }
            return facts
        }

        init?(_ value: JSONValue, token: Int, index: Int) {
            guard case .object(let fields) = value else { return nil }
            var date: Int?, start: Int?, end: Int?
            var needsYear = false, isFullDay = false, isRelative = false, hasWeekday = false
            for (key, value) in fields {
                guard case .string(let text) = value else {
                    if key == "_weekday" { hasWeekday = true }
                    continue
                }
                let year: Int?
                switch key {
                case "date":
                    isFullDay = GregorianDay(iso: Substring(text.utf8.prefix(10))) != nil
                    year = DateFacts.leadingYear(text); date = year
                case "start":
                    year = DateFacts.leadingYear(text); start = year
                case "end":
                    year = DateFacts.leadingYear(text); end = year
                case "_relative_unit":
                    isRelative = true
                    continue
                default:
                    continue
                }
                if year == nil && text.utf8.starts(with: "--".utf8) { needsYear = true }
            }
            self.index = index
            self.token = token
            year = date ?? end ?? start
            self.needsYear = needsYear
            self.isFullDay = isFullDay
            self.isRelative = isRelative
            self.hasWeekday = hasWeekday
        }

        /// "2023-05-28", "2023-05", "2023": the first four bytes are the year.
        private static func leadingYear(_ text: String) -> Int? {
            var year = 0, digits = 0
            for byte in text.utf8.prefix(4) where byte >= 0x30 && byte <= 0x39 {
                year = year * 10 + Int(byte - 0x30)
                digits += 1
            }
            return digits == 4 ? year : nil
        }
    }

    private func fillYears(_ entities: inout [Entity], _ dates: [DateFacts], _ document: TokenizedText) {
        guard dates.contains(where: \.needsYear) else { return }
        let layout = DocumentLayout(document, tokens: dates.map(\.token), countingLines: datelineLines)
        let dateline = dates.first { date in
            guard date.isFullDay, let line = layout.place(of: date.token)?.paragraph else { return false }
            return line < datelineLines && layout.lineTokenCounts[line] <= datelineMaxTokens
        }?.year
        // Dates that state their year, where they are.
        let stated: [(token: Int, place: DocumentLayout.Place, year: Int)] = dateline != nil ? [] : dates.compactMap { date in
            guard let year = date.year, let place = layout.place(of: date.token) else { return nil }
            return (date.token, place, year)
        }
        for date in dates where date.needsYear {
            var year = dateline
            if year == nil, let place = layout.place(of: date.token) {
                /// The year of the stated date nearest the entity among those `isNear`.
                func nearest(_ isNear: (DocumentLayout.Place) -> Bool) -> Int? {
                    var best: (distance: Int, year: Int)?
                    for stated in stated where isNear(stated.place) {
                        let distance = abs(stated.token - date.token)
                        if best == nil || distance < best!.distance { best = (distance, stated.year) }
                    }
                    return best?.year
                }
                year = nearest { $0.sentence == place.sentence }
                    ?? nearest { $0.paragraph == place.paragraph }
                    ?? nearest { $0.paragraph == 0 }
            }
            guard let year = year ?? referenceDate?.year, case .object(var fields) = entities[date.index].value else { continue }
            var filled = true
            for key in Self.dateKeys {
                guard let text = fields[key]?.string, text.hasPrefix("--") else { continue }
                let candidate = GregorianDay.pad(year, 4) + text.dropFirst(1)  // "--05-19" → "2023-05-19"
                // 29 February of a year that has none: leave it unfilled.
                if candidate.count == 10 && GregorianDay(iso: candidate) == nil { filled = false; break }
                fields[key] = .string(candidate)
            }
            guard filled else { continue }
            fields["inferred_year"] = .bool(true)
            entities[date.index].value = .object(fields)
        }
    }

    // MARK: Weekdays

    private func checkWeekday(_ entity: inout Entity) {
        guard let fields = entity.value.object, let written = fields["_weekday"]?.number,
              let text = fields["date"]?.string, let day = GregorianDay(iso: Substring(text.utf8.prefix(10))) else { return }
        let weekday = Int(written)
        guard (1...7).contains(weekday), weekday != day.weekday else { return }
        entity.warnings.append(
            "weekday mismatch: \(GregorianDay.vietnameseWeekdays[weekday - 1]) is written, but \(day) is a \(GregorianDay.vietnameseWeekdays[day.weekday - 1])")
    }
}

/// Where some tokens stand: their paragraph (a non-empty line of the text)
/// and sentence, and how many tokens the first lines have, for the passes
/// that look for context near an entity. Found from the tokenizer's lists of
/// line starts and sentence stops (``TokenizedText/lineBreakTokens``,
/// ``TokenizedText/sentenceStopTokens``), without walking the tokens.
struct DocumentLayout {
    /// Paragraph and sentence index of each token asked for. A new sentence
    /// starts after ".", "!", "?" or "..." followed by a space, and at every
    /// new paragraph.
    private var places: [Int: Place] = [:]

    /// A token's paragraph and sentence index.
    struct Place {
        var paragraph: Int
        var sentence: Int
    }
    /// Tokens on each of the first `countingLines` paragraphs (fewer when the text has fewer).
    private(set) var lineTokenCounts: [Int] = []

    /// The layout of `tokens` of `document`, counting the tokens of its first `lineCount` paragraphs.
    init(_ document: TokenizedText, tokens wanted: [Int], countingLines lineCount: Int) {
        let tokens = document.tokens, breaks = document.lineBreakTokens, stops = document.sentenceStopTokens
        // A line break before the first token starts no new line.
        let firstBreak = breaks.first == 0 ? 1 : 0
        var b = firstBreak, s = 0, line = 0, sentence = 0
        for k in Set(wanted).sorted() {
            // Every line start and sentence start up to token k, in text order.
            while true {
                let nextBreak = b < breaks.count ? Int(breaks[b]) : Int.max
                let nextStop = s < stops.count ? Int(stops[s]) + 1 : Int.max  // the token after the stop
                let next = min(nextBreak, nextStop)
                guard next <= k else { break }
                if next == nextBreak {
                    line += 1
                    sentence += 1
                    b += 1
                    if next == nextStop { s += 1 }  // a stop before a line break ends one sentence
                } else {
                    if tokens[next].spaceBefore { sentence += 1 }
                    s += 1
                }
            }
            places[k] = Place(paragraph: line, sentence: sentence)
        }
        var lineStart = 0
        for index in breaks.indices.dropFirst(firstBreak) where lineTokenCounts.count < lineCount {
            lineTokenCounts.append(Int(breaks[index]) - lineStart)
            lineStart = Int(breaks[index])
        }
        if lineTokenCounts.count < lineCount && lineStart < tokens.count { lineTokenCounts.append(tokens.count - lineStart) }
    }

    /// The paragraph and sentence of token `token`, one of those asked for.
    func place(of token: Int) -> Place? { places[token] }
}
