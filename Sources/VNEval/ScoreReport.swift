import VNRules

/// Counts for one entity type (or all scored types) and the figures derived
/// from them, as score.py computes them.
public struct Metrics: Sendable, Hashable {
    /// Gold entities.
    public var gold = 0
    /// Predicted entities.
    public var predicted = 0
    /// Gold entities found (one-to-one overlap matching).
    public var found = 0
    /// One-to-one matches with identical start and end.
    public var exactMatched = 0
    /// Found pairs whose gold entity has a value to compare.
    public var valueCompared = 0
    /// Of those, the pairs whose values agree.
    public var valueCorrect = 0

    /// Creates counts.
    public init(gold: Int = 0, predicted: Int = 0, found: Int = 0, exactMatched: Int = 0, valueCompared: Int = 0, valueCorrect: Int = 0) {
        self.gold = gold
        self.predicted = predicted
        self.found = found
        self.exactMatched = exactMatched
        self.valueCompared = valueCompared
        self.valueCorrect = valueCorrect
    }

    /// Gold entities not found.
    public var missed: Int { gold - found }
    /// Predictions that matched nothing.
    public var falsePositives: Int { predicted - found }
    /// found / predicted (`nil` without predictions).
    public var precision: Double? { Metrics.ratio(found, predicted) }
    /// found / gold (`nil` without gold entities).
    public var recall: Double? { Metrics.ratio(found, gold) }
    /// 2·found / (predicted + gold) (`nil` when both are 0).
    public var f1: Double? { Metrics.ratio(2 * found, predicted + gold) }
    /// Exact-span precision.
    public var exactPrecision: Double? { Metrics.ratio(exactMatched, predicted) }
    /// Exact-span recall.
    public var exactRecall: Double? { Metrics.ratio(exactMatched, gold) }
    /// Exact-span F1.
    public var exactF1: Double? { Metrics.ratio(2 * exactMatched, predicted + gold) }
    /// valueCorrect / valueCompared (`nil` when nothing was compared).
    public var valueAccuracy: Double? { Metrics.ratio(valueCorrect, valueCompared) }

    private static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// Adds another tally.
    public static func + (a: Metrics, b: Metrics) -> Metrics {
        Metrics(gold: a.gold + b.gold, predicted: a.predicted + b.predicted, found: a.found + b.found,
                exactMatched: a.exactMatched + b.exactMatched, valueCompared: a.valueCompared + b.valueCompared,
                valueCorrect: a.valueCorrect + b.valueCorrect)
    }
}

/// The scores of one entity type.
public struct TypeScore: Sendable, Hashable {
    /// The entity type.
    public var type: String
    /// Its counts and figures.
    public var metrics: Metrics
}

/// A gold entity no prediction matched.
public struct MissedEntity: Sendable, Hashable {
    /// The document.
    public var document: DocumentID
    /// The gold entity.
    public var gold: EvalEntity
    /// Up to three predictions of other types overlapping it: "date 3-9".
    public var overlappingOtherTypes: [String]
    /// Whether the prediction file has no record for the document.
    public var documentMissing: Bool
    /// The gold text around the span, the span in ⟦⟧ (nil without gold text).
    public var context: String?
}

/// A prediction that matched no gold entity.
public struct SpuriousEntity: Sendable, Hashable {
    /// The document.
    public var document: DocumentID
    /// The prediction.
    public var prediction: EvalEntity
    /// Its text, or the gold text at its span when it has none.
    public var shownText: String
    /// The gold text around the span (nil without gold text).
    public var context: String?
}

/// A found pair whose values disagree.
public struct ValueMismatch: Sendable, Hashable {
    /// The document.
    public var document: DocumentID
    /// The gold entity.
    public var gold: EvalEntity
    /// The matched prediction.
    public var prediction: EvalEntity
    /// The gold value's keys on which the prediction disagrees ("value" when
    /// the values are not objects).
    public var keys: [String]
}

/// A found pair whose spans differ.
public struct BoundaryDifference: Sendable, Hashable {
    /// The document.
    public var document: DocumentID
    /// The gold entity.
    public var gold: EvalEntity
    /// The matched prediction.
    public var prediction: EvalEntity
}

/// The error lists of one entity type, in document order (value mismatches
/// and boundary differences in matching order within a document).
public struct TypeErrors: Sendable, Hashable {
    /// The entity type.
    public var type: String
    /// Gold entities not found.
    public var misses: [MissedEntity] = []
    /// Predictions that matched nothing.
    public var falsePositives: [SpuriousEntity] = []
    /// Found pairs with disagreeing values.
    public var valueMismatches: [ValueMismatch] = []
    /// Found pairs with different spans.
    public var boundaryDifferences: [BoundaryDifference] = []
}

/// Checks of the predicted records against the gold text and the output
/// contract (all predicted types, documents present in the gold file).
public struct ValidationSummary: Sendable, Hashable {
    /// Predicted entities checked against a gold text.
    public var checked = 0
    /// Predicted entities of documents whose gold record has no text.
    public var notCheckedNoGoldText = 0
    /// Predicted `text` differs from the gold text at the span.
    public var textMismatch = 0
    /// Predicted entities without a string `text`.
    public var missingText = 0
    /// Predicted spans ending past the gold text.
    public var offsetsOutOfRange = 0
    /// Documents whose entities are not ordered by start, longer first.
    public var unsortedDocuments = 0
    /// Predicted entities overlapping an earlier one of their type.
    public var sameTypeOverlaps = 0
    /// The first 20 problems, described.
    public var examples: [String] = []
}

/// Document counts.
public struct DocumentCounts: Sendable, Hashable {
    /// Documents in the gold file.
    public var gold = 0
    /// Documents in the prediction file.
    public var predicted = 0
    /// Gold documents without a prediction record.
    public var missingInPrediction = 0
    /// Prediction records whose id is not in the gold file (ignored).
    public var onlyInPrediction = 0
}

/// Everything score.py reports: per-type and micro-averaged figures,
/// validation, warnings and error lists.
public struct ScoreReport: Sendable {
    /// The gold file as given.
    public var goldSource: String
    /// The prediction file as given ("-" for standard input or in-process).
    public var predictionSource: String
    /// Document counts.
    public var documents = DocumentCounts()
    /// Scores per scored type, in scoring order.
    public var types: [TypeScore] = []
    /// Micro-average over the scored types.
    public var overall = Metrics()
    /// Checks of the predicted records.
    public var validation = ValidationSummary()
    /// Entities skipped as malformed in the gold file.
    public var malformedGold = 0
    /// Entities skipped as malformed in the prediction file.
    public var malformedPredicted = 0
    /// Predicted entities of types outside the scored set, by type (first-seen
    /// order; only counted when no type filter was given).
    public var ignoredPredictionTypes: [(type: String, count: Int)] = []
    /// Warnings, as score.py writes them to standard error (without prefix).
    public var warnings: [String] = []
    /// Error lists per scored type, in scoring order.
    public var errors: [TypeErrors] = []

    /// The scores of `type`, if it was scored.
    public func score(for type: String) -> Metrics? {
        types.first { PythonText.same($0.type, type) }?.metrics
    }

    /// The error lists of `type`, if it was scored.
    public func errors(for type: String) -> TypeErrors? {
        errors.first { PythonText.same($0.type, type) }
    }
}
