import ArgumentParser
import VNEngine
import VNEval
import VNExtract

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vnextract eval`: scores the extractor (or a prediction file) against a gold file,
/// with the semantics of the reference scorer score.py.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the extractor, or a prediction file, against a gold JSON Lines file (per type P/R/F1, exact-span F1, value accuracy).",
        discussion: "Without --pred, the extractor runs on each gold document's \"text\". Exit status 0 when scoring ran, 2 for unreadable input; with --min-f1, 1 when a type scores under the bar."
    )

    @Argument(help: "The gold file: {\"id\", \"text\", \"entities\"} per line.")
    var gold: String

    @Option(help: "A prediction file to score instead of running the extractor (- for standard input).")
    var pred: String?

    @Option(help: "Only these types, comma-separated.")
    var types: String?

    @Option(name: .customLong("show-errors"), help: "List up to N misses, false positives and value mismatches per type.")
    var showErrors = 0

    @Flag(help: "Print the scores as one JSON object.")
    var json = false

    @Option(name: .customLong("min-f1"), help: ArgumentHelp("Fail (exit 1) when F1 or value accuracy of any scored type is under this.", valueName: "x"))
    var minimum: Double?

    @OptionGroup var rules: RuleOptions
    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let result: EvalRunResult
        if let pred {
            result = VNEval.EvalCommand.run(goldPath: gold, predictionPath: pred, types: types, json: json, showErrors: showErrors)
        } else {
            let extractor = try extraction.extractor(ruleSet: try rules.load())
            do {
                let goldSet = try EvalDocumentSet.read(path: gold, role: .gold)
                let predictions = try CorpusEvaluation.predictions(for: goldSet, extractor: extractor)
                result = VNEval.EvalCommand.run(goldPath: gold, predictions: predictions, types: types, json: json, showErrors: showErrors)
            } catch {
                printError("vnextract eval: error: \(error)")
                throw ExitCode(2)
            }
        }
        print(result.standardOutput, terminator: "")
        if !result.standardError.isEmpty { printError(String(result.standardError.dropLast(result.standardError.hasSuffix("\n") ? 1 : 0))) }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
        if let minimum, let report = result.report {
            for score in report.types where score.metrics.gold > 0 || score.metrics.predicted > 0 {
                let f1 = score.metrics.f1 ?? 0, accuracy = score.metrics.valueAccuracy ?? 1
                if f1 < minimum || accuracy < minimum {
                    printError("vnextract eval: \(score.type) is under \(minimum): F1 \(f1), value accuracy \(accuracy)")
                    throw ExitCode(1)
                }
            }
        }
    }
}
