import VNText

/// The JSON Lines records of `vnextract normalize` and `vnextract tokenize`.
///
/// Offsets are Unicode scalar offsets into the original text, end exclusive,
/// as in OUTPUT.md; `text` is exactly the original slice.
public enum DocumentJSON {
    /// `{"id": ..., "normalized": "..."}`
    public static func writeNormalized(id: String, _ text: NormalizedText, to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("id")
        writer.string(id)
        writer.raw(",")
        writer.key("normalized")
        writer.string(utf16: text.units)
        writer.raw("}")
    }

    /// `{"id": ..., "tokens": [{"start", "end", "text", "norm", "key", "kind",
    /// "shape", "space_before", "sentence"}, ...], "sentences": [{"start", "end"}, ...]}`
    public static func writeTokens(id: String, _ tokenized: TokenizedText, to writer: inout JSONWriter) {
        let text = tokenized.text
        writer.raw("{")
        writer.key("id")
        writer.string(id)
        writer.raw(",")
        writer.key("tokens")
        writer.raw("[")
        for (index, token) in tokenized.tokens.enumerated() {
            if index > 0 { writer.raw(",") }
            let scalars = tokenized.scalarRange(of: token)
            writer.raw("{")
            writer.key("start")
            writer.int(scalars.lowerBound)
            writer.raw(",")
            writer.key("end")
            writer.int(scalars.upperBound)
            writer.raw(",")
            writer.key("text")
            writer.string(utf16: text.original[token.originalRange])
            writer.raw(",")
            writer.key("norm")
            writer.string(utf16: text.units[token.range])
            writer.raw(",")
            writer.key("key")
            writer.string(utf16: tokenized.keyUnits[token.keyRange])
            writer.raw(",")
            writer.key("kind")
            writer.string(token.kind.rawValue)
            writer.raw(",")
            writer.key("shape")
            writer.string(token.shape.rawValue)
            writer.raw(",")
            writer.key("space_before")
            writer.bool(token.spaceBefore)
            writer.raw(",")
            writer.key("sentence")
            writer.int(token.sentence)
            writer.raw("}")
        }
        writer.raw("],")
        writer.key("sentences")
        writer.raw("[")
        for (index, sentence) in tokenized.sentences.enumerated() {
            if index > 0 { writer.raw(",") }
            let range = sentenceScalarRange(sentence, tokenized)
            writer.raw("{")
            writer.key("start")
            writer.int(range.lowerBound)
            writer.raw(",")
            writer.key("end")
            writer.int(range.upperBound)
            writer.raw("}")
        }
        writer.raw("]}")
    }

    /// A sentence's original span: from its first token's start to its last token's end.
    private static func sentenceScalarRange(_ sentence: Sentence, _ tokenized: TokenizedText) -> Range<Int> {
        guard let first = sentence.tokens.first, let last = sentence.tokens.last else {
            let position = tokenized.text.originalScalarRange(ofNormalized: sentence.range.lowerBound..<sentence.range.lowerBound).lowerBound
            return position..<position
        }
        let start = tokenized.scalarRange(of: tokenized.tokens[first]).lowerBound
        let end = tokenized.scalarRange(of: tokenized.tokens[last]).upperBound
        return start..<end
    }
}
