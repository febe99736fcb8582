import Foundation
import Testing
import VNEval
import VNRules

// Prediction files made from the gold file by perturbations, scored by the
// Swift scorer and checked against the figures the reference scorer gave:
//
//     python3 /work/shared/tools/score.py corpus/gold/seeds.jsonl <scenario>.jsonl --json [--types ...]
//
// The expected rows below were produced by score.py (counts as printed,
// ratios rounded to 4 decimals); score.py is not needed to run these tests.
// To regenerate them, run the tests with VNEVAL_FIXTURE_DIR=<folder>: every
// scenario's prediction file is copied there as <scenario>.jsonl.

/// Predicted documents: id and entities, in file order.
typealias Predictions = [(id: DocumentID, entities: [EvalEntity])]

/// One perturbation of the gold file.
struct Scenario: Sendable, CustomTestStringConvertible {
    var name: String
    /// The `--types` argument, if any.
    var types: String? = nil
    var perturb: @Sendable ([EvalDocument]) -> Predictions

    /// score.py's figures for this scenario (ReferenceFigures.swift).
    var rows: [Row] { expectedRows[name] ?? [] }
    /// score.py's document, validation and warning counts.
    var totals: Totals { expectedTotals[name] ?? Totals(documents: [], validation: [], malformed: [], warnings: -1) }

    var testDescription: String { name }
}

// MARK: Perturbation helpers

/// Maps every gold entity (numbered across documents) to zero or more predictions.
func mapEntities(_ gold: [EvalDocument], _ f: (Int, EvalDocument, EvalEntity) -> [EvalEntity]) -> Predictions {
    var counter = 0
    return gold.map { doc in
        (id: doc.id, entities: doc.entities.flatMap { e -> [EvalEntity] in
            defer { counter += 1 }
            return f(counter, doc, e)
        })
    }
}

/// Maps the entities of one type (numbered across documents within the type).
func mapType(_ gold: [EvalDocument], _ type: String, _ f: (Int, EvalDocument, EvalEntity) -> [EvalEntity]) -> Predictions {
    var counter = 0
    return mapEntities(gold) { _, doc, e in
        guard e.type == type else { return [e] }
        defer { counter += 1 }
        return f(counter, doc, e)
    }
}

/// The entity moved to `start..<end`, its text taken from the document.
func respan(_ e: EvalEntity, in doc: EvalDocument, _ start: Int, _ end: Int) -> EvalEntity {
    var out = e
    let length = doc.text?.unicodeScalars.count ?? end
    out.start = max(0, start)
    out.end = min(max(out.start + 1, end), length)
    out.text = doc.text.map { scalarSlice($0, out.start, out.end) }
    return out
}

/// The entity with one value field replaced (or removed with nil).
func with(_ e: EvalEntity, _ key: String, _ value: JSONValue?) -> EvalEntity {
    var out = e
    var fields = e.value.object ?? [:]
    fields[key] = value
    out.value = .object(fields)
    return out
}

/// A value field of the entity.
func field(_ e: EvalEntity, _ key: String) -> JSONValue? { e.value.object?[key] }

// MARK: Scenarios

