import ArgumentParser
import VNBatch
import VNText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a line to standard error (unbuffered, straight to the descriptor).
func printError(_ message: String) {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// Inputs and batch behaviour shared by every subcommand.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files, directories (searched recursively) or - for standard input. Default: standard input when it is not a terminal.")
    var inputs: [String] = []

    @Option(name: .customLong("input-format"), help: "text: each file is one document; jsonl: one JSON object per line.")
    var inputFormat: InputFormat = .text

    @Option(name: .customLong("id-field"), help: "The JSON Lines field holding the document id.")
    var idField = "id"

    @Option(name: .customLong("text-field"), help: "The JSON Lines field holding the text.")
    var textField = "text"

    @Flag(help: "Replace invalid UTF-8 with U+FFFD and warn, instead of failing the record.")
    var lossy = false

    @Option(help: "Write problem reports (JSON lines) to this file instead of standard error.")
    var errors: String?

    @Flag(help: "Do not print the summary of records read, written and failed.")
    var quiet = false

    func validate() throws {
        if idField.isEmpty { throw ValidationError("--id-field must not be empty") }
        if textField.isEmpty { throw ValidationError("--text-field must not be empty") }
        if inputs.isEmpty && isatty(0) != 0 {
            throw ValidationError("no input: give files, directories or - for standard input")
        }
    }

    var readerOptions: ReaderOptions {
        var options = ReaderOptions()
        options.format = inputFormat
        options.idField = idField
        options.textField = textField
        options.lossy = lossy
        return options
    }

    /// Runs a batch job over the inputs and exits 1 if any record failed.
    func runBatch(process: (SourceRecord, inout JSONWriter) throws -> Void) throws {
        let problems: LineSink
        if let errors {
            do { problems = try LineSink(path: errors) } catch {
                throw ValidationError("\(error)")
            }
        } else {
            problems = LineSink.standardError()
        }
        let (items, missing) = InputCollector.collect(inputs.isEmpty ? ["-"] : inputs, format: inputFormat)
        let runner = BatchRunner(reader: RecordReader(options: readerOptions), output: .standardOutput(), problems: problems)
        do {
            try runner.run(items, initial: missing, process: process)
        } catch {
            printError("vnextract: \(error)")
            throw ExitCode(1)
        }
        if !quiet { printError(runner.stats.summary) }
        if runner.stats.failed > 0 { throw ExitCode(1) }
    }
}

extension InputFormat: ExpressibleByArgument {}
extension ToneMarkStyle: ExpressibleByArgument {}

/// Switches for the normalization steps.
struct NormalizationFlags: ParsableArguments {
    @Option(name: .customLong("tone-style"), help: "Tone-mark placement: traditional (hóa, thủy) or modern (hoá, thuỷ).")
    var toneStyle: ToneMarkStyle = .traditional

    @Flag(name: .customLong("no-tone-marks"), help: "Leave tone marks where they are written.")
    var noToneMarks = false

    @Flag(name: .customLong("no-nfc"), help: "Skip Unicode NFC normalization.")
    var noNFC = false

    @Flag(name: .customLong("no-invisibles"), help: "Keep zero-width characters, soft hyphens and inner BOMs.")
    var noInvisibles = false

    @Flag(name: .customLong("no-lookalikes"), help: "Keep look-alike letters (Ð for Đ) and no-break spaces.")
    var noLookalikes = false

    @Flag(name: .customLong("no-punctuation"), help: "Keep typographic quotes, dashes and ellipses.")
    var noPunctuation = false

    @Flag(name: .customLong("no-whitespace"), help: "Do not collapse runs of white space.")
    var noWhitespace = false

    var options: NormalizationOptions {
        var options = NormalizationOptions()
        options.removeInvisibles = !noInvisibles
        options.foldLookalikes = !noLookalikes
        options.canonicalizePunctuation = !noPunctuation
        options.unicodeNFC = !noNFC
        options.toneMarkStyle = noToneMarks ? nil : toneStyle
        options.collapseWhitespace = !noWhitespace
        return options
    }
}
