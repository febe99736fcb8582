/// Where the tone mark goes in open syllables spelled with "oa", "oe" and "uy".
public enum ToneMarkStyle: String, Sendable, CaseIterable {
    /// "hóa", "hòa", "thủy", "khỏe", "ủy ban": the mark on the first vowel. What most publishers use today and what underthesea's normalizer produces. The default.
    case traditional
    /// "hoá", "hoà", "thuỷ", "khoẻ", "uỷ ban": the mark on the second vowel (the 1980s "new" placement).
    case modern
}

/// Moves the tone mark of every Vietnamese syllable to one canonical position.
///
/// The same syllable is written "hoá" or "hóa", "thuỷ" or "thủy"; keyboards and
/// legacy converters also misplace marks ("hòan", "tíêng", "qúy", "gìa",
/// "ngừơi"). This step rewrites each syllable so its single tone mark sits where
/// `style` puts it.
///
/// Rules:
/// - A candidate is a maximal run of word characters: letters of any script,
///   combining marks and decimal digits. Only runs made entirely of letters
///   Vietnamese uses (a–z, A–Z, đ/Đ and the precomposed vowels ă â ê ô ơ ư with
///   their five tone marks, in both cases) are considered, so "Müller",
///   "mañana", "hoà2" or a letter followed by a stray combining mark stay as
///   written. Runs with no tone mark, with more than one, or longer than seven
///   letters (the longest syllable, "nghiêng") are skipped.
/// - The run must parse, case-insensitively, as onset + nucleus + coda:
///   onsets "", b, c, ch, d, đ, g, gh, gi, h, k, kh, l, m, n, ng, ngh, nh, p,
///   ph, qu, r, s, t, th, tr, v, x; codas "", c, ch, m, n, ng, nh, p, t; the
///   nucleus one of the vowel clusters Vietnamese spells (single vowels, ai ao
///   au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu
///   ươ yê, iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu). Clusters
///   ending in a glide (ai, ao, ia, ua, ưa, iêu, ...) take no coda. A vowel
///   written without its quality mark is not guessed at: "ngươi" spelled
///   "nguoi" does not parse. In "qu" the u is part of the onset ("quý",
///   "quả"); in "gi" followed by another vowel the i is ("già", "giữ"), but
///   in "gì", "gìn" the i is the nucleus. Anything else ("Pelé", "José",
///   "café") is left unchanged.
/// - The mark goes (1) on the nucleus vowel with a quality mark (ă â ê ô ơ ư),
///   the second of two ("người", "rượu", "muốn", "thuyền"); else (2) with a
///   coda on the last nucleus vowel ("hoàn", "toán", "quýt"); else (3) on the
///   middle of three vowels ("ngoài", "khuỷu"); on the first of two, except
///   that open "oa", "oe", "uy" put it on the second in ``ToneMarkStyle/modern``
///   ("hoá", "khoẻ", "thuỷ") and on the first in
///   ``ToneMarkStyle/traditional`` ("hóa", "khỏe", "thủy"); (4) on a single
///   vowel.
/// - Every letter keeps its own case ("HOÁ" ↔ "HÓA", "Ủy" ↔ "Uỷ"), and every
///   letter stays one precomposed code unit, so the text stays NFC and keeps
///   its length.
///
/// Letters are classified with a table indexed by code unit, built once, so a
/// run with no tone mark costs one table read per code unit.
public struct ToneMarkCanonicalizer: Sendable {
    /// Where tone marks go in open "oa", "oe" and "uy" syllables.
    public let style: ToneMarkStyle

    /// A canonicalizer that places tone marks as `style` says.
    public init(style: ToneMarkStyle = .traditional) {
        self.style = style
    }

    /// Rewrites, in place, every Vietnamese syllable of NFC-normalized UTF-16 text so that its tone mark sits at the canonical position for `style`. The text keeps its length (one code unit per letter in, one out), so offsets need no remapping. Returns whether anything changed.
    @discardableResult
    public func canonicalize(_ text: inout [UInt16]) -> Bool {
        // Read-only scan first: a text already in canonical form is never
        // copied (the caller's array may be shared).
        var edits: [(offset: Int, unit: UInt16)] = []
        let modern = style == .modern
        text.withUnsafeBufferPointer { units in
            ToneTables.classes.withUnsafeBufferPointer { classes in
                ToneTables.shapes.withUnsafeBufferPointer { shapes in
                    ToneTables.composed.withUnsafeBufferPointer { composed in
                        Self.scan(units, classes: classes, shapes: shapes, composed: composed,
                                  modern: modern, edits: &edits)
                    }
                }
            }
        }
        for edit in edits { text[edit.offset] = edit.unit }
        return !edits.isEmpty
    }

