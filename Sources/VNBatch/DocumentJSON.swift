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
            let scalars = tokenized.scalarRange(of: token)
            writer.raw(index == 0 ? "{\"start\":" : ",{\"start\":")
            writer.int(scalars.lowerBound)
            writer.raw(",\"end\":")
            writer.int(scalars.upperBound)
            writer.raw(",\"text\":")
            writer.string(utf16: text.original[token.originalRange])
            writer.raw(",\"norm\":")
            writer.string(utf16: text.units[token.range])
            writer.raw(",\"key\":")
            writer.string(utf16: tokenized.keyUnits[token.keyRange])
            writer.raw(",\"kind\":")
            writer.raw(kindJSON(token.kind))
            writer.raw(",\"shape\":")
            writer.raw(shapeJSON(token.shape))
            writer.raw(token.spaceBefore ? ",\"space_before\":true,\"sentence\":" : ",\"space_before\":false,\"sentence\":")
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

    /// The kind as a JSON string literal (written without escaping work).
    private static func kindJSON(_ kind: TokenKind) -> StaticString {
        switch kind {
        case .word: return "\"word\""
        case .number: return "\"number\""
        case .punctuation: return "\"punctuation\""
        case .symbol: return "\"symbol\""
        }
    }

    /// The shape as a JSON string literal.
    private static func shapeJSON(_ shape: TokenShape) -> StaticString {
        switch shape {
        case .lower: return "\"lower\""
        case .title: return "\"title\""
        case .upper: return "\"upper\""
        case .mixed: return "\"mixed\""
        case .digits: return "\"digits\""
        case .none: return "\"none\""
        }
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
