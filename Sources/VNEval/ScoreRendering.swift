import Foundation
import VNRules

extension ScoreReport {
    /// The metrics table as score.py prints it (types, then OVERALL; then the
    /// document counts and the validation summary with up to 5 examples).
    /// Ends with a newline.
    public func renderTable() -> String {
        func f(_ x: Double?) -> String {
            guard let x else { return "    -" }
            return String(format: "%5.3f", x)
        }
        let p = PythonText.padLeft
        let hdr = PythonText.padRight("type", 13) + " " + [p("gold", 6), p("pred", 6), p("found", 6), p("miss", 6), p("fp", 6)].joined(separator: " ")
            + " | " + [p("P", 5), p("R", 5), p("F1", 5)].joined(separator: " ")
            + " | " + [p("exP", 5), p("exR", 5), p("exF1", 5)].joined(separator: " ")
            + " | " + p("valAcc", 6) + " (n)"
        var out = hdr + "\n" + String(repeating: "-", count: PythonText.length(hdr)) + "\n"
        let rows = types.map { ($0.type, $0.metrics) } + [("OVERALL", overall)]
        for (name, m) in rows {
            out += PythonText.padRight(name, 13) + " "
                + [m.gold, m.predicted, m.found, m.missed, m.falsePositives].map { p(String($0), 6) }.joined(separator: " ")
                + " | " + [f(m.precision), f(m.recall), f(m.f1)].joined(separator: " ")
                + " | " + [f(m.exactPrecision), f(m.exactRecall), f(m.exactF1)].joined(separator: " ")
                + " | " + p(PythonText.strip(f(m.valueAccuracy)), 6)
                + " (\(m.valueCorrect)/\(m.valueCompared))\n"
        }
        let d = documents
        out += "\ndocuments: \(d.gold) gold, \(d.predicted) predicted, \(d.missingInPrediction) missing from prediction, \(d.onlyInPrediction) only in prediction\n"
        let v = validation
        out += "validation: \(v.checked) predicted entities checked against the gold text: "
            + "\(v.textMismatch) text mismatches, \(v.missingText) missing text, \(v.offsetsOutOfRange) offsets out of range; "
            + "\(v.notCheckedNoGoldText) not checked (gold has no text); \(v.unsortedDocuments) unsorted documents; \(v.sameTypeOverlaps) same-type overlaps\n"
        for example in v.examples.prefix(5) { out += "  " + example + "\n" }
        return out
    }

    /// score.py `--show-errors N`: per scored type, up to `limit` misses,
    /// false positives, value mismatches and boundary differences, with
    /// context from the gold text. Empty when `limit` is 0 or nothing is wrong.
    public func renderErrors(limit: Int) -> String {
        guard limit > 0 else { return "" }
        func rule(_ e: EvalEntity) -> String {
            if let r = e.rule, !r.isEmpty { return "  (rule \(r))" }
            return ""
        }
        func clipped(_ s: String?, _ n: Int) -> String { PythonText.repr(PythonText.clip(s ?? "", n)) }
        var out = ""
        for typeErrors in errors {
            let t = typeErrors.type
            let kinds: [(String, [String])] = [
                ("misses", typeErrors.misses.map { m in
                    var hint = ""
                    if !m.overlappingOtherTypes.isEmpty {
                        hint = "  (overlaps predicted " + m.overlappingOtherTypes.joined(separator: ", ") + ")"
                    }
                    if m.documentMissing { hint += "  (document missing from prediction)" }
                    return "doc \(m.document) \(m.gold.start)-\(m.gold.end) \(clipped(m.gold.text, 60))\(hint)\n      \(m.context ?? "")"
                }),
                ("false positives", typeErrors.falsePositives.map { s in
                    "doc \(s.document) \(s.prediction.start)-\(s.prediction.end) \(clipped(s.shownText, 60))\(rule(s.prediction))\n      \(s.context ?? "")"
                }),
                ("value mismatches", typeErrors.valueMismatches.map { v in
                    "doc \(v.document) \(v.gold.start)-\(v.gold.end) \(clipped(v.gold.text, 60)) [\(v.keys.joined(separator: ", "))]\n"
                        + "      gold: \(v.gold.pythonValue.dumps())\n"
                        + "      pred: \(v.prediction.pythonValue.dumps())\(rule(v.prediction))"
                }),
                ("boundary differences", typeErrors.boundaryDifferences.map { b in
                    "doc \(b.document) gold \(b.gold.start)-\(b.gold.end) \(clipped(b.gold.text, 50)) / "
                        + "pred \(b.prediction.start)-\(b.prediction.end) \(clipped(b.prediction.text, 50))\(rule(b.prediction))"
                }),
            ]
            for (kind, items) in kinds where !items.isEmpty {
                out += "\n== \(t): \(kind) (\(items.count), showing \(min(limit, items.count)))\n"
                for item in items.prefix(limit) { out += "  - " + item + "\n" }
            }
        }
        return out
    }

