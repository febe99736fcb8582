/// Splits a tokenized text into sentences with ICU's sentence break iterator,
/// then removes the breaks ICU makes after Vietnamese abbreviations
/// ("TP. Hồ Chí Minh", "Q. Ba Đình", "PGS. TS. Nguyễn Văn A").
///
/// Line breaks always end a sentence (ICU's rule), so a headline or a
/// dateline is a sentence of its own.
public final class SentenceSplitter {
    /// Folded keys of words that, followed by ".", do not end a sentence.
    public static let defaultAbbreviations: Set<String> = [
        "tp", "q", "p", "tx", "tt", "h", "x", "ts", "ths", "pgs", "gs", "bs", "bsck",
        "ks", "ncs", "ls", "cn", "kts", "ds", "st",
    ]

    private let iterator: BreakIterator
    private let abbreviationKeys: Set<[UInt16]>

    /// Opens the ICU iterator; `abbreviations` are folded keys (see ``FoldedKey``).
    public init(abbreviations: Set<String> = SentenceSplitter.defaultAbbreviations) throws(TextError) {
        iterator = try BreakIterator(.sentence)
        abbreviationKeys = Set(abbreviations.map { Array(FoldedKey.key($0).utf16) })
    }

    /// Assigns every token its sentence index and returns the sentences.
    func split(_ units: [UInt16], tokens: inout [Token], keys: [UInt16]) throws(TextError) -> [Sentence] {
        let count = try iterator.run(units)
        var sentences: [Sentence] = []
        var tokenIndex = 0
        var sentenceStart = 0
        var firstToken = 0
        for k in 0..<count {
            let boundary = Int(iterator.boundaries[k])
            while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < boundary {
                tokens[tokenIndex].sentence = sentences.count
                tokenIndex += 1
            }
            let isLast = k == count - 1
            if !isLast && endsWithAbbreviation(tokens: tokens, upTo: tokenIndex, units: units, keys: keys) {
                continue
            }
            if tokenIndex > firstToken || isLast {
                sentences.append(Sentence(tokens: firstToken..<tokenIndex, range: sentenceStart..<boundary))
                sentenceStart = boundary
                firstToken = tokenIndex
            }
        }
        return sentences
    }

    /// Whether the tokens before `end` finish with "<abbreviation>." on the same line.
    private func endsWithAbbreviation(tokens: [Token], upTo end: Int, units: [UInt16], keys: [UInt16]) -> Bool {
        guard end >= 2 else { return false }
        let dot = tokens[end - 1], word = tokens[end - 2]
        guard dot.kind == .punctuation, dot.range.count == 1, units[dot.range.lowerBound] == 0x2E,
              !dot.spaceBefore, word.kind == .word else { return false }
        // A line break after the dot ends the sentence whatever came before it.
        if dot.range.upperBound < units.count, units[dot.range.upperBound] == 0x0A { return false }
        return abbreviationKeys.contains(Array(keys[word.keyRange]))
    }
}