let scenarios: [Scenario] = [
    Scenario(name: "identity", perturb: { gold in mapEntities(gold) { _, _, e in [e] } }),

    Scenario(name: "drop every third entity", perturb: { gold in
        mapEntities(gold) { i, _, e in i % 3 == 0 ? [] : [e] }
    }),

    Scenario(name: "partial overlaps", perturb: { gold in
        mapEntities(gold) { i, doc, e in
            switch i % 4 {
            case 0: return [respan(e, in: doc, e.start + 1, e.end + 2)]
            case 1: return [respan(e, in: doc, e.start - 2, e.end - 1)]
            case 2: return [respan(e, in: doc, e.start - 3, e.end + 3)]
            default: return [e]
            }
        }
    }),

    Scenario(name: "changed values", perturb: { gold in
        mapEntities(gold) { i, _, e in
            guard i % 4 == 0 else { return [e] }
            if let amount = field(e, "amount")?.number { return [with(e, "amount", .number(amount + 1))] }
            if let max = field(e, "max")?.number { return [with(e, "max", .number(max + 1000))] }
            if field(e, "date") != nil { return [with(e, "date", .string("1999-01-01"))] }
            if field(e, "start") != nil { return [with(e, "start", .string("1900"))] }
            if let name = field(e, "name")?.string { return [with(e, "name", .string(name + " mới"))] }
            return [e]
        }
    }),

    Scenario(name: "unit prefixes", perturb: { gold in
        mapType(gold, "quantity") { j, _, e in
            guard let unit = field(e, "unit")?.string else { return [e] }
            let words = unit.split(separator: " ")
            switch j % 5 {
            case 0: return [with(e, "unit", .string(unit + " công đoàn"))]          // longer, at a space: agrees
            case 1: return [with(e, "unit", .string(words.count > 1 ? String(words[0]) : unit.uppercased()))]  // shorter: agrees
            case 2: return [with(e, "unit", .string(String(unit.dropLast())))]      // cut inside a word: disagrees
            case 3: return [with(e, "unit", .string(" " + words.joined(separator: "  ").uppercased() + "\t"))]  // case, space: agrees
            default: return [with(e, "unit", .string("x" + unit))]                  // not a prefix: disagrees
            }
        }
    }),

    Scenario(name: "name folding", perturb: { gold in
        mapType(gold, "organization") { j, _, e in
            guard let name = field(e, "name")?.string else { return [e] }
            let e = with(e, "kind", .string("other"))  // metadata: never compared
            switch j % 5 {
            case 0:  // tone on the second vowel ("Thanh Hoá", "Uỷ ban"): agrees
                let moved = name.replacingOccurrences(of: "óa", with: "oá").replacingOccurrences(of: "òa", with: "oà")
                    .replacingOccurrences(of: "Ủy", with: "Uỷ").replacingOccurrences(of: "ủy", with: "uỷ")
                return [with(e, "name", .string(moved))]
            case 1: return [with(e, "name", .string(name.uppercased()))]
            case 2:
                let spaced = "  " + name.replacingOccurrences(of: " ", with: " \n ") + " "
                return [with(e, "name", .string(spaced.decomposedStringWithCanonicalMapping))]
            case 3: return [with(e, "name", .string(String(name.split(separator: " ").dropLast().joined(separator: " "))))]
            default: return [e]
            }
        }
    }),

    Scenario(name: "spurious predictions", perturb: { gold in
        gold.map { doc in
            var entities = doc.entities
            for (k, e) in doc.entities.enumerated() where k % 5 == 0 {
                entities.append(respan(EvalEntity(type: "money", start: 0, end: 0, value: .object(["amount": .number(5), "currency": .string("VND")])),
                                       in: doc, e.end + 1, e.end + 4))
                entities.append(respan(EvalEntity(type: "date", start: 0, end: 0, value: .object(["date": .string("2023")]), rule: "r.date"),
                                       in: doc, e.end + 2, e.end + 3))
            }
            return (id: doc.id, entities: entities.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) })
        }
    }),

    Scenario(name: "duplicates over one gold entity", perturb: { gold in
        mapEntities(gold) { i, doc, e in
            switch i % 5 {
            case 0:  // the exact copy is matched, the rest are false positives
                return [e, e, respan(with(e, "x", .number(1)), in: doc, e.start + 1, e.end)]
            case 1:  // two partial overlaps: the larger overlap wins; the other has a wrong value
                var wrong = respan(e, in: doc, e.start + 2, e.end + 1)
                wrong.value = .object(["date": .string("wrong")])
                return [respan(e, in: doc, e.start - 1, e.end), wrong]
            default:
                return [e]
            }
        }
    }),

    Scenario(name: "missing document", perturb: { gold in
        mapEntities(gold) { _, _, e in [e] }.filter { $0.id != DocumentID("002") }
    }),

    Scenario(name: "extra documents", perturb: { gold in
        let first = gold[0]
        return mapEntities(gold) { _, _, e in [e] } + [
            (id: DocumentID("999"), entities: [EvalEntity(type: "date", start: 0, end: 4, text: "abcd", value: .object(["date": .string("2023")]))]),
            (id: DocumentID(0), entities: first.entities),  // integer id 0 is not "000"
        ]
    }),

    Scenario(name: "wrong type", perturb: { gold in
        mapType(gold, "organization") { j, _, e in
            var out = e
            if j % 3 == 0 { out.type = "date" }
            return [out]
        }
    }),

    Scenario(name: "types filter", types: "money, date,percent,date", perturb: { gold in
        mapEntities(gold) { i, doc, e in
            var out = [i % 2 == 0 ? respan(e, in: doc, e.start + 1, e.end) : e]
            if i % 6 == 0 {
                out.append(respan(EvalEntity(type: "percent", start: 0, end: 0, value: .object(["amount": .number(1)])),
                                  in: doc, e.start, e.start + 2))
            }
            return out
        }
    }),

    Scenario(name: "number tolerance", perturb: { gold in
        var j = 0
        return mapEntities(gold) { _, _, e in
            guard let amount = field(e, "amount")?.number else { return [e] }
            defer { j += 1 }
            if amount == 0 { return [with(e, "amount", .number(1e-300))] }  // 0 only equals 0
            switch j % 3 {
            case 0: return [with(e, "amount", .number(amount * (1 + 1e-12)))]  // within 1e-9: agrees
            case 1: return [with(e, "amount", .number(amount * (1 + 1e-6)))]   // disagrees
            default: return [with(e, "amount", .string("\(Int(amount))"))]     // a string: disagrees
            }
        }
    }),

    Scenario(name: "metadata, added and removed keys", perturb: { gold in
        mapEntities(gold) { i, doc, e in
            var out = with(e, "note", .string("added keys are not checked"))
            if field(e, "inferred_year") != nil { out = with(out, "inferred_year", .bool(false)) }
            if field(e, "kind") != nil { out = with(out, "kind", .null) }
            if i % 6 == 0, let key = ["unit", "date", "name", "currency", "start"].first(where: { field(e, $0) != nil }) {
                out = with(out, key, nil)
            }
            var extra: [EvalEntity] = []
            if i % 10 == 0 {  // a type the gold does not have: ignored, with a warning
                extra.append(respan(EvalEntity(type: "percent", start: 0, end: 0), in: doc, e.start, e.start + 1))
            }
            return [out] + extra
        }
    }),

    Scenario(name: "text and order problems", perturb: { gold in
        var preds = mapEntities(gold) { i, doc, e in
            var out = e
            if i % 7 == 0 { out.text = "sai" }
            if i % 11 == 0 { out.text = nil }
            if i % 13 == 0 { out.end = (doc.text?.unicodeScalars.count ?? 0) + 5 }
            if i % 17 == 0 { return [out, respan(out, in: doc, out.start + 1, out.end + 1)] }  // same-type overlap
            return [out]
        }
        preds[1].entities.reverse()  // unsorted document
        return preds
    }),

    Scenario(name: "empty predictions", perturb: { gold in
        gold.map { (id: $0.id, entities: []) }
    }),
]