    /// The warnings as score.py writes them to standard error, one per line:
    /// "`program`: warning: ...".
    public func renderWarnings(program: String = "score.py") -> String {
        warnings.map { "\(program): warning: \($0)\n" }.joined()
    }

    /// The report as one JSON object, key for key what `score.py --json`
    /// prints (`gold_file`, `pred_file`, `documents`, `types`, `overall`,
    /// `validation`, `malformed_entities`, `ignored_pred_types`, `warnings`).
    /// Ends with a newline.
    public func renderJSON() -> String {
        func num(_ x: Double?) -> PyValue { x.map { .float($0) } ?? .null }
        func int(_ n: Int) -> PyValue { .int(String(n)) }
        func metrics(_ m: Metrics) -> PyValue {
            .object([
                ("gold", int(m.gold)), ("pred", int(m.predicted)), ("found", int(m.found)),
                ("missed", int(m.missed)), ("false_positives", int(m.falsePositives)),
                ("precision", num(m.precision)), ("recall", num(m.recall)), ("f1", num(m.f1)),
                ("exact", .object([("matched", int(m.exactMatched)), ("precision", num(m.exactPrecision)),
                                   ("recall", num(m.exactRecall)), ("f1", num(m.exactF1))])),
                ("value", .object([("scored", int(m.valueCompared)), ("correct", int(m.valueCorrect)),
                                   ("accuracy", num(m.valueAccuracy))])),
            ])
        }
        let v = validation
        let result: PyValue = .object([
            ("gold_file", .string(goldSource)),
            ("pred_file", .string(predictionSource)),
            ("documents", .object([
                ("gold", int(documents.gold)), ("pred", int(documents.predicted)),
                ("missing_in_pred", int(documents.missingInPrediction)),
                ("only_in_pred", int(documents.onlyInPrediction)),
            ])),
            ("types", .object(types.map { (key: $0.type, value: metrics($0.metrics)) })),
            ("overall", metrics(overall)),
            ("validation", .object([
                ("checked", int(v.checked)), ("not_checked_no_gold_text", int(v.notCheckedNoGoldText)),
                ("text_mismatch", int(v.textMismatch)), ("missing_text", int(v.missingText)),
                ("offsets_out_of_range", int(v.offsetsOutOfRange)),
                ("unsorted_documents", int(v.unsortedDocuments)), ("same_type_overlaps", int(v.sameTypeOverlaps)),
                ("examples", .array(v.examples.map { .string($0) })),
            ])),
            ("malformed_entities", .object([("gold", int(malformedGold)), ("pred", int(malformedPredicted))])),
            ("ignored_pred_types", .object(ignoredPredictionTypes.map { (key: $0.type, value: int($0.count)) })),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
        return result.dumps() + "\n"
    }
}

/// What one `eval` run writes and its exit status.
public struct EvalRunResult: Sendable {
    /// Standard output.
    public var standardOutput: String
    /// Standard error.
    public var standardError: String
    /// 0 when scoring ran (whatever the scores), 2 when an input is unreadable
    /// or not JSON Lines of the expected shape, or an option is invalid.
    public var exitStatus: Int32
    /// The report, when scoring ran.
    public var report: ScoreReport?
}

/// score.py's `main`, minus argument parsing: read, score, render.
public enum EvalCommand {
    /// Exit status of a run that scored.
    public static let successStatus: Int32 = 0
    /// Exit status for unreadable or malformed input and invalid options.
    public static let inputErrorStatus: Int32 = 2

    /// Scores the prediction file at `predictionPath` ("-": standard input)
    /// against the gold file at `goldPath`.
    /// - Parameters:
    ///   - types: the `--types` argument, if given ("money,date").
    ///   - json: print the JSON object instead of the table (`--json`).
    ///   - showErrors: `--show-errors N` (0: none); listed on standard output,
    ///     or on standard error with `json`.
    ///   - program: the name before "error:"/"warning:" in messages.
    public static func run(goldPath: String, predictionPath: String, types: String? = nil,
                           json: Bool = false, showErrors: Int = 0, program: String = "vnextract eval") -> EvalRunResult {
        do {
            let options = try options(types: types, showErrors: showErrors)
            let gold = try EvalDocumentSet.read(path: goldPath, role: .gold)
            let predictions = try EvalDocumentSet.read(path: predictionPath, role: .prediction)
            return render(Scorer(options: options).score(gold: gold, predictions: predictions),
                          json: json, showErrors: showErrors, program: program)
        } catch {
            return EvalRunResult(standardOutput: "", standardError: "\(program): error: \(error)\n",
                                 exitStatus: inputErrorStatus, report: nil)
        }
    }

    /// Scores in-process predictions against the gold file at `goldPath`.
    public static func run(goldPath: String, predictions: EvalDocumentSet, types: String? = nil,
                           json: Bool = false, showErrors: Int = 0, program: String = "vnextract eval") -> EvalRunResult {
        do {
            let options = try options(types: types, showErrors: showErrors)
            let gold = try EvalDocumentSet.read(path: goldPath, role: .gold)
            return render(Scorer(options: options).score(gold: gold, predictions: predictions),
                          json: json, showErrors: showErrors, program: program)
        } catch {
            return EvalRunResult(standardOutput: "", standardError: "\(program): error: \(error)\n",
                                 exitStatus: inputErrorStatus, report: nil)
        }
    }

    /// Scores in-process predictions against an already read gold set.
    public static func run(gold: EvalDocumentSet, predictions: EvalDocumentSet, types: String? = nil,
                           json: Bool = false, showErrors: Int = 0, program: String = "vnextract eval") -> EvalRunResult {
        do {
            let options = try options(types: types, showErrors: showErrors)
            return render(Scorer(options: options).score(gold: gold, predictions: predictions),
                          json: json, showErrors: showErrors, program: program)
        } catch {
            return EvalRunResult(standardOutput: "", standardError: "\(program): error: \(error)\n",
                                 exitStatus: inputErrorStatus, report: nil)
        }
    }

    private static func options(types: String?, showErrors: Int) throws -> ScoreOptions {
        if showErrors < 0 { throw EvalInputError(message: "--show-errors must be >= 0") }
        return ScoreOptions(types: try types.flatMap(ScoreOptions.parseTypes))
    }

    /// Renders a report as score.py's `main` does.
    public static func render(_ report: ScoreReport, json: Bool, showErrors: Int, program: String) -> EvalRunResult {
        var out = "", err = report.renderWarnings(program: program)
        if json { out = report.renderJSON() } else { out = report.renderTable() }
        if showErrors > 0 {
            let listing = report.renderErrors(limit: showErrors)
            if json { err += listing } else { out += listing }
        }
        return EvalRunResult(standardOutput: out, standardError: err, exitStatus: successStatus, report: report)
    }
}
