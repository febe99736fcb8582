import ArgumentParser
import VNBatch
import VNEngine
import VNRules
import VNText

/// `vnextract extract`: the main job, one `{"id", "entities"}` line per document (OUTPUT.md).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract money, quantities, dates and organizations as JSON Lines (see OUTPUT.md)."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var extraction: ExtractionOptions

    @Option(help: ArgumentHelp("Only these types, comma-separated (money,quantity,date,organization).", valueName: "types"))
    var types: String?

    @Flag(help: "Indent the JSON for people (one document spans several lines).")
    var pretty = false

    func run() throws {
        let ruleSet = try rules.load()
        let known = Extractor.contractTypes.union(ruleSet.typeNames)
        var selected = Extractor.contractTypes
        if let types {
            selected = Set(types.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            if let unknown = selected.first(where: { !known.contains($0) }) {
                throw ValidationError("unknown type '\(unknown)' in --types; expected some of \(known.sorted().joined(separator: ", "))")
            }
        }
        let extractor = try extraction.extractor(ruleSet: ruleSet, outputTypes: selected)
        try input.runBatch { record, writer in
            let result = try extractor.extract(record.text)
            EntityJSON.write(id: record.id, result.entities, to: &writer, pretty: pretty)
        }
    }
}

/// Writes extraction results as OUTPUT.md's JSON.
enum EntityJSON {
    static func write(id: String, _ entities: [Entity], to writer: inout JSONWriter, pretty: Bool) {
        let newline: StaticString = pretty ? "\n  " : ""
        writer.raw("{")
        writer.key("id")
        writer.string(id)
        writer.raw(",")
        writer.key("entities")
        writer.raw("[")
        for (index, entity) in entities.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw(newline)
            writer.raw("{")
            writer.key("type")
            writer.string(entity.type)
            writer.raw(",\"start\":")
            writer.int(entity.start)
            writer.raw(",\"end\":")
            writer.int(entity.end)
            writer.raw(",\"text\":")
            writer.string(entity.text)
            writer.raw(",\"value\":")
            value(entity.value, to: &writer)
            writer.raw(",\"rule\":")
            writer.string(entity.rule)
            if !entity.warnings.isEmpty {
                writer.raw(",\"warnings\":[")
                for (k, warning) in entity.warnings.enumerated() {
                    if k > 0 { writer.raw(",") }
                    writer.string(warning)
                }
                writer.raw("]")
            }
            writer.raw("}")
        }
        if pretty && !entities.isEmpty { writer.raw("\n") }
        writer.raw("]}")
    }

    static func value(_ value: JSONValue, to writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let n): writer.number(n)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.raw("[")
            for (k, item) in items.enumerated() {
                if k > 0 { writer.raw(",") }
                Self.value(item, to: &writer)
            }
            writer.raw("]")
        case .object(let fields):
            writer.raw("{")
            func field(_ key: String, _ item: JSONValue) {
                writer.string(key)
                writer.raw(":")
                Self.value(item, to: &writer)
            }
            // The usual objects have one or two fields: ordered without a key array or lookups.
            if fields.count <= 2 {
                var pairs = fields.makeIterator()
                if let first = pairs.next() {
                    if let second = pairs.next() {
                        let (a, b) = JSONValue.keyPrecedes(first.key, second.key) ? (first, second) : (second, first)
                        field(a.key, a.value)
                        writer.raw(",")
                        field(b.key, b.value)
                    } else {
                        field(first.key, first.value)
                    }
                }
            } else {
                for (k, key) in JSONValue.orderedKeys(fields).enumerated() {
                    if k > 0 { writer.raw(",") }
                    field(key, fields[key]!)
                }
            }
            writer.raw("}")
        }
    }
}