    /// Convenience for tests and callers that hold a String.
    public func canonicalize(_ text: String) -> String {
        var units = Array(text.utf16)
        guard canonicalize(&units) else { return text }
        return String(decoding: units, as: UTF16.self)
    }

    /// Finds the runs of word characters and fixes the ones that are
    /// Vietnamese syllables with one misplaced tone mark.
    private static func scan(
        _ units: UnsafeBufferPointer<UInt16>,
        classes: UnsafeBufferPointer<UInt16>,
        shapes: UnsafeBufferPointer<UInt8>,
        composed: UnsafeBufferPointer<UInt16>,
        modern: Bool,
        edits: inout [(offset: Int, unit: UInt16)]
    ) {
        let count = units.count
        var i = 0
        while i < count {
            if classes[Int(units[i])] == ToneTables.separator {
                i += 1
                continue
            }
            let start = i
            var tones = 0
            var vietnamese = true
            while i < count {
                let entry = classes[Int(units[i])]
                if entry & ToneTables.letterFlag != 0 {
                    if Int(entry) & ToneTables.toneMask != 0 { tones += 1 }
                    i += 1
                } else if entry == ToneTables.foreign {
                    vietnamese = false
                    i += 1
                } else if entry == ToneTables.highSurrogate {
                    guard i + 1 < count, ToneTables.isWordCharacter(high: units[i], low: units[i + 1]) else { break }
                    vietnamese = false
                    i += 2
                } else {
                    break
                }
            }
            if i == start {
                // A high surrogate that does not start a word character (an
                // emoji, or an unpaired one): a separator.
                i += 1
                continue
            }
            if vietnamese, tones == 1, i - start <= ToneTables.longestSyllable {
                fix(units, start: start, end: i, classes: classes, shapes: shapes,
                    composed: composed, modern: modern, edits: &edits)
            }
        }
    }

    /// Parses `units[start..<end]` (Vietnamese letters, exactly one tone mark)
    /// as a syllable and, if its mark is misplaced, records the two edits that
    /// move it.
    private static func fix(
        _ units: UnsafeBufferPointer<UInt16>,
        start: Int,
        end: Int,
        classes: UnsafeBufferPointer<UInt16>,
        shapes: UnsafeBufferPointer<UInt8>,
        composed: UnsafeBufferPointer<UInt16>,
        modern: Bool,
        edits: inout [(offset: Int, unit: UInt16)]
    ) {
        @inline(__always) func entry(_ k: Int) -> Int { Int(classes[Int(units[k])]) }
        @inline(__always) func base(_ k: Int) -> Int { entry(k) & ToneTables.baseMask }
        @inline(__always) func isVowel(_ k: Int) -> Bool { ToneTables.isVowel(base(k)) }
        @inline(__always) func key(_ from: Int, _ length: Int) -> Int {
            var key = 0
            for k in 0..<3 { key = key * ToneTables.radix + (k < length ? base(from + k) : 0) }
            return key
        }

        // Onset: the consonants before the first vowel, plus the u of "qu" and
        // the i of "gi" when another vowel follows.
        var p = start
        while p < end, !isVowel(p) { p += 1 }
        let consonants = p - start
        guard consonants <= 3 else { return }
        var nucleusStart = p
        if consonants == 1, base(start) == ToneTables.q {
            guard p < end, base(p) == ToneTables.u else { return }
            nucleusStart = p + 1
        } else if consonants == 1, base(start) == ToneTables.g, p + 1 < end,
                  base(p) == ToneTables.i, isVowel(p + 1) {
            nucleusStart = p + 1
        } else if shapes[key(start, consonants)] & ToneTables.onset == 0 {
            return
        }

        // Nucleus: the vowels that follow; coda: the rest.
        var nucleusEnd = nucleusStart
        while nucleusEnd < end, isVowel(nucleusEnd) { nucleusEnd += 1 }
        let vowels = nucleusEnd - nucleusStart
        let codaLength = end - nucleusEnd
        guard (1...3).contains(vowels), codaLength <= 2 else { return }
        let nucleus = shapes[key(nucleusStart, vowels)]
        guard nucleus & ToneTables.openNucleus != 0 else { return }
        if codaLength > 0 {
            guard nucleus & ToneTables.closedNucleus != 0,
                  shapes[key(nucleusEnd, codaLength)] & ToneTables.coda != 0 else { return }
        }

        // Where the mark is and where it belongs.
        var current = start
        while entry(current) & ToneTables.toneMask == 0 { current += 1 }
        var target = -1
        for k in nucleusStart..<nucleusEnd where ToneTables.hasQualityMark(base(k)) { target = k }
        if target < 0 {
            if codaLength > 0 {
                target = nucleusEnd - 1
            } else if vowels == 3 {
                target = nucleusStart + 1
            } else if vowels == 2, modern, nucleus & ToneTables.styledNucleus != 0 {
                target = nucleusStart + 1
            } else {
                target = nucleusStart
            }
        }
        guard target != current else { return }

        let from = entry(current)
        let to = entry(target)
        let tone = from & ToneTables.toneMask
        edits.append((current, composed[ToneTables.composedIndex(from & ~ToneTables.toneMask)]))
        edits.append((target, composed[ToneTables.composedIndex(to | tone)]))
    }
}

