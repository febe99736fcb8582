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
        guard entities.contains(where: { $0.type == "date" }) else { return }
        resolveRelative(&entities)
        fillYears(&entities, document)
        checkWeekdays(&entities)
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

    /// The year a date entity states itself, if any (a span's end year first).
    private static func explicitYear(_ value: JSONValue) -> Int? {
        guard let fields = value.object else { return nil }
        for key in ["date", "end", "start"] {
            if let text = fields[key]?.string, !text.hasPrefix("--"), text.count >= 4, let year = Int(text.prefix(4)) { return year }
        }
        return nil
    }

    private static func needsYear(_ value: JSONValue) -> Bool {
        guard let fields = value.object else { return false }
        return dateKeys.contains { fields[$0]?.string?.hasPrefix("--") == true }
    }

    private func fillYears(_ entities: inout [Entity], _ document: TokenizedText) {
        guard entities.contains(where: { $0.type == "date" && Self.needsYear($0.value) }) else { return }
        let layout = DocumentLayout(document)
        // Dates that state their year, where they are.
        let stated: [(token: Int, sentence: Int, paragraph: Int, year: Int)] = entities.compactMap { entity in
            guard entity.type == "date", let year = Self.explicitYear(entity.value) else { return nil }
            let token = entity.tokens.lowerBound
            return (token, layout.sentence[token], layout.paragraph[token], year)
        }
        let dateline = entities.first { entity in
            guard entity.type == "date", let text = entity.value.object?["date"]?.string, GregorianDay(iso: String(text.prefix(10))) != nil else { return false }
            let line = layout.paragraph[entity.tokens.lowerBound]
            return line < datelineLines && layout.paragraphTokenCount[line] <= datelineMaxTokens
        }.flatMap { Self.explicitYear($0.value) }
        for k in entities.indices where entities[k].type == "date" && Self.needsYear(entities[k].value) {
            let token = entities[k].tokens.lowerBound
            func nearest(_ candidates: [(token: Int, sentence: Int, paragraph: Int, year: Int)]) -> Int? {
                candidates.min { abs($0.token - token) < abs($1.token - token) }?.year
            }
            let sentence = layout.sentence[token], paragraph = layout.paragraph[token]
            let year = dateline
                ?? nearest(stated.filter { $0.sentence == sentence })
                ?? nearest(stated.filter { $0.paragraph == paragraph })
                ?? nearest(stated.filter { $0.paragraph == 0 })
                ?? referenceDate?.year
            guard let year, var fields = entities[k].value.object else { continue }
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
            entities[k].value = .object(fields)
        }
    }

    // MARK: Weekdays

    private func checkWeekdays(_ entities: inout [Entity]) {
        for k in entities.indices where entities[k].type == "date" {
            guard let fields = entities[k].value.object, let written = fields["_weekday"]?.number,
                  let text = fields["date"]?.string, let day = GregorianDay(iso: String(text.prefix(10))) else { continue }
            let weekday = Int(written)
            guard (1...7).contains(weekday), weekday != day.weekday else { continue }
            entities[k].warnings.append(
                "weekday mismatch: \(GregorianDay.vietnameseWeekdays[weekday - 1]) is written, but \(day) is a \(GregorianDay.vietnameseWeekdays[day.weekday - 1])")
        }
    }
}

/// Per token: its paragraph (a line of the text) and sentence, for the passes
/// that look for context near an entity.
struct DocumentLayout {
    /// Paragraph index of each token (0: the first line with a token).
    var paragraph: [Int] = []
    /// Sentence index of each token: a new sentence starts after ".", "!", "?"
    /// or "..." followed by a space, and at every new paragraph.
    var sentence: [Int] = []
    /// Tokens per paragraph.
    var paragraphTokenCount: [Int] = []

    init(_ document: TokenizedText) {
        let units = document.text.units
        var line = 0, sentence = 0
        var endsSentence = false
        paragraph.reserveCapacity(document.tokens.count)
        self.sentence.reserveCapacity(document.tokens.count)
        for (k, token) in document.tokens.enumerated() {
            if k > 0 {
                if document.startsLine(k) {
                    line += 1
                    sentence += 1
                } else if endsSentence && token.spaceBefore {
                    sentence += 1
                }
            }
            paragraph.append(line)
            self.sentence.append(sentence)
            if paragraphTokenCount.count <= line { paragraphTokenCount.append(0) }
            paragraphTokenCount[line] += 1
            let first = units[token.range.lowerBound]
            endsSentence = token.kind == .punctuation && (first == 0x2E || first == 0x21 || first == 0x3F)
        }
    }
}
