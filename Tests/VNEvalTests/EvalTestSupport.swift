import Foundation
import Testing
import VNEval
import VNRules

/// The gold file of the repository, found from this source file.
let goldPath: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus/gold/seeds.jsonl").path

/// A fresh temporary directory, removed by `remove()`.
struct TempDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vneval-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` and returns the path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes `text` as UTF-8 to `name` and returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A JSON string literal.
func jsonString(_ s: String) -> String { JSONValue.quote(s) }

/// One JSON Lines record: `{"id": ..., "entities": [...]}` (plus `"text"`).
func jsonLine(id: DocumentID, entities: [EvalEntity], text: String? = nil) -> String {
    var fields = ["\"id\": " + (id.isInteger ? id.text : jsonString(id.text))]
    if let text { fields.append("\"text\": " + jsonString(text)) }
    fields.append("\"entities\": [" + entities.map(jsonEntity).joined(separator: ", ") + "]")
    return "{" + fields.joined(separator: ", ") + "}"
}

/// An entity as a JSON object (keys in OUTPUT.md order).
func jsonEntity(_ e: EvalEntity) -> String {
    var fields = ["\"type\": \(jsonString(e.type))", "\"start\": \(e.start)", "\"end\": \(e.end)"]
    if let text = e.text { fields.append("\"text\": \(jsonString(text))") }
    fields.append("\"value\": \(e.value.description)")
    if let rule = e.rule { fields.append("\"rule\": \(jsonString(rule))") }
    return "{" + fields.joined(separator: ", ") + "}"
}

/// `text[start..<end]` counted in Unicode scalars (clamped).
func scalarSlice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    let lo = min(max(0, start), scalars.count), hi = min(max(lo, end), scalars.count)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[lo..<hi])
    return String(view)
}

/// Rounds to 4 decimals (the precision of the tables produced by score.py).
func round4(_ x: Double?) -> Double? {
    x.map { ($0 * 10_000).rounded() / 10_000 }
}

/// Expected figures for one type (or OVERALL), as `score.py --json` gave them.
struct Row: Sendable, CustomStringConvertible {
    var type: String
    var gold: Int, pred: Int, found: Int, exact: Int, valueScored: Int, valueCorrect: Int
    var p: Double?, r: Double?, f1: Double?
    var exP: Double?, exR: Double?, exF1: Double?
    var valAcc: Double?

    init(_ type: String, _ gold: Int, _ pred: Int, _ found: Int, _ exact: Int, _ valueScored: Int, _ valueCorrect: Int,
         _ p: Double?, _ r: Double?, _ f1: Double?, _ exP: Double?, _ exR: Double?, _ exF1: Double?, _ valAcc: Double?) {
        self.type = type
        self.gold = gold; self.pred = pred; self.found = found; self.exact = exact
        self.valueScored = valueScored; self.valueCorrect = valueCorrect
        self.p = p; self.r = r; self.f1 = f1; self.exP = exP; self.exR = exR; self.exF1 = exF1; self.valAcc = valAcc
    }

    /// The row of a computed metrics value, rounded like the expectations.
    init(_ type: String, _ m: Metrics) {
        self.init(type, m.gold, m.predicted, m.found, m.exactMatched, m.valueCompared, m.valueCorrect,
                  round4(m.precision), round4(m.recall), round4(m.f1),
                  round4(m.exactPrecision), round4(m.exactRecall), round4(m.exactF1), round4(m.valueAccuracy))
    }

    var description: String {
        func f(_ x: Double?) -> String { x.map { "\($0)" } ?? "nil" }
        return "\(type): gold \(gold) pred \(pred) found \(found) exact \(exact) value \(valueCorrect)/\(valueScored) "
            + "P \(f(p)) R \(f(r)) F1 \(f(f1)) exP \(f(exP)) exR \(f(exR)) exF1 \(f(exF1)) valAcc \(f(valAcc))"
    }

    /// Same counts, and ratios equal to 4 decimals.
    func matches(_ other: Row) -> Bool {
        func same(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x - y) < 1e-9
            default: return false
            }
        }
        return type == other.type && gold == other.gold && pred == other.pred && found == other.found
            && exact == other.exact && valueScored == other.valueScored && valueCorrect == other.valueCorrect
            && same(p, other.p) && same(r, other.r) && same(f1, other.f1)
            && same(exP, other.exP) && same(exR, other.exR) && same(exF1, other.exF1) && same(valAcc, other.valAcc)
    }
}

/// Expected report figures beyond the per-type rows.
struct Totals: Sendable, Equatable, CustomStringConvertible {
    /// documents: gold, pred, missing_in_pred, only_in_pred.
    var documents: [Int]
    /// validation: checked, not_checked_no_gold_text, text_mismatch, missing_text,
    /// offsets_out_of_range, unsorted_documents, same_type_overlaps.
    var validation: [Int]
    /// malformed_entities: gold, pred.
    var malformed: [Int]
    /// Number of warnings.
    var warnings: Int

    var description: String { "documents \(documents) validation \(validation) malformed \(malformed) warnings \(warnings)" }

    init(documents: [Int], validation: [Int], malformed: [Int], warnings: Int) {
        self.documents = documents
        self.validation = validation
        self.malformed = malformed
        self.warnings = warnings
    }

    init(_ report: ScoreReport) {
        let d = report.documents, v = report.validation
        documents = [d.gold, d.predicted, d.missingInPrediction, d.onlyInPrediction]
        validation = [v.checked, v.notCheckedNoGoldText, v.textMismatch, v.missingText,
                      v.offsetsOutOfRange, v.unsortedDocuments, v.sameTypeOverlaps]
        malformed = [report.malformedGold, report.malformedPredicted]
        warnings = report.warnings.count
    }
}

/// The rows of a report: scored types, then OVERALL.
func rows(_ report: ScoreReport) -> [Row] {
    report.types.map { Row($0.type, $0.metrics) } + [Row("OVERALL", report.overall)]
}

/// Checks a report against expected rows and totals.
func expectReport(_ report: ScoreReport, rows expected: [Row], totals: Totals,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = rows(report)
    #expect(actual.count == expected.count, "rows: \(actual)", sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(a.matches(e), "got \(a)\nexpected \(e)", sourceLocation: sourceLocation)
    }
    #expect(Totals(report) == totals, sourceLocation: sourceLocation)
}
