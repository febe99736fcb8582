import VNEngine
import VNRules

/// The producers of the organization rules (rules/organization.rules).
///
/// | producer | arguments | value |
/// |---|---|---|
/// | `organization` | name, kind | `{"name", "kind"}`: the name with abbreviations expanded |
/// | `org_kind` | kind | the kind as given: the value of an `org_unit` helper span |
/// | `org_place` | — | `true`: the value of an `org_place` helper span |
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
/// `kind` is a string (an `org_unit` helper span's value is its head's kind)
/// or an object's `"kind"`.
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
        expand(text, with: AbbreviationTable(abbreviations))
    }

    /// `text` with every word that is a key of `table` replaced by its value.
    static func expand(_ text: String, with table: [String: String]) -> String {
        expand(text, with: AbbreviationTable(table))
    }

    /// Expansions by whole word, and which pairs of first bytes start a key: most
    /// words of a name ("Móng", "Cái", "tỉnh") are ruled out with one bit read, no
    /// string built and no hashing. (Runs for every organization found.)
    struct AbbreviationTable {
        let expansions: [String: String]
        /// Bit `b0 << 8 | b1` for each key's first two UTF-8 bytes (b1 = 0 for a one-byte key).
        private var pairs = [UInt64](repeating: 0, count: 1024)

        init(_ expansions: [String: String]) {
            self.expansions = expansions
            for key in expansions.keys {
                var key = key
                key.withUTF8 { bytes in
                    let pair = Self.pair(bytes, 0, bytes.count)
                    pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
        }

        @inline(__always)
        private static func pair(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
            Int(bytes[start]) << 8 | (start + 1 < end ? Int(bytes[start + 1]) : 0)
        }

        /// The expansion of the word `bytes[start..<end]` (not empty), nil if it is no key.
        @inline(__always)
        func expansion(of bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
            let pair = Self.pair(bytes, start, end)
            guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return nil }
            return expansions[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)]
        }
    }

    /// `text` with every word (as written between spaces) that `table` knows replaced
    /// by its expansion. Works on the UTF-8 bytes.
    static func expand(_ text: String, with table: AbbreviationTable) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            var copied = 0, position = 0
            while position < bytes.count {
                var wordEnd = position
                while wordEnd < bytes.count && bytes[wordEnd] != 0x20 { wordEnd += 1 }
                if wordEnd > position, let expansion = table.expansion(of: bytes, position, wordEnd) {
                    if result.isEmpty { result.reserveCapacity(bytes.count + 32) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<position]))
                    result.append(contentsOf: expansion.utf8)
                    copied = wordEnd
                }
                position = wordEnd + 1
            }
            guard copied > 0 else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// The kind in `value`: a string, or an object's "kind".
    static func kind(_ value: JSONValue) -> String? {
        if let text = value.string { return text }
        return value.object?["kind"]?.string
    }

    /// Registers the organization producers in `registry`.
    public static func register(in registry: inout ProducerRegistry) {
        let table = AbbreviationTable(abbreviations)
        registry.register("organization", summary: "{name, kind}: the matched name with abbreviations expanded (lexicons/org_abbreviations.txt)") { arguments in
            guard let text = arguments.value("name", at: 0).string, !text.isEmpty else { return nil }
            let name = JSONValue.string(expand(text, with: table))
            guard let kind = kind(arguments.value("kind", at: 1)) else { return .object(["name": name]) }
            return .object(["name": name, "kind": .string(kind)])
        }
        // The helper spans' values, cheap to make: they are made for every unit and
        // place found, and only the kind is read.
        registry.register("org_kind", summary: "a unit's kind (org_unit helper spans): the argument as it is") { arguments in
            let kind = arguments.value("kind", at: 0)
            return kind.isNull ? nil : kind
        }
        registry.register("org_place", summary: "a place in a name (org_place helper spans): true") { _ in .bool(true) }
    }
}
