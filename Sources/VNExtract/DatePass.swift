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
        guard entities.contains(where: { $0.type == "date" && $0.value.object?["_relative_unit"] != nil }) else { return }
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
            guard let text = fields[key]?.string else { continue }
            // "2023-05-28", "2023-05", "2023": the first four bytes are the year.
            var year = 0, digits = 0
            for byte in text.utf8.prefix(4) where byte >= 0x30 && byte <= 0x39 {
                year = year * 10 + Int(byte - 0x30)
                digits += 1
            }
            if digits == 4 { return year }
        }
        return nil
    }

    private static func needsYear(_ value: JSONValue) -> Bool {
        guard let fields = value.object else { return false }
        return dateKeys.contains { fields[$0]?.string?.hasPrefix("--") == true }
    }

    private func fillYears(_ entities: inout [Entity], _ document: TokenizedText) {
        let needing = entities.indices.filter { entities[$0].type == "date" && Self.needsYear(entities[$0].value) }
        guard !needing.isEmpty else { return }
        let dates = entities.filter { $0.type == "date" }
        let layout = DocumentLayout(document, tokens: dates.map(\.tokens.lowerBound), countingLines: datelineLines)
        // Dates that state their year, where they are.
        let stated: [(token: Int, sentence: Int, paragraph: Int, year: Int)] = dates.compactMap { entity in
            guard let year = Self.explicitYear(entity.value) else { return nil }
            let token = entity.tokens.lowerBound, place = layout.place(of: token)
            return (token, place.sentence, place.paragraph, year)
        }
        let dateline = dates.first { entity in
            guard let text = entity.value.object?["date"]?.string, GregorianDay(iso: Substring(text.utf8.prefix(10))) != nil else { return false }
            let line = layout.place(of: entity.tokens.lowerBound).paragraph
            return line < datelineLines && layout.lineTokenCounts[line] <= datelineMaxTokens
        }.flatMap { Self.explicitYear($0.value) }
        for k in needing {
            let token = entities[k].tokens.lowerBound, place = layout.place(of: token)
            /// The year of the stated date nearest the entity among those `isNear`.
            func nearest(_ isNear: (Int, Int) -> Bool) -> Int? {
                var best: (distance: Int, year: Int)?
                for date in stated where isNear(date.sentence, date.paragraph) {
                    let distance = abs(date.token - token)
                    if best == nil || distance < best!.distance { best = (distance, date.year) }
                }
                return best?.year
            }
            let year = dateline
                ?? nearest { sentence, _ in sentence == place.sentence }
                ?? nearest { _, paragraph in paragraph == place.paragraph }
                ?? nearest { _, paragraph in paragraph == 0 }
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
                  let text = fields["date"]?.string, let day = GregorianDay(iso: Substring(text.utf8.prefix(10))) else { continue }
            let weekday = Int(written)
            guard (1...7).contains(weekday), weekday != day.weekday else { continue }
            entities[k].warnings.append(
                "weekday mismatch: \(GregorianDay.vietnameseWeekdays[weekday - 1]) is written, but \(day) is a \(GregorianDay.vietnameseWeekdays[day.weekday - 1])")
        }
    }
}

/// Where some tokens stand: their paragraph (a non-empty line of the text)
/// and sentence, and how many tokens the first lines have, for the passes
/// that look for context near an entity. Found in one walk over the tokens
/// that stops after the last token asked for (and the lines counted).
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
        let wanted = Set(wanted).sorted()
        var line = 0, sentence = 0, next = 0, k = 0
        var endsSentence = false
        document.tokens.withUnsafeBufferPointer { tokens in
            document.text.units.withUnsafeBufferPointer { units in
                while k < tokens.count && (next < wanted.count || line < lineCount) {
                    let token = tokens[k]
                    if k > 0 {
                        if document.startsLine(k) {
                            line += 1
                            sentence += 1
                        } else if endsSentence && token.spaceBefore {
                            sentence += 1
                        }
                    }
                    if line < lineCount {
                        if lineTokenCounts.count <= line { lineTokenCounts.append(0) }
                        lineTokenCounts[line] += 1
                    }
                    if next < wanted.count && wanted[next] == k {
                        places[k] = Place(paragraph: line, sentence: sentence)
                        next += 1
                    }
                    let first = units[token.range.lowerBound]
                    endsSentence = token.kind == .punctuation && (first == 0x2E || first == 0x21 || first == 0x3F)
                    k += 1
                }
            }
        }
    }

    /// The paragraph and sentence of token `token`, one of those asked for.
    func place(of token: Int) -> Place { places[token] ?? Place(paragraph: 0, sentence: 0) }
}
