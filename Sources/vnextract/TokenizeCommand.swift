import ArgumentParser
import VNBatch
import VNText

/// `vnextract tokenize`: one `{"id", "tokens", "sentences"}` line per document.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print each document's tokens and sentences as JSON Lines.",
        discussion: """
            Each token: start and end (Unicode scalar offsets into the original text, end \
            exclusive), text (the original slice), norm (normalized form), key (folded: lower \
            case, no diacritics, đ→d), kind (word, number, punctuation, symbol), shape (lower, \
            Title, upper, mixed, digits, none), space_before and sentence (index).
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var normalization: NormalizationFlags

    func run() throws {
        let normalizer = Normalizer(options: normalization.options)
        let tokenizer = try Tokenizer()
        try input.runBatch { record, writer in
            let tokenized = try tokenizer.tokenize(normalizer.normalize(record.text))
            DocumentJSON.writeTokens(id: record.id, tokenized, to: &writer)
        }
    }
}
