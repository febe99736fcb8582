import VNRules

/// Options of a scoring run.
public struct ScoreOptions: Sendable, Hashable {
    /// The types to score, in report order; `nil` (or empty) scores the four
    /// contract types plus every other type found in the gold file, and
    /// counts predicted entities of other types as ignored.
    public var types: [String]?

    /// Options; `types` are stripped of white space, emptied entries dropped
    /// and duplicates removed (first kept), as score.py's `--types` does.
    public init(types: [String]? = nil) {
        guard let types else { self.types = nil; return }
        var seen = Set<CodePoints>()
        var cleaned: [String] = []
        for t in types.map(PythonText.strip) where !t.isEmpty && seen.insert(CodePoints(t)).inserted {
            cleaned.append(t)
        }
        self.types = cleaned.isEmpty ? nil : cleaned
    }

    /// A `--types` argument ("money,date"): `nil` for an empty argument (no
    /// filter, as score.py treats it); throws when it names no type (",").
    public static func parseTypes(_ argument: String) throws -> [String]? {
        if argument.isEmpty { return nil }
        let types = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { PythonText.strip(String($0)) }.filter { !$0.isEmpty }
        if types.isEmpty { throw EvalInputError(message: "--types is empty") }
        return ScoreOptions(types: types).types
    }
}

/// Scores predicted entities against gold entities with the semantics of the
/// reference scorer `score.py` (OUTPUT.md, "Scoring").
///
/// - A gold entity is found when a prediction of the same type overlaps its
///   span (or, for an empty gold span, is the same empty span). Matching is
///   one-to-one and greedy over all overlapping pairs in order of decreasing
///   overlap; ties prefer the exact span, then the smaller sum of boundary
///   distances, then the earlier gold entity, then the earlier prediction.
/// - Exact-span figures use a separate one-to-one matching on (start, end).
/// - Value accuracy compares the values of found pairs whose gold value has
///   something to compare (``ValueComparison``).
/// - Documents are matched by id; gold documents without a prediction record
///   count all their entities as missed; prediction records for unknown ids
///   are ignored with a warning.
public struct Scorer: Sendable {
    /// The four types of the output contract, always scored by default.
    public static let contractTypes = ["organization", "date", "quantity", "money"]

    /// Characters of context on each side in error listings.
    static let contextCharacters = 40

    /// The options.
    public var options: ScoreOptions

    /// A scorer.
    public init(options: ScoreOptions = ScoreOptions()) {
        self.options = options
    }

    /// An entity with its position in its record's entity list.
    private struct Ent {
        var idx: Int
        var e: EvalEntity
        var start: Int { e.start }
        var end: Int { e.end }
    }

    /// Usable entities of a document; malformed entries (including negative
    /// or reversed spans) are appended to `problems`.
    private static func load(_ doc: EvalDocument, problems: inout [(kind: String, doc: DocumentID, idx: Int, detail: String)]) -> [Ent] {
        var entries: [(idx: Int, problem: (String, String)?, ent: EvalEntity?)] = []
        let indices = doc.entityIndices
        for (k, e) in doc.entities.enumerated() { entries.append((indices[k], nil, e)) }
        for m in doc.malformed { entries.append((m.index, (m.problem, m.excerpt), nil)) }
        if !doc.malformed.isEmpty { entries.sort { $0.idx < $1.idx } }
        var out: [Ent] = []
        out.reserveCapacity(doc.entities.count)
        for entry in entries {
            if let (kind, detail) = entry.problem {
                problems.append((kind, doc.id, entry.idx, detail))
            } else if let e = entry.ent {
                if e.start < 0 || e.end < e.start {
                    problems.append(("negative or reversed span", doc.id, entry.idx, "\(e.start)-\(e.end)"))
                } else {
                    out.append(Ent(idx: entry.idx, e: e))
                }
            }
        }
        return out
    }

