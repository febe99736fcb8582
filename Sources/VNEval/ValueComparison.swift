import VNRules

/// The value comparison rules of score.py.
///
/// Every key of a gold object value is compared except the annotation
/// metadata keys "kind" and "inferred_year":
/// - numbers agree within 1e-9 relative (0 only equals 0);
/// - "name" strings agree after NFC, tone-placement folding ("Thanh Hoá" =
///   "Thanh Hóa"), case folding and white-space folding;
/// - "unit" strings agree after NFC, tone-placement folding, lower-casing and
///   white-space folding when equal or when one is a prefix of the other
///   ending at a space ("đoàn viên" ~ "đoàn viên công đoàn");
/// - other values are equal (strings after NFC; arrays and objects
///   element by element, objects with the same keys).
/// Keys the prediction adds are not checked.
public enum ValueComparison {
    /// Value keys that are annotation metadata, never compared.
    public static let uncomparedKeys: Set<String> = ["kind", "inferred_year"]

    /// Relative tolerance for numbers.
    public static let relativeTolerance = 1e-9

    /// Whether a gold value has something to compare (an object with a key
    /// other than the metadata keys, or any non-null value).
    public static func hasValue(_ gold: JSONValue) -> Bool {
        if case .object(let fields) = gold {
            return fields.keys.contains { !uncomparedKeys.contains($0) }
        }
        return gold != .null
    }

    /// The keys of the gold value on which the prediction disagrees; empty
    /// when they agree. Keys are listed in ``JSONValue/orderedKeys(_:)`` order
    /// (the scorer lists them in the gold file's order, as score.py does).
    public static func disagreements(gold: JSONValue, predicted: JSONValue) -> [String] {
        disagreements(gold: gold, predicted: predicted, keyOrder: nil, cache: nil)
    }

    /// The same, the gold keys taken in `keyOrder` (the order of the file)
    /// when given.
    static func disagreements(gold: JSONValue, predicted: JSONValue, keyOrder: [String]?, cache: FoldCache?) -> [String] {
        guard case .object(let g) = gold else {
            return plainEqual(gold, predicted) ? [] : ["value"]
        }
        let keys: [String]
        if let keyOrder {
            var seen = Set<String>()
            keys = keyOrder.filter { g[$0] != nil && seen.insert($0).inserted }
        } else {
            keys = JSONValue.orderedKeys(g)
        }
        let compared = keys.filter { !uncomparedKeys.contains($0) }
        guard case .object(let p) = predicted else {
            let sorted = compared.sorted(by: PythonText.less)
            return sorted.isEmpty ? ["value"] : sorted
        }
        var bad: [String] = []
        for key in compared {
            let gv = g[key]!
            guard let pv = p[key] else {
                bad.append(key)
                continue
            }
            let ok: Bool
            if key == "name", case .string(let gs) = gv {
                if case .string(let ps) = pv {
                    ok = PythonText.same(cache?.name(gs) ?? foldName(gs), cache?.name(ps) ?? foldName(ps))
                } else {
                    ok = false
                }
            } else if key == "unit", case .string(let gs) = gv {
                ok = unitsAgree(gs, pv, cache: cache)
            } else {
                ok = plainEqual(gv, pv)
            }
            if !ok { bad.append(key) }
        }
        return bad
    }

    /// Whether two values agree.
    public static func agree(gold: JSONValue, predicted: JSONValue) -> Bool {
        disagreements(gold: gold, predicted: predicted).isEmpty
    }

    /// score.py `fold_name`: NFC, tone placement, `casefold`, white space.
    public static func foldName(_ s: String) -> String {
        PythonText.foldWhiteSpace(PythonText.casefold(PythonText.foldTones(PythonText.nfc(s))))
    }

    /// score.py `fold_unit`: NFC, tone placement, `lower`, white space.
    public static func foldUnit(_ s: String) -> String {
        PythonText.foldWhiteSpace(PythonText.lower(PythonText.foldTones(PythonText.nfc(s))))
    }

    /// score.py `units_agree`.
    static func unitsAgree(_ gold: String, _ predicted: JSONValue, cache: FoldCache? = nil) -> Bool {
        guard case .string(let ps) = predicted else { return false }
        let g = PythonText.scalars(cache?.unit(gold) ?? foldUnit(gold))
        let p = PythonText.scalars(cache?.unit(ps) ?? foldUnit(ps))
        if g == p { return true }
        let (short, long) = g.count < p.count ? (g, p) : (p, g)
        return !short.isEmpty && long.count > short.count
            && long.starts(with: short) && long[short.count] == " "
    }

    /// score.py `numbers_equal` (both numbers).
    static func numbersEqual(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        if a.isNaN || b.isNaN { return false }
        return abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
    }

    /// score.py `_plain_equal`.
    static func plainEqual(_ g: JSONValue, _ p: JSONValue) -> Bool {
        switch (g, p) {
        case (.string(let a), .string(let b)):
            return PythonText.same(PythonText.nfc(a), PythonText.nfc(b))
        case (.number(let a), _):
            if case .number(let b) = p { return numbersEqual(a, b) }
            return false
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { plainEqual($0, $1) }
        case (.object(let a), .object(let b)):
            return Set(a.keys) == Set(b.keys) && a.allSatisfy { key, value in plainEqual(value, b[key]!) }
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.null, .null):
            return true
        default:
            return false
        }
    }
}

/// Folded names and units of one scoring run (corpora repeat them). Keys
/// may be canonically equivalent spellings: both fold the same (NFC first).
final class FoldCache {
    private var names: [String: String] = [:]
    private var units: [String: String] = [:]

    func name(_ s: String) -> String {
        if let folded = names[s] { return folded }
        let folded = ValueComparison.foldName(s)
        names[s] = folded
        return folded
    }

    func unit(_ s: String) -> String {
        if let folded = units[s] { return folded }
        let folded = ValueComparison.foldUnit(s)
        units[s] = folded
        return folded
    }
}
