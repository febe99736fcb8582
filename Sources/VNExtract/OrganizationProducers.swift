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
    /// (Works on UTF-8: it runs for every organization found.)
    static func expand(_ text: String, with table: [String: String]) -> String {
        var result: String?
        var position = text.utf8.startIndex
        var copied = text.utf8.startIndex
        let end = text.utf8.endIndex
        while position < end {
            let wordEnd = text.utf8[position...].firstIndex(of: 0x20) ?? end
            // Abbreviations start with an upper-case letter: look up only such words.
            if startsUppercase(text.utf8[position..<wordEnd]),
               let expansion = table[String(Substring(text.utf8[position..<wordEnd]))] {
                if result == nil { result = ""; result!.reserveCapacity(text.utf8.count + 32) }
                result!.append(contentsOf: Substring(text.utf8[copied..<position]))
                result!.append(expansion)
                copied = wordEnd
            }
            position = wordEnd < end ? text.utf8.index(after: wordEnd) : end
        }
        guard var expanded = result else { return text }
        expanded.append(contentsOf: Substring(text.utf8[copied..<end]))
        return expanded
    }

    private static func startsUppercase(_ word: Substring.UTF8View) -> Bool {
        guard let first = word.first else { return false }
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        return Substring(word).unicodeScalars.first?.properties.isUppercase ?? false
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
