import ArgumentParser
import VNBatch
import VNText

/// `vnextract normalize`: one `{"id", "normalized"}` line per document.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print each document's normalized text as JSON Lines: {\"id\", \"normalized\"}."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var normalization: NormalizationFlags

    func run() throws {
        let normalizer = Normalizer(options: normalization.options)
        try input.runBatch { record, writer in
            let normalized = try normalizer.normalize(record.text)
            DocumentJSON.writeNormalized(id: record.id, normalized, to: &writer)
        }
    }
}
