import VNRules
import VNText

/// A pass over one document's entities after the rules have run: the place for
/// decisions that need the whole document (a date's missing year taken from
/// the document's dateline, a relative date resolved against a reference
/// date). Passes run in order; they may change values, add warnings and drop
/// entities, but never add an entity the rules did not find.
///
/// Producers may put internal fields in a value, under keys that start with
/// "_" (a written weekday, a relative offset), for a pass to read; the
/// ``Extractor`` removes them after the last pass, so they never reach the
/// output.
public protocol DocumentPass: Sendable {
    /// Updates `entities` (sorted by start, then longer first) of `document`.
    func apply(to entities: inout [Entity], in document: TokenizedText)
}

extension JSONValue {
    /// Whether this is an object with the internal key `key` ("_weekday").
    public func hasInternalKey(_ key: String) -> Bool {
        object?[key] != nil
    }

    /// The value without internal fields (keys starting with "_"), at any depth.
    public var removingInternalKeys: JSONValue {
        switch self {
        case .object(let fields):
            guard fields.keys.contains(where: { $0.hasPrefix("_") }) || fields.values.contains(where: \.hasNestedObject) else { return self }
            var kept: [String: JSONValue] = [:]
            for (key, value) in fields where !key.hasPrefix("_") { kept[key] = value.removingInternalKeys }
            return .object(kept)
        case .array(let items):
            return items.contains(where: \.hasNestedObject) ? .array(items.map(\.removingInternalKeys)) : self
        default:
            return self
        }
    }

    private var hasNestedObject: Bool {
        switch self {
        case .object: return true
        case .array(let items): return items.contains(where: \.hasNestedObject)
        default: return false
        }
    }
}
