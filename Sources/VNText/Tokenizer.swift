/// Cuts normalized text into tokens and sentences.
///
/// ICU's word break iterator (locale "vi") segments the text first; each of its
/// segments is then cut further so that every token is one of:
/// - a **word**: a run of letters and combining marks (a Vietnamese syllable,
///   an abbreviation such as "LĐLĐ");
/// - a **number**: digits with "." or "," between digits, kept whole as
///   written ("1.332", "705.000.000", "5,5", "28.05.2023"); reading the
///   grouping convention is the rule engine's job;
/// - a **punctuation** mark: one character, except that a run of dots is one
///   token ("..." and the ellipsis "…");
/// - a **symbol**: one character ("%", "$", "©"), with any marks that follow it.
///
/// Everything else is composed by the rule engine from tokens written together
/// (``Token/spaceBefore`` is false): "28/05/2023" is 28 / 05 / 2023,
/// "107,3%" is 107,3 and %, "11:04" is 11 : 04, "02/NQ-BCT" is
/// 02 / NQ - BCT, "Covid-19" is Covid - 19, "14h30" is 14 h 30 and
/// "TP.HCM" is TP . HCM. Splitting at every letter/digit change and at
/// punctuation inside words keeps tokens uniform: a rule never has to look
/// inside one.
///
/// Not thread-safe (it reuses ICU break iterators): use one per thread.
public final class Tokenizer {
    private let words: BreakIterator
    /// Splits token streams into sentences.
    public let sentenceSplitter: SentenceSplitter
    /// Whether sentences are computed; when false every text is one sentence
    /// (a second ICU pass saved for callers that do not use sentences).
    public let splitsSentences: Bool

    /// Opens the ICU iterators.
    public init(sentenceSplitter: SentenceSplitter? = nil, splitsSentences: Bool = true) throws(TextError) {
        self.splitsSentences = splitsSentences
        words = try BreakIterator(.word)
        if let sentenceSplitter {
            self.sentenceSplitter = sentenceSplitter
        } else {
            self.sentenceSplitter = try SentenceSplitter()
        }
    }

    /// Tokenizes `text`.
    public func tokenize(_ text: NormalizedText) throws(TextError) -> TokenizedText {
        try tokenize(text, alwaysUseICU: false)
    }

    /// Tokenizes `text`; with `alwaysUseICU`, runs ICU's word breaks even where
    /// ``Tokenizer/icuCannotSplitFurther(_:)`` says they would change nothing
    /// (the tests compare both ways).
    func tokenize(_ text: NormalizedText, alwaysUseICU: Bool) throws(TextError) -> TokenizedText {
        let units = text.units
        var builder = TokenBuilder(text: text)
        if !alwaysUseICU && Self.icuCannotSplitFurther(units) {
            builder.cut(0..<units.count)
        } else {
            let boundaryCount = try words.run(units)
            var segmentStart = 0
            for k in 0..<boundaryCount {
                let segmentEnd = Int(words.boundaries[k])
                builder.cut(segmentStart..<segmentEnd)
                segmentStart = segmentEnd
            }
        }
        let sentences = splitsSentences
            ? try sentenceSplitter.split(units, tokens: &builder.tokens, keys: builder.keys)
            : [Sentence(tokens: 0..<builder.tokens.count, range: 0..<units.count)]
        return TokenizedText(text: text, tokens: builder.tokens, keyUnits: builder.keys, sentences: sentences,
                             lineBreakTokens: builder.lineBreakTokens, sentenceStopTokens: builder.sentenceStopTokens)
    }

