/// What a token is made of.
public enum TokenKind: String, Sendable, CaseIterable {
    /// A syllable or word: letters and combining marks only ("hóa", "LĐLĐ", "TP").
    case word
    /// A number as written: digits with "." and "," inside ("1.332", "5,5", "705.000.000").
    case number
    /// Punctuation (".", ",", "/", "-", ":", "(", "\"", "...").
    case punctuation
    /// A symbol ("%", "$", "©", "+").
    case symbol
}

/// The letter-case pattern of a token, for rules such as "an ALLCAPS abbreviation".
public enum TokenShape: String, Sendable, CaseIterable {
    /// All letters lower case: "đoàn".
    case lower
    /// First letter upper case, the rest lower: "Móng", "Q".
    case title
    /// Two or more letters, all upper case: "LĐLĐ", "CĐCS", "TNHH".
    case upper
    /// Any other mix of cases: "ThS", "iPhone".
    case mixed
    /// Digits (with group and decimal marks): "1.332".
    case digits
    /// Punctuation and symbols.
    case none
}

/// One token of a document.
///
/// Positions are kept as UTF-16 offsets; ``TokenizedText`` converts them to the
/// Unicode scalar offsets of the output contract and gives the token's texts.
public struct Token: Sendable, Equatable {
    /// What the token is made of.
    public var kind: TokenKind
    /// Its letter-case pattern.
    public var shape: TokenShape
    /// Its range in the normalized text (UTF-16 offsets).
    public var range: Range<Int>
    /// Its range in the original text (UTF-16 offsets).
    public var originalRange: Range<Int>
    /// Its folded key's range in ``TokenizedText/keyUnits``.
    public var keyRange: Range<Int>
    /// Whether white space comes right before it (false for a token at the very
    /// start of the text). Tokens with
    /// `spaceBefore == false` are written together ("28/05/2023", "107,3%",
    /// "02/NQ-BCT"), which is how rules compose them.
    public var spaceBefore: Bool
    /// Whether the white space right before it holds a line break ("\n"):
    /// the token starts a line (see ``TokenizedText/startsLine(_:)``).
    public var lineBreakBefore: Bool
    /// Index of the sentence the token belongs to.
    public var sentence: Int

    /// Creates a token.
    public init(kind: TokenKind, shape: TokenShape, range: Range<Int>, originalRange: Range<Int>,
                keyRange: Range<Int>, spaceBefore: Bool, lineBreakBefore: Bool = false, sentence: Int) {
        self.kind = kind
        self.shape = shape
        self.range = range
        self.originalRange = originalRange
        self.keyRange = keyRange
        self.spaceBefore = spaceBefore
        self.lineBreakBefore = lineBreakBefore
        self.sentence = sentence
    }
}

/// A sentence: a range of tokens and of normalized text.
public struct Sentence: Sendable, Equatable {
    /// Indices of its tokens in ``TokenizedText/tokens``.
    public var tokens: Range<Int>
    /// Its range in the normalized text (UTF-16 offsets).
    public var range: Range<Int>

    /// Creates a sentence.
    public init(tokens: Range<Int>, range: Range<Int>) {
        self.tokens = tokens
        self.range = range
    }
}

/// A normalized text cut into tokens and sentences.
public struct TokenizedText: Sendable {
    /// The normalized text and its original.
    public let text: NormalizedText
    /// The tokens, in text order.
    public let tokens: [Token]
    /// All folded keys, one after another; each token points at its own.
    public let keyUnits: [UInt16]
    /// The sentences, in text order; together they hold every token.
    public let sentences: [Sentence]
    /// The indices of the tokens with a line break before them
    /// (``Token/lineBreakBefore``), in order: where the text's lines start,
    /// for passes that need the lines without walking every token.
    public let lineBreakTokens: [Int32]
    /// The indices of the punctuation tokens that start with ".", "!" or "?"
    /// ("...", "?!"), in order: where a sentence may end.
    public let sentenceStopTokens: [Int32]

    /// Bundles the parts of a tokenized text; `lineBreakTokens` and
    /// `sentenceStopTokens` must list what `tokens` hold (the tokenizer finds
    /// them as it goes).
    public init(text: NormalizedText, tokens: [Token], keyUnits: [UInt16], sentences: [Sentence],
                lineBreakTokens: [Int32], sentenceStopTokens: [Int32]) {
        self.text = text
        self.tokens = tokens
        self.keyUnits = keyUnits
        self.sentences = sentences
        self.lineBreakTokens = lineBreakTokens
        self.sentenceStopTokens = sentenceStopTokens
    }

    /// The token's original text: exactly the slice of the input it covers.
    public func originalText(of token: Token) -> String {
        String(utf16CodeUnits: text.original[token.originalRange])
    }

    /// The token's normalized text.
    public func normalizedText(of token: Token) -> String {
        String(utf16CodeUnits: text.units[token.range])
    }

    /// Whether token `k` is the first of its line: the text's first token, or one
    /// with a line break in the white space before it.
    @inlinable
    public func startsLine(_ k: Int) -> Bool {
        k == 0 || tokens[k].lineBreakBefore
    }

    /// The token's folded key ("thuy" for "Thủy").
    public func key(of token: Token) -> String {
        String(utf16CodeUnits: keyUnits[token.keyRange])
    }

    /// The token's range in the original text in Unicode scalar offsets.
    public func scalarRange(of token: Token) -> Range<Int> {
        let scalars = text.originalScalars
        return scalars.scalarOffset(token.originalRange.lowerBound)..<scalars.scalarOffset(token.originalRange.upperBound)
    }
}

extension String {
    /// A string from UTF-16 code units, faster than `String(decoding:as:)` for
    /// the short token texts the extractor makes: ASCII is copied byte for
    /// byte, anything else is transcoded to UTF-8 in one pass (a lone
    /// surrogate becomes U+FFFD).
    @inlinable
    public init<Units: Collection<UInt16>>(utf16CodeUnits units: Units) {
        let count = units.count
        self.init(unsafeUninitializedCapacity: count * 3) { bytes in
            var n = 0
            var pendingHigh: UInt32 = 0
            func put(_ scalar: UInt32) {
                if scalar < 0x80 {
                    bytes[n] = UInt8(scalar); n += 1
                } else if scalar < 0x800 {
                    bytes[n] = UInt8(0xC0 | (scalar >> 6)); bytes[n + 1] = UInt8(0x80 | (scalar & 0x3F)); n += 2
                } else if scalar < 0x10000 {
                    bytes[n] = UInt8(0xE0 | (scalar >> 12)); bytes[n + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    bytes[n + 2] = UInt8(0x80 | (scalar & 0x3F)); n += 3
                } else {
                    bytes[n] = UInt8(0xF0 | (scalar >> 18)); bytes[n + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    bytes[n + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); bytes[n + 3] = UInt8(0x80 | (scalar & 0x3F)); n += 4
                }
            }
            for unit in units {
                let u = UInt32(unit)
                if pendingHigh != 0 {
                    if u & 0xFC00 == 0xDC00 {
                        put(0x10000 + ((pendingHigh - 0xD800) << 10) + (u - 0xDC00))
                        pendingHigh = 0
                        continue
                    }
                    put(0xFFFD)
                    pendingHigh = 0
                }
                if u & 0xFC00 == 0xD800 {
                    pendingHigh = u
                } else if u & 0xFC00 == 0xDC00 {
                    put(0xFFFD)
                } else {
                    put(u)
                }
            }
            if pendingHigh != 0 { put(0xFFFD) }
            return n
        }
    }
}