// MARK: Tests

@Suite struct PerturbationTests {
    @Test(arguments: scenarios)
    func scenarioMatchesReferenceScorer(_ scenario: Scenario) throws {
        let gold = try EvalDocumentSet.read(path: goldPath, role: .gold)
        let predictions = scenario.perturb(gold.documents)
        let dir = try TempDirectory()
        defer { dir.remove() }
        let fileName = scenario.name.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ",", with: "") + ".jsonl"
        let path = try dir.write(fileName, predictions.map { jsonLine(id: $0.id, entities: $0.entities) + "\n" }.joined())
        if let keep = ProcessInfo.processInfo.environment["VNEVAL_FIXTURE_DIR"] {
            try? FileManager.default.removeItem(atPath: keep + "/" + fileName)
            try FileManager.default.copyItem(atPath: path, toPath: keep + "/" + fileName)
        }

        let options = ScoreOptions(types: try scenario.types.flatMap(ScoreOptions.parseTypes))
        let scorer = Scorer(options: options)
        let fromFile = scorer.score(gold: gold, predictions: try EvalDocumentSet.read(path: path, role: .prediction))
        expectReport(fromFile, rows: scenario.rows, totals: scenario.totals)

        // The same predictions handed over in-process score the same.
        let inProcess = scorer.score(gold: gold, predictions: .predictions(predictions))
        #expect(rows(inProcess).map(\.description) == rows(fromFile).map(\.description))
        #expect(Totals(inProcess) == Totals(fromFile))
    }

    @Test func scenariosCoverEveryPerturbation() {
        #expect(scenarios.count >= 12)
        #expect(Set(scenarios.map(\.name)).count == scenarios.count)
        #expect(Set(expectedRows.keys) == Set(scenarios.map(\.name)))
    }
}

@Suite struct InProcessTests {
    @Test func predictionsByStringIDScoreLikeTheGold() throws {
        let gold = try EvalDocumentSet.read(path: goldPath, role: .gold)
        var byID: [String: [EvalEntity]] = [:]
        for doc in gold.documents { byID[doc.id.text] = doc.entities }
        let result = EvalCommand.run(gold: gold, predictions: .predictions(byID))
        let report = try #require(result.report)
        #expect(result.exitStatus == 0)
        // score.py: identity scores 260 of 260 everywhere (see "identity").
        expectReport(report, rows: expectedRows["identity"]!, totals: expectedTotals["identity"]!)
        #expect(result.standardOutput.hasPrefix("type            gold   pred  found"))
        #expect(result.standardError.isEmpty)
    }

    @Test func integerIDsDoNotMatchStringIDs() throws {
        let gold = EvalDocumentSet(source: "g", documents: [
            EvalDocument(id: DocumentID(1), text: "abc", entities: [EvalEntity(type: "date", start: 0, end: 3, text: "abc")]),
        ])
        let report = Scorer().score(gold: gold, predictions: .predictions(["1": gold.documents[0].entities]))
        #expect(report.overall.found == 0)
        #expect(report.documents.missingInPrediction == 1 && report.documents.onlyInPrediction == 1)
        #expect(report.warnings == [
            "1 document id(s) only in the prediction file are ignored, e.g. '1'",
            "1 gold document id(s) have no prediction; all their entities count as missed, e.g. 1",
        ])
    }
}
