import Testing
@testable import VNRules

/// SplitMix64: a small seeded generator, so failures reproduce.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pieces of the format (and a few hostile characters) that random files are built from.
private let fragments: [String] = [
    "rule ", "lexicon ", "rule a.b\n", "lexicon SCALE\n", "  ", "\t", "\n", "\n", "\n", "\r\n", "\r",
    "type ", "priority ", "match ", "not-before ", "not-after ", "emit ", "example ", "counter ", "@match ", "key", "exact",
    "|", "(", ")", "{", "}", "<", ">", "=", "^", "?", "*", "+", "\"", "«", "»", "\\", "/", "~", "!", ".", ",", ":", "#",
    "=>", "[", "]", "-", "a", "x", "X", "SCALE", "đồng", "tỷ", "\"đô la Mỹ\"", "ít nhất", "5", "0", "9", "5,5", "1e", "{2,9}",
    "{3,1}", "{kind:number}", "{shape:upper, kind:word}", "<number>", "=n", "money(", "amount:", "null", "true",
    "/[0-9]{4}/", "/(?<x>a/", "/\\/", "\"a\\\"b\"", "{\"a\": [1, {\"b\": null}]}", "\u{FFFD}", "\u{0}", "\u{301}",
    "\u{FEFF}", "\u{200B}", "e\u{301}", "🇻🇳", "\u{A0}", "𝟘",
]

/// Random files built from ``fragments`` (and sometimes from arbitrary scalars).
private func randomSources(count: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(state: seed)
    return (0..<count).map { n in
        let length = Int.random(in: 1...80, using: &generator)
        var text = ""
        for _ in 0..<length {
            if n % 5 == 4, let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FFF, using: &generator)) {
                text.unicodeScalars.append(scalar)
            } else {
                text += fragments.randomElement(using: &generator) ?? ""
            }
        }
        return text
    }
}

/// Checks that every diagnostic names the file and a place that exists in `source`.
private func checkLocations(_ diagnostics: [RuleDiagnostic], in source: String, path: String) {
    let lines = SourceText.lines(source)
    #expect(!diagnostics.isEmpty)
    for diagnostic in diagnostics {
        let location = diagnostic.location
        #expect(location.file == path)
        #expect((1...lines.count).contains(location.line), "\(diagnostic) in \(source.debugDescription)")
        guard (1...lines.count).contains(location.line) else { continue }
        let width = lines[location.line - 1].chars.count
        #expect((1...(width + 1)).contains(location.column), "\(diagnostic) in \(source.debugDescription)")
        #expect(!diagnostic.message.isEmpty)
    }
}

@Suite struct RandomInputTests {
    @Test(arguments: [1 as UInt64, 2, 3, 4])
    func randomRuleFilesNeverCrash(seed: UInt64) {
        for source in randomSources(count: 150, seed: seed) {
            do throws(RuleDiagnostics) {
                let file = try RuleFileParser.parse(source, path: "random.rules")
                #expect(file.path == "random.rules")
            } catch {
                checkLocations(error.diagnostics, in: source, path: "random.rules")
            }
        }
    }

    @Test(arguments: [5 as UInt64, 6])
    func randomLexiconFilesNeverCrash(seed: UInt64) {
        for source in randomSources(count: 150, seed: seed) {
            do throws(RuleDiagnostics) {
                let lexicon = try LexiconFileParser.parse(source, path: "lexicons/random.txt")
                #expect(lexicon.name == "RANDOM")
                #expect(!lexicon.entries.isEmpty)
            } catch {
                checkLocations(error.diagnostics, in: source, path: "lexicons/random.txt")
            }
        }
    }

    /// Random text after a valid rule's field names exercises the mini-languages directly.
    @Test(arguments: ["match", "not-after", "emit", "example", "counter", "type", "priority"])
    func randomFieldValuesNeverCrash(field: String) {
        for value in randomSources(count: 100, seed: UInt64(field.utf8.count)) {
            let oneLine = String(value.map { $0.isNewline ? " " : $0 })
            let source = "rule t\n  type t\n  match x\n  emit f()\n  \(field) \(oneLine)\n"
            do throws(RuleDiagnostics) {
                _ = try RuleFileParser.parse(source, path: "random.rules")
            } catch {
                checkLocations(error.diagnostics, in: source, path: "random.rules")
            }
        }
    }

    @Test func deepNestingIsRejectedNotOverflowed() {
        let deep = String(repeating: "(", count: 100_000)
        for source in [ruleWithMatch(deep), "rule t\n  type t\n  match x\n  emit " + String(repeating: "f(", count: 100_000),
                       "rule t\n  type t\n  match x\n  emit f()\n  example \"a\" => " + String(repeating: "[", count: 100_000)] {
            #expect(!diagnostics(source).isEmpty)
        }
    }
}