    /// Scores `predictions` against `gold`.
    public func score(gold: EvalDocumentSet, predictions: EvalDocumentSet) -> ScoreReport {
        var report = ScoreReport(goldSource: gold.source, predictionSource: predictions.source)
        var warnings = gold.warnings + predictions.warnings
        var goldProblems: [(kind: String, doc: DocumentID, idx: Int, detail: String)] = []
        var predProblems: [(kind: String, doc: DocumentID, idx: Int, detail: String)] = []
        var validation = ValidationSummary()
        let folds = FoldCache()

        let missingIDs = gold.documents.map(\.id).filter { !predictions.contains($0) }
        let extraIDs = predictions.documents.map(\.id).filter { !gold.contains($0) }
        if !extraIDs.isEmpty {
            warnings.append("\(extraIDs.count) document id(s) only in the prediction file are ignored, e.g. "
                + extraIDs.prefix(5).map(\.description).joined(separator: ", "))
        }
        if !missingIDs.isEmpty {
            warnings.append("\(missingIDs.count) gold document id(s) have no prediction; all their entities count as missed, e.g. "
                + missingIDs.prefix(5).map(\.description).joined(separator: ", "))
        }

        var allGold: [[Ent]] = []
        var goldTypesSeen = Set<CodePoints>()
        for doc in gold.documents {
            let ents = Scorer.load(doc, problems: &goldProblems)
            allGold.append(ents)
            for e in ents { goldTypesSeen.insert(CodePoints(e.e.type)) }
        }
        let filter = options.types
        let scoredTypes: [String]
        if let filter {
            scoredTypes = filter
        } else {
            let contract = Set(Scorer.contractTypes.map(CodePoints.init))
            scoredTypes = Scorer.contractTypes + goldTypesSeen.subtracting(contract).sorted().map(\.string)
        }
        let scoredSet = Set(scoredTypes.map(CodePoints.init))

        var tallies = [Metrics](repeating: Metrics(), count: scoredTypes.count)
        var errors = scoredTypes.map { TypeErrors(type: $0) }
        var ignored: [(type: String, count: Int)] = []
        var ignoredIndex: [CodePoints: Int] = [:]

        for (docIndex, doc) in gold.documents.enumerated() {
            let key = doc.id
            let text: [Unicode.Scalar]? = doc.text.map(PythonText.scalars)
            let golds = allGold[docIndex].filter { scoredSet.contains(CodePoints($0.e.type)) }
            let predDoc = predictions[key]
            let predsAll = predDoc.map { Scorer.load($0, problems: &predProblems) } ?? []

            if predDoc != nil {
                Scorer.validate(predsAll, document: key, text: text, into: &validation)
            }
            if filter == nil {
                for p in predsAll where !scoredSet.contains(CodePoints(p.e.type)) {
                    let t = CodePoints(p.e.type)
                    if let at = ignoredIndex[t] {
                        ignored[at].count += 1
                    } else {
                        ignoredIndex[t] = ignored.count
                        ignored.append((p.e.type, 1))
                    }
                }
            }
            let preds = predsAll.filter { scoredSet.contains(CodePoints($0.e.type)) }

            for (ti, t) in scoredTypes.enumerated() {
                let gT = golds.filter { PythonText.same($0.e.type, t) }
                let pT = preds.filter { PythonText.same($0.e.type, t) }
                tallies[ti].gold += gT.count
                tallies[ti].predicted += pT.count
                let pairs = Scorer.matchOverlap(gT, pT)
                tallies[ti].found += pairs.count
                tallies[ti].exactMatched += Scorer.countExact(gT, pT)
                var matchedG = Set<Int>(), matchedP = Set<Int>()
                for (g, p) in pairs {
                    matchedG.insert(g.idx)
                    matchedP.insert(p.idx)
                    if ValueComparison.hasValue(g.e.value) {
                        tallies[ti].valueCompared += 1
                        var keyOrder: [String]? = nil
                        if case .object(let fields)? = g.e.original?.value { keyOrder = fields.map(\.key) }
                        let bad = ValueComparison.disagreements(gold: g.e.value, predicted: p.e.value, keyOrder: keyOrder, cache: folds)
                        if bad.isEmpty {
                            tallies[ti].valueCorrect += 1
                        } else {
                            errors[ti].valueMismatches.append(ValueMismatch(document: key, gold: g.e, prediction: p.e, keys: bad))
                        }
                    }
                    if g.start != p.start || g.end != p.end {
                        errors[ti].boundaryDifferences.append(BoundaryDifference(document: key, gold: g.e, prediction: p.e))
                    }
                }
                for g in gT where !matchedG.contains(g.idx) {
                    let others = predsAll.filter { !PythonText.same($0.e.type, t) && Scorer.overlap(g, $0) > 0 }
                    errors[ti].misses.append(MissedEntity(
                        document: key, gold: g.e,
                        overlappingOtherTypes: others.prefix(3).map { "\($0.e.type) \($0.start)-\($0.end)" },
                        documentMissing: predDoc == nil,
                        context: Scorer.context(text, g.start, g.end)))
                }
                for p in pT where !matchedP.contains(p.idx) {
                    let shown: String
                    if let s = p.e.text {
                        shown = s
                    } else if let text, !text.isEmpty {
                        shown = PythonText.slice(text, p.start, p.end)
                    } else {
                        shown = ""
                    }
                    errors[ti].falsePositives.append(SpuriousEntity(
                        document: key, prediction: p.e, shownText: shown,
                        context: Scorer.context(text, p.start, p.end)))
                }
            }
        }

        if !ignored.isEmpty {
            let sorted = ignored.sorted { PythonText.less($0.type, $1.type) }
            warnings.append("predicted entities of types outside the scored set were ignored: "
                + sorted.map { "\($0.type) (\($0.count))" }.joined(separator: ", "))
        }
        for (role, problems) in [("gold", goldProblems), ("prediction", predProblems)] {
            var kinds: [String] = []
            var byKind: [String: [(doc: DocumentID, idx: Int, detail: String)]] = [:]
            for p in problems {
                if byKind[p.kind] == nil { kinds.append(p.kind) }
                byKind[p.kind, default: []].append((p.doc, p.idx, p.detail))
            }
            for kind in kinds {
                let items = byKind[kind]!
                warnings.append("\(role) file: \(items.count) malformed entit\(items.count == 1 ? "y" : "ies") skipped (\(kind)), "
                    + "e.g. doc \(items[0].doc) entity #\(items[0].idx): \(items[0].detail)")
            }
        }

        report.documents = DocumentCounts(
            gold: gold.documents.count, predicted: predictions.documents.count,
            missingInPrediction: missingIDs.count, onlyInPrediction: extraIDs.count)
        report.types = zip(scoredTypes, tallies).map { TypeScore(type: $0, metrics: $1) }
        report.overall = tallies.reduce(Metrics(), +)
        report.validation = validation
        report.malformedGold = goldProblems.count
        report.malformedPredicted = predProblems.count
        report.ignoredPredictionTypes = ignored
        report.warnings = warnings
        report.errors = errors
        return report
    }

