import ArgumentParser
import CMallocTuning
import VNText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `vnextract` command: Vietnamese free-text reports in, JSON Lines out.
struct VNExtract: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "vnextract",
        abstract: "Turn Vietnamese free-text reports into structured JSON Lines.",
        discussion: """
            Inputs are files, directories (their *.txt files, recursively, in sorted order; \
            *.jsonl with --input-format jsonl) and - for standard input. Output is one JSON \
            object per document on standard output. Bad records are reported on standard \
            error (or --errors FILE) as JSON lines and the batch goes on; the exit code is 1 \
            if any record failed, 2 for a usage error.
            """,
        version: "vnextract \(version) (ICU \(ICU.version), Unicode \(ICU.unicodeVersion))",
        subcommands: [ExtractCommand.self, NormalizeCommand.self, TokenizeCommand.self, TestCommand.self, ExplainCommand.self, EvalCommand.self, RulesCommand.self]
    )
}

@main
enum Main {
    static func main() {
        guard ICUCheck.isSupported else {
            printError("vnextract: the linked ICU \(ICU.version) is older than \(ICUCheck.minimumMajorVersion); install a newer libicu-dev")
            exit(3)
        }
        // Batches allocate and free the same per-document buffers: keep them mapped.
        _ = vnx_keep_freed_memory()
        do {
            var command = try VNExtract.parseAsRoot()
            try command.run()
        } catch {
            let code = VNExtract.exitCode(for: error)
            if code == .validationFailure {
                // Usage errors: one line, exit code 2.
                let message = VNExtract.message(for: error).split(separator: "\n").first.map(String.init) ?? "usage error"
                printError("vnextract: error: \(message) (see 'vnextract help')")
                exit(2)
            }
            VNExtract.exit(withError: error)
        }
    }
}

/// The ICU version check made at start-up.
enum ICUCheck {
    /// The oldest ICU major version vnextract is tested with (Debian 11 ships 67).
    static let minimumMajorVersion = 67

    static var isSupported: Bool {
        guard let major = Int(ICU.version.split(separator: ".").first ?? "") else { return false }
        return major >= minimumMajorVersion
    }
}
