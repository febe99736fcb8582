import VNEngine
import VNRules

/// The producers of the organization rules (rules/organization.rules).
///
/// | producer | arguments | value |
/// |---|---|---|
/// | `organization` | name, kind | `{"name", "kind"}`: the name with abbreviations expanded |
///
/// `name` is the matched text (normalized: NFC, canonical tone marks) with each
/// known abbreviation expanded (OUTPUT.md "organization", DECISIONS.md D5):
/// "LĐLĐ TP Móng Cái" → "Liên đoàn Lao động thành phố Móng Cái". The
/// abbreviations and their expansions are data, the lexicon
/// `rules/lexicons/org_abbreviations.txt` (ORG_ABBREVIATIONS, matched as
/// written), read from the built-in rules once. A word is expanded when the
/// whole word, as written between spaces ("LĐLĐ", "GD&ĐT", "TP.HCM"), is an
/// entry; nothing else changes (case stays as written).
///
/// `kind` is a string or a unit's value `{"kind": ...}` (the org_unit helper
/// spans carry their head's kind); the first of them that is set wins.
public enum OrganizationProducers {
    /// The lexicon file the expansions come from, relative to rules/.
    static let abbreviationsPath = "lexicons/org_abbreviations.txt"

    /// Abbreviation → expansion, from the built-in ORG_ABBREVIATIONS lexicon.
    static let abbreviations: [String: String] = {
        guard let file = BuiltinRules.files.first(where: { $0.path == abbreviationsPath }),
              let lexicon = try? LexiconFileParser.parse(file.contents, path: file.path) else { return [:] }
        var table: [String: String] = [:]
        for entry in lexicon.entries {
            guard let expansion = entry.value?.string else { continue }
            // Multi-token phrases are written without spaces ("TP.HCM"); the
            // name text joins glued tokens the same way.
            table[entry.phrase.filter { $0 != " " }] = expansion
        }
        return table
    }()

    /// `text` with every word that is a known abbreviation expanded.
    public static func expandAbbreviations(_ text: String) -> String {
        expand(text, with: abbreviations)
    }

    /// `text` with every word that is a key of `table` replaced by its value.
    static func expand(_ text: String, with table: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !result.isEmpty { result.append(" ") }
            // Abbreviations contain an upper-case letter: skip the lookup for lower-case words.
            if word.first?.isUppercase == true, let expansion = table[String(word)] {
                result.append(expansion)
            } else {
                result.append(contentsOf: word)
            }
        }
        return result
    }

    /// The kind in `value`: a string, or an object's "kind".
    static func kind(_ value: JSONValue) -> String? {
        if let text = value.string { return text }
        return value.object?["kind"]?.string
    }

    /// Registers the organization producers in `registry`.
    public static func register(in registry: inout ProducerRegistry) {
        let table = abbreviations
        registry.register("organization", summary: "{name, kind}: the matched name with abbreviations expanded (lexicons/org_abbreviations.txt)") { arguments in
            guard let text = arguments.value("name", at: 0).string, !text.isEmpty else { return nil }
            var fields: [String: JSONValue] = ["name": .string(expand(text, with: table))]
            if let kind = kind(arguments.value("kind", at: 1)) { fields["kind"] = .string(kind) }
            return .object(fields)
        }
    }
}