/// The lookup tables behind ``ToneMarkCanonicalizer``, built once.
private enum ToneTables {
    // MARK: Classes of code units

    /// `classes` entry of a code unit that ends a run (spaces, punctuation, ...).
    static let separator: UInt16 = 0
    /// `classes` entry of a word character Vietnamese does not use.
    static let foreign: UInt16 = 0x4000
    /// `classes` entry of a high surrogate: the pair decides. (Neither this nor
    /// `foreign` has base bits, so neither can pass for a letter.)
    static let highSurrogate: UInt16 = 0x2000
    /// Set in the `classes` entry of a letter Vietnamese uses; the entry then
    /// holds the letter's base, case and tone.
    static let letterFlag: UInt16 = 0x8000

    /// Bits of a letter entry holding its base letter (see the base indices below).
    static let baseMask = 0x3F
    /// Bit of a letter entry set for an uppercase letter.
    static let upperFlag = 0x40
    /// Bits of a letter entry holding its tone (0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot).
    static let toneShift = 8
    static let toneMask = 0x700

    /// The longest Vietnamese syllable, in letters ("nghiêng").
    static let longestSyllable = 7

    // MARK: Base letters

    /// Base letter indices: a–z are 1–26, then the letters with marks.
    static let a = 1, e = 5, g = 7, i = 9, o = 15, q = 17, u = 21, y = 25
    static let aBreve = 27, aCircumflex = 28, eCircumflex = 29, oCircumflex = 30
    static let oHorn = 31, uHorn = 32, dStroke = 33
    /// One more than the largest base index, the radix of sequence keys.
    static let radix = 34

    /// Whether base index `b` is a vowel.
    @inline(__always)
    static func isVowel(_ b: Int) -> Bool { vowelBits & (1 << b) != 0 }
    private static let vowelBits: UInt64 = {
        var bits: UInt64 = 0
        for b in [a, e, i, o, u, y, aBreve, aCircumflex, eCircumflex, oCircumflex, oHorn, uHorn] { bits |= 1 << b }
        return bits
    }()

    /// Whether base index `b` is a vowel with a quality mark (ă â ê ô ơ ư).
    @inline(__always)
    static func hasQualityMark(_ b: Int) -> Bool { b >= aBreve && b <= uHorn }

    /// The base index of a lowercase spelling letter ("a"–"z", "ă", "đ", ...).
    private static func baseIndex(_ letter: Unicode.Scalar) -> Int {
        switch letter {
        case "a"..."z": return Int(letter.value - 0x60)
        case "ă": return aBreve
        case "â": return aCircumflex
        case "ê": return eCircumflex
        case "ô": return oCircumflex
        case "ơ": return oHorn
        case "ư": return uHorn
        case "đ": return dStroke
        default: preconditionFailure("not a base letter: \(letter)")
        }
    }

    // MARK: Letters