    /// Whether ICU's word boundaries can be skipped for `units` because they
    /// could not cut any token finer than the character-class scan does.
    ///
    /// The scan cuts at every change between letters, digits, punctuation,
    /// symbols and spaces already; ICU (UAX #29) only adds boundaries inside
    /// letter runs for scripts written without spaces (Chinese, Japanese,
    /// Thai, Lao, Khmer, Myanmar...) and before a combining mark that does not
    /// follow a letter. So a text whose code units are all Latin, Greek,
    /// Cyrillic, Armenian or Vietnamese letters (below U+0590 and
    /// U+1E00–U+1EFF), general punctuation, currency signs, letter-like
    /// symbols, number forms, arrows or mathematical operators (U+2000–U+22FF),
    /// with no format characters and every combining mark right after a letter
    /// or a mark, tokenizes the same without ICU, only faster; anything else
    /// goes through ICU.
    static func icuCannotSplitFurther(_ units: [UInt16]) -> Bool {
        let classes = CharacterTables.classes
        return classes.withUnsafeBufferPointer { table in
            units.withUnsafeBufferPointer { text in
                var previous = CharacterClass.space
                for unit in text {
                    guard unit < 0x0590 || (unit >= 0x1E00 && unit < 0x1F00) || (unit >= 0x2000 && unit < 0x2300) else { return false }
                    let cls = CharacterClass(rawValue: table[Int(unit)] & CharacterTables.classMask) ?? .other
                    if cls == .format { return false }
                    if cls == .mark && previous != .letter && previous != .mark { return false }
                    previous = cls
                }
                return true
            }
        }
    }

    /// Normalizes and tokenizes a string with default options; a convenience.
    public func tokenize(_ string: String, normalizer: Normalizer = Normalizer()) throws(TextError) -> TokenizedText {
        try tokenize(normalizer.normalize(string))
    }
}

/// Accumulates tokens while the tokenizer walks ICU's segments.
private struct TokenBuilder {
    let text: NormalizedText
    let units: [UInt16]
    var tokens: [Token] = []
    var keys: [UInt16] = []
    var spaceBefore = false
    /// Whether the white space since the last token holds a line break.
    var lineBreakBefore = false
    /// See ``TokenizedText/lineBreakTokens`` and ``TokenizedText/sentenceStopTokens``.
    var lineBreakTokens: [Int32] = []
    var sentenceStopTokens: [Int32] = []

    init(text: NormalizedText) {
        self.text = text
        self.units = text.units
        tokens.reserveCapacity(text.units.count / 4)
        keys.reserveCapacity(text.units.count)
    }

    private static let dot: UInt16 = 0x2E
    private static let comma: UInt16 = 0x2C

    /// Cuts one ICU segment into tokens.
    mutating func cut(_ segment: Range<Int>) {
        var i = segment.lowerBound
        let end = segment.upperBound
        while i < end {
            let unit = units[i]
            let cls = characterClass(at: i, end)
            switch cls {
            case .space, .newline:
                spaceBefore = true
                if unit == 0x0A { lineBreakBefore = true }
                i += 1
            case .letter, .mark:
                var j = i
                while j < end {
                    let c = characterClass(at: j, end)
                    guard c == .letter || c == .mark || c == .format else { break }
                    j += width(at: j, end)
                }
                emit(i..<j, kind: .word)
                i = j
            case .digit:
                var j = i + width(at: i, end)
                while j < end {
                    let c = characterClass(at: j, end)
                    if c == .digit {
                        j += width(at: j, end)
                    } else if (units[j] == Self.dot || units[j] == Self.comma), j + 1 < end,
                              CharacterTables.characterClass(units[j + 1]) == .digit {
                        j += 2
                    } else {
                        break
                    }
                }
                // Marks stay with the character they follow: an NFC segment is never split.
                j = extendOverMarks(j, end)
                emit(i..<j, kind: .number)
                i = j
            case .punctuation:
                var j = i + 1
                if unit == Self.dot {
                    while j < end, units[j] == Self.dot { j += 1 }
                }
                j = extendOverMarks(j, end)
                emit(i..<j, kind: .punctuation)
                i = j
            case .otherNumber:
                let j = extendOverMarks(i + 1, end)
                emit(i..<j, kind: .number)
                i = j
            case .symbol, .other, .format:
                let j = extendOverMarks(i + width(at: i, end), end)
                if cls == .format && j == i + 1 {
                    i = j  // a lone invisible format character is not a token
                } else {
                    emit(i..<j, kind: .symbol)
                    i = j
                }
            }
        }
    }

