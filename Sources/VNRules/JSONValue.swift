/// A JSON value: what rule examples expect and what producers compute.
public indirect enum JSONValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The number, if this is one.
    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    /// The string, if this is one.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The object's fields, if this is an object.
    public var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// Compact JSON text, object keys in ``JSONValue/keyOrder`` then alphabetical order.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return JSONValue.format(n)
        case .string(let s): return JSONValue.quote(s)
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + JSONValue.orderedKeys(fields).map { "\(JSONValue.quote($0)): \(fields[$0]!.description)" }
                .joined(separator: ", ") + "}"
        }
    }

    /// The order in which well-known keys are written (the rest follow alphabetically).
    public static let keyOrder = [
        "amount", "min", "max", "of", "unit", "currency", "per", "qualifier",
        "date", "time", "start", "end", "inferred_year", "name", "kind",
    ]

    /// An object's keys in output order.
    public static func orderedKeys(_ fields: [String: JSONValue]) -> [String] {
        if fields.count < 2 { return Array(fields.keys) }
        if fields.count == 2 {
            // The usual small object ({name, kind}, {amount, unit}): no array to sort.
            let first = fields.keys.first!, second = fields.keys[fields.keys.index(after: fields.keys.startIndex)]
            return keyPrecedes(first, second) ? [first, second] : [second, first]
        }
        return fields.keys.map { (keyRank[$0] ?? keyOrder.count, $0) }.sorted { $0 < $1 }.map { $0.1 }
    }

    /// Whether key `a` is written before key `b` (``keyOrder``, then alphabetical).
    public static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        (keyRank[a] ?? keyOrder.count, a) < (keyRank[b] ?? keyOrder.count, b)
    }

    /// Each of `keyOrder` by its position.
    private static let keyRank = Dictionary(uniqueKeysWithValues: keyOrder.enumerated().map { ($1, $0) })

    /// A number as JSON: integral values without a fraction ("5500000000"), others shortest.
    public static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 9.007_199_254_740_992e15 { return String(Int64(n)) }
        return n.isFinite ? "\(n)" : "null"
    }

    /// A string as a JSON literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