    /// Each vowel in its six tones: none, grave, acute, hook above, tilde, dot below.
    private static let lowercaseVowels = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ]
    private static let uppercaseVowels = [
        "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
    ]

    /// Index into `composed` of a letter entry's base, case and tone.
    @inline(__always)
    static func composedIndex(_ entry: Int) -> Int {
        ((entry & baseMask) * 2 + (entry & upperFlag != 0 ? 1 : 0)) * 6 + ((entry & toneMask) >> toneShift)
    }

    /// Every letter Vietnamese uses, as (code unit, base index, uppercase, tone).
    private static let letters: [(unit: UInt16, base: Int, upper: Bool, tone: Int)] = {
        var letters: [(unit: UInt16, base: Int, upper: Bool, tone: Int)] = []
        for (lower, upper) in zip(lowercaseVowels, uppercaseVowels) {
            let lowerForms = Array(lower.unicodeScalars), upperForms = Array(upper.unicodeScalars)
            precondition(lowerForms.count == 6 && upperForms.count == 6)
            let base = baseIndex(lowerForms[0])
            for tone in 0..<6 {
                letters.append((UInt16(lowerForms[tone].value), base, false, tone))
                letters.append((UInt16(upperForms[tone].value), base, true, tone))
            }
        }
        for consonant in "bcdfghjklmnpqrstvwxz".unicodeScalars {
            let base = baseIndex(consonant)
            letters.append((UInt16(consonant.value), base, false, 0))
            letters.append((UInt16(consonant.value - 0x20), base, true, 0))
        }
        letters.append((0x0111, dStroke, false, 0))   // đ
        letters.append((0x0110, dStroke, true, 0))    // Đ
        return letters
    }()

    /// The class of every BMP code unit: `separator`, `foreign`,
    /// `highSurrogate`, or `letterFlag` with base, case and tone.
    static let classes: [UInt16] = {
        var table = [UInt16](repeating: separator, count: 0x10000)
        for unit in 0..<0x10000 {
            if (0xD800..<0xDC00).contains(unit) {
                table[unit] = highSurrogate
            } else {
                // A letter, a combining mark or a decimal digit (ICU's general
                // category, from the tokenizer's table: far faster to build than
                // asking Swift for 65,536 scalars' properties).
                switch CharacterTables.characterClass(UInt16(unit)) {
                case .letter, .mark, .digit: table[unit] = foreign
                default: break
                }
            }
        }
        for letter in letters {
            table[Int(letter.unit)] = letterFlag | UInt16(letter.base | (letter.upper ? upperFlag : 0) | letter.tone << toneShift)
        }
        return table
    }()

    /// The code unit for each (base, case, tone), indexed by `composedIndex`.
    static let composed: [UInt16] = {
        var table = [UInt16](repeating: 0, count: radix * 2 * 6)
        for letter in letters {
            table[composedIndex(letter.base | (letter.upper ? upperFlag : 0) | letter.tone << toneShift)] = letter.unit
        }
        return table
    }()

    /// Whether a scalar belongs inside a run: a letter, a combining mark or a decimal digit.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Whether a surrogate pair encodes a word character (e.g. a CJK Extension B ideograph).
    static func isWordCharacter(high: UInt16, low: UInt16) -> Bool {
        guard (0xDC00..<0xE000).contains(low) else { return false }
        let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(low - 0xDC00)
        guard let scalar = Unicode.Scalar(value) else { return false }
        return isWordCharacter(scalar)
    }

    // MARK: Syllable shapes

    /// Bits of a `shapes` entry.
    static let onset: UInt8 = 1
    static let coda: UInt8 = 2
    /// A nucleus that can end a syllable.
    static let openNucleus: UInt8 = 4
    /// A nucleus that can be followed by a coda (always also `openNucleus`).
    static let closedNucleus: UInt8 = 8
    /// "oa", "oe", "uy": open syllables put the mark where the style says.
    static let styledNucleus: UInt8 = 16

    /// Syllable parts keyed by up to three base indices (radix `radix`, left-aligned, 0-padded).
    static let shapes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: radix * radix * radix)
        func mark(_ spellings: [String], _ bit: UInt8) {
            for spelling in spellings {
                let bases = spelling.unicodeScalars.map(baseIndex)
                var key = 0
                for k in 0..<3 { key = key * radix + (k < bases.count ? bases[k] : 0) }
                table[key] |= bit
            }
        }
        // "qu" and "gi" are handled by the parser; "q" alone is no onset.
        mark(["", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
              "p", "ph", "r", "s", "t", "th", "tr", "v", "x"], onset)
        mark(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"], coda)
        let closable = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
                        "iê", "oa", "oă", "oe", "uâ", "uê", "uô", "uy", "ươ", "yê", "uyê"]
        let openOnly = ["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi",
                        "ua", "ui", "uơ", "ưa", "ưi", "ưu",
                        "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu"]
        mark(closable + openOnly, openNucleus)
        mark(closable, closedNucleus)
        mark(["oa", "oe", "uy"], styledNucleus)
        return table
    }()
}
