import VNRules

/// The arguments of one producer call, already evaluated.
public struct ProducerArguments: Sendable {
    /// Arguments written without a label, in order.
    public var positional: [JSONValue]
    /// Arguments written `label: value`, in order (a list: calls have few arguments,
    /// and this runs for every match).
    public var labeled: [(label: String, value: JSONValue)]

    /// Creates an argument list.
    public init(positional: [JSONValue] = [], labeled: [(label: String, value: JSONValue)] = []) {
        self.positional = positional
        self.labeled = labeled
    }

    /// The labeled arguments that are not null, as an object's fields.
    public var nonNullFields: [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for (label, value) in labeled where !value.isNull { fields[label] = value }
        return fields
    }

    /// The argument labeled `label`, else the positional one at `index`, else null.
    public func value(_ label: String, at index: Int? = nil) -> JSONValue {
        for argument in labeled where argument.label == label { return argument.value }
        if let index, index < positional.count { return positional[index] }
        return .null
    }
}

/// A value computation that rule files call by name in `emit`. It returns the
/// entity's value, or nil to reject the match (a malformed number, an
/// impossible date).
public typealias Producer = @Sendable (ProducerArguments) -> JSONValue?

/// The producers rule files may call, by name.
public struct ProducerRegistry: Sendable {
    private var producers: [String: Producer] = [:]
    private var summaries: [String: String] = [:]

    /// An empty registry.
    public init() {}

    /// Registers `producer` under `name`, with a one-line description for `vnextract rules`.
    public mutating func register(_ name: String, summary: String, _ producer: @escaping Producer) {
        producers[name] = producer
        summaries[name] = summary
    }

    /// The producer named `name`.
    public func producer(named name: String) -> Producer? { producers[name] }

    /// Every producer's name and description, sorted by name.
    public var catalog: [(name: String, summary: String)] {
        summaries.keys.sorted().map { ($0, summaries[$0]!) }
    }
}