    /// 2 for a surrogate pair at `i`, else 1.
    @inline(__always)
    private func width(at i: Int, _ end: Int) -> Int {
        units[i] & 0xFC00 == 0xD800 && i + 1 < end && units[i + 1] & 0xFC00 == 0xDC00 ? 2 : 1
    }

    /// The class of the character at `i`; a surrogate pair is classified by the
    /// scalar it encodes (letters outside the BMP, such as "𠀀", are letters).
    @inline(__always)
    private func characterClass(at i: Int, _ end: Int) -> CharacterClass {
        let unit = units[i]
        guard width(at: i, end) == 2 else { return CharacterTables.characterClass(unit) }
        let value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[i + 1] - 0xDC00)
        switch Unicode.Scalar(value)?.properties.generalCategory {
        case .uppercaseLetter?, .lowercaseLetter?, .titlecaseLetter?, .modifierLetter?, .otherLetter?: return .letter
        case .decimalNumber?: return .digit
        case .nonspacingMark?, .spacingMark?, .enclosingMark?: return .mark
        default: return .other
        }
    }

    /// Moves `j` past combining marks and format characters that extend the previous character.
    private func extendOverMarks(_ j: Int, _ end: Int) -> Int {
        var j = j
        while j < end {
            let c = CharacterTables.characterClass(units[j])
            guard c == .mark || c == .format else { break }
            j += 1
        }
        return j
    }

    private mutating func emit(_ range: Range<Int>, kind: TokenKind) {
        // A run of dots split over ICU segments ("..." is three segments) is one token.
        if kind == .punctuation, !spaceBefore, units[range.lowerBound] == Self.dot,
           let last = tokens.last, last.kind == .punctuation, last.range.upperBound == range.lowerBound,
           units[last.range].allSatisfy({ $0 == Self.dot }) {
            let merged = last.range.lowerBound..<range.upperBound
            tokens[tokens.count - 1].range = merged
            tokens[tokens.count - 1].originalRange = text.offsetMap.originalRange(ofNormalized: merged)
            let keyStart = last.keyRange.lowerBound
            keys.removeSubrange(keyStart...)
            FoldedKey.append(units[merged], to: &keys)
            tokens[tokens.count - 1].keyRange = keyStart..<keys.count
            return
        }
        let keyStart = keys.count
        FoldedKey.append(units[range], to: &keys)
        tokens.append(Token(
            kind: kind,
            shape: kind == .word ? Self.shape(of: units[range]) : (kind == .number ? .digits : .none),
            range: range,
            originalRange: text.offsetMap.originalRange(ofNormalized: range),
            keyRange: keyStart..<keys.count,
            spaceBefore: spaceBefore,
            lineBreakBefore: lineBreakBefore,
            sentence: 0))
        if lineBreakBefore { lineBreakTokens.append(Int32(tokens.count - 1)) }
        if kind == .punctuation {
            let first = units[range.lowerBound]
            if first == Self.dot || first == 0x21 || first == 0x3F { sentenceStopTokens.append(Int32(tokens.count - 1)) }
        }
        spaceBefore = false
        lineBreakBefore = false
    }

    /// The case pattern of a word.
    static func shape(of word: ArraySlice<UInt16>) -> TokenShape {
        var upper = 0, lower = 0, letters = 0
        var firstIsUpper = false
        for unit in word where CharacterTables.characterClass(unit) == .letter {
            let isUpper = CharacterTables.isUppercase(unit)
            if letters == 0 { firstIsUpper = isUpper }
            if isUpper { upper += 1 } else if CharacterTables.isLowercase(unit) { lower += 1 }
            letters += 1
        }
        if upper == 0 { return .lower }
        if lower == 0 { return letters >= 2 ? .upper : .title }
        if firstIsUpper && upper == 1 { return .title }
        return .mixed
    }
}