    // MARK: Validation

    private static func validate(_ predsAll: [Ent], document key: DocumentID, text: [Unicode.Scalar]?, into v: inout ValidationSummary) {
        // Sorted by start, longer first.
        var sorted = true
        for i in predsAll.indices.dropFirst() {
            let a = predsAll[i - 1], b = predsAll[i]
            let lenA = a.end - a.start, lenB = b.end - b.start
            if a.start > b.start || (a.start == b.start && lenA < lenB) {
                sorted = false
                break
            }
        }
        if !sorted { v.unsortedDocuments += 1 }
        // Entities overlapping an earlier entity of their type.
        var byType: [CodePoints: [Ent]] = [:]
        for e in predsAll { byType[CodePoints(e.e.type), default: []].append(e) }
        for (_, es) in byType {
            var maxEnd = -1
            for e in es.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
                if e.start < maxEnd { v.sameTypeOverlaps += 1 }
                maxEnd = max(maxEnd, e.end)
            }
        }
        for e in predsAll {
            guard let text else {
                v.notCheckedNoGoldText += 1
                continue
            }
            v.checked += 1
            var problem: String? = nil
            if e.end > text.count {
                v.offsetsOutOfRange += 1
                problem = "offsets \(e.start)-\(e.end) beyond text length \(text.count)"
            } else if let own = e.e.text {
                let original = PythonText.slice(text, e.start, e.end)
                if !PythonText.same(own, original) {
                    v.textMismatch += 1
                    problem = "text \(PythonText.repr(PythonText.clip(own, 40))) != original[\(e.start):\(e.end)] "
                        + PythonText.repr(PythonText.clip(original, 40))
                }
            } else {
                v.missingText += 1
                problem = "no \"text\" field"
            }
            if let problem, v.examples.count < 20 {
                v.examples.append("doc \(key) entity #\(e.idx) (\(e.e.type)): \(problem)")
            }
        }
    }

    // MARK: Matching

    private static func overlap(_ a: Ent, _ b: Ent) -> Int {
        min(a.end, b.end) - max(a.start, b.start)
    }

    /// score.py `match_overlap`: greedy one-to-one matching of overlapping
    /// spans (all of one type), in acceptance order.
    private static func matchOverlap(_ golds: [Ent], _ preds: [Ent]) -> [(Ent, Ent)] {
        if golds.isEmpty || preds.isEmpty { return [] }
        struct Candidate {
            var overlap: Int, inexact: Int, distance: Int, gi: Int, pi: Int
            var g: Int, p: Int
        }
        let ps = preds.enumerated().sorted { a, b in
            (a.element.start, a.element.end, a.offset) < (b.element.start, b.element.end, b.offset)
        }.map(\.element)
        var prefixMaxEnd: [Int] = []
        prefixMaxEnd.reserveCapacity(ps.count)
        var running = -1
        for e in ps {
            running = max(running, e.end)
            prefixMaxEnd.append(running)
        }
        var candidates: [Candidate] = []
        for (gk, g) in golds.enumerated() {
            let bound = g.end > g.start ? g.end : g.start
            // Last prediction with start <= bound.
            var lo = 0, hi = ps.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ps[mid].start <= bound { lo = mid + 1 } else { hi = mid }
            }
            var i = lo - 1
            while i >= 0 && (prefixMaxEnd[i] > g.start || g.start == g.end) {
                let p = ps[i]
                let pk = i
                i -= 1
                let ov = overlap(g, p)
                if ov > 0 || (ov == 0 && g.start == g.end && p.start == p.end && g.start == p.start) {
                    let exact = g.start == p.start && g.end == p.end
                    candidates.append(Candidate(
                        overlap: ov, inexact: exact ? 0 : 1,
                        distance: abs(g.start - p.start) + abs(g.end - p.end),
                        gi: g.idx, pi: p.idx, g: gk, p: pk))
                }
            }
        }
        candidates.sort { a, b in
            if a.overlap != b.overlap { return a.overlap > b.overlap }
            if a.inexact != b.inexact { return a.inexact < b.inexact }
            if a.distance != b.distance { return a.distance < b.distance }
            if a.gi != b.gi { return a.gi < b.gi }
            return a.pi < b.pi
        }
        var usedG = Set<Int>(), usedP = Set<Int>()
        var pairs: [(Ent, Ent)] = []
        for c in candidates where !usedG.contains(c.gi) && !usedP.contains(c.pi) {
            usedG.insert(c.gi)
            usedP.insert(c.pi)
            pairs.append((golds[c.g], ps[c.p]))
        }
        return pairs
    }

    /// score.py `count_exact`: one-to-one matches with identical spans.
    private static func countExact(_ golds: [Ent], _ preds: [Ent]) -> Int {
        struct Span: Hashable { var start: Int, end: Int }
        var g: [Span: Int] = [:]
        for e in golds { g[Span(start: e.start, end: e.end), default: 0] += 1 }
        var p: [Span: Int] = [:]
        for e in preds { p[Span(start: e.start, end: e.end), default: 0] += 1 }
        return g.reduce(0) { $0 + min($1.value, p[$1.key] ?? 0) }
    }

    /// score.py `context_of`: 40 characters each side, the span in ⟦⟧,
    /// newlines as "⏎" and tabs as spaces.
    static func context(_ text: [Unicode.Scalar]?, _ start: Int, _ end: Int) -> String? {
        guard let text, start <= text.count else { return nil }
        let n = text.count
        let left = PythonText.slice(text, max(0, start - contextCharacters), start)
        let mid = PythonText.slice(text, start, min(end, n))
        let right = PythonText.slice(text, min(end, n), min(end, n) + contextCharacters)
        var out = String.UnicodeScalarView()
        for c in (left + "\u{27E6}" + mid + "\u{27E7}" + right).unicodeScalars {
            switch c {
            case "\n": out.append("\u{23CE}")
            case "\t": out.append(" ")
            default: out.append(c)
            }
        }
        return String(out)
    }
}
