import Foundation
import Testing
@testable import VNRules

private func lexiconDiagnostics(_ source: String, path: String = "rules/lexicons/scale.txt") -> [RuleDiagnostic] {
    do throws(RuleDiagnostics) {
        _ = try LexiconFileParser.parse(source, path: path)
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite struct LexiconFileParserTests {
    @Test(arguments: [
        ("rules/lexicons/scale.txt", "SCALE"),
        ("unit-words.txt", "UNIT_WORDS"),
        ("a/b/Don-vi.txt", "DON_VI"),
        ("x2", "X2"),
        ("dir.d/currency.v2.txt", "CURRENCY.V2"),
    ])
    func namesComeFromTheFileName(path: String, name: String) {
        #expect(LexiconFileParser.lexiconName(forPath: path) == name)
    }

    @Test func entriesWithAndWithoutValues() throws {
        let path = "rules/lexicons/scale.txt"
        let source = """
        # Scale words.
        nghìn\t1000

        đô la  Mỹ\tUSD
          triệu\t1000000   # a million
        tỷ
        x\t"VND # not a comment"
        y\t\tUS   dollar
        z\t5,5
        t\ttrue
        """
        let lexicon = try LexiconFileParser.parse(source, path: path)
        let loc = { (line: Int, column: Int) in RuleSourceLocation(file: path, line: line, column: column) }
        #expect(lexicon == LexiconDeclaration(name: "SCALE", matchMode: .lower, entries: [
            LexiconEntry(phrase: "nghìn", value: .number(1000), location: loc(2, 1)),
            LexiconEntry(phrase: "đô la Mỹ", value: .string("USD"), location: loc(4, 1)),
            LexiconEntry(phrase: "triệu", value: .number(1_000_000), location: loc(5, 3)),
            LexiconEntry(phrase: "tỷ", value: nil, location: loc(6, 1)),
            LexiconEntry(phrase: "x", value: .string("VND # not a comment"), location: loc(7, 1)),
            LexiconEntry(phrase: "y", value: .string("US dollar"), location: loc(8, 1)),
            LexiconEntry(phrase: "z", value: .string("5,5"), location: loc(9, 1)),
            LexiconEntry(phrase: "t", value: .bool(true), location: loc(10, 1)),
        ], location: loc(1, 1)))
    }

    @Test(arguments: [("@match key\n", LexiconMatchMode.key), ("# c\n@match exact  # c\n", .exact), ("@match\tlower\n", .lower)])
    func matchLine(header: String, mode: LexiconMatchMode) throws {
        let lexicon = try LexiconFileParser.parse(header + "Đồng\tVND\n", path: "currency.txt")
        #expect(lexicon.matchMode == mode)
        #expect(lexicon.entries.map(\.phrase) == ["Đồng"])
    }

    @Test(arguments: [
        ("1800", JSONValue.number(1800)), ("0", .number(0)), ("1000000000", .number(1_000_000_000)),
        ("-5", .number(-5)), ("1.5", .number(1.5)), ("2e3", .number(2000)), ("1234567890123456", .number(1_234_567_890_123_456)),
        ("0123", .string("0123")), ("12a", .string("12a")), ("1.", .string("1.")), ("true", .bool(true)), ("năm", .string("năm")),
    ])
    func bareValuesAreJSONScalarsOrText(text: String, expected: JSONValue) {
        #expect(LexiconValueReader.scalar(text) == expected)
    }

    @Test func quotedPhrasesAreAccepted() throws {
        let lexicon = try LexiconFileParser.parse("\"đô la # Mỹ\"\tUSD\n", path: "currency.txt")
        #expect(lexicon.entries.map(\.phrase) == ["đô la # Mỹ"])
    }

    @Test(arguments: [
        ("", "scale.txt", 1, 1, "expected at least one entry in lexicon SCALE, found none"),
        ("# only comments\n\n", "scale.txt", 1, 1, "expected at least one entry"),
        ("x\n", "đơn-vị.txt", 1, 1, "expected a file name that gives a lexicon name"),
        ("x\n", "2x.txt", 1, 1, "found '2X'"),
        ("x\n@match key\n", "scale.txt", 2, 1, "expected '@match' only on the lexicon's first line"),
        ("@match fuzzy\nx\n", "scale.txt", 1, 8, "expected key, lower or exact after '@match', found 'fuzzy'"),
        ("@matc key\nx\n", "scale.txt", 1, 1, "expected '@match'"),
        ("x\t\"VND\n", "scale.txt", 1, 7, "expected '\"' to close the string opened at 1:3, found end of line"),
        ("x\t\"VND\" extra\n", "scale.txt", 1, 9, "expected end of line after the value, found 'extra'"),
        ("x\t{\"a\": 1}\n", "scale.txt", 1, 3, "expected a JSON scalar"),
        ("\tUSD\n", "scale.txt", 1, 1, "expected a phrase of at least one word"),
        ("\"\"\tUSD\n", "scale.txt", 1, 1, "expected a phrase of at least one word"),
    ])
    func malformedLexiconFiles(source: String, path: String, line: Int, column: Int, message: String) throws {
        let found = lexiconDiagnostics(source, path: path)
        let first = try #require(found.first, "no diagnostic for \(source.debugDescription)")
        #expect(first.location == RuleSourceLocation(file: path, line: line, column: column), "\(found)")
        #expect(first.message.contains(message), "\(first.message)")
    }

    @Test func everyBadLineIsReported() {
        let found = lexiconDiagnostics("a\t\"x\nb\t1\nc\t[1]\n")
        #expect(found.map(\.location.line) == [1, 3])
    }
}

/// The result of parsing `source` as a lexicon file, comparable: the declaration or the diagnostics' text.
private func outcome(_ parse: (String, String) throws(RuleDiagnostics) -> LexiconDeclaration, _ source: String,
                     path: String) -> String {
    do throws(RuleDiagnostics) {
        let lexicon = try parse(source, path)
        return "\(lexicon.name) \(lexicon.matchMode) \(lexicon.location) "
            + lexicon.entries.map { "[\($0.phrase)|\($0.value.map(\.description) ?? "nil")|\($0.location)]" }.joined()
    } catch {
        return "error: \(error)"
    }
}

/// The built-in lexicon files: rules/lexicons/*.txt, three levels up from this file.
private let builtinLexicons: [(path: String, source: String)] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules/lexicons")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
        let path = folder.appendingPathComponent(name).path
        return (try? String(contentsOfFile: path, encoding: .utf8)).map { ("lexicons/" + name, $0) }
    }
}()

@Suite struct PlainLexiconShortcutTests {
    @Test func builtinLexiconsTakeTheShortcutAndGiveTheSameDeclarations() {
        #expect(builtinLexicons.count >= 5)
        for (path, source) in builtinLexicons {
            #expect(PlainLexiconFile.parse(source, path: path) != nil, "\(path) does not take the shortcut")
            #expect(outcome(LexiconFileParser.parse, source, path: path) == outcome(LexiconFileParser.parseCharacters, source, path: path))
        }
    }

    @Test(arguments: [
        "a\n", "  a\n", "\ta\n", "a\tb\n", "a b\t c  d \n", "a#b\n", "a # c\n", "a\t# c\n", "a\tb # c\n", "a\t#\n",
        "@match key\nđồng\tVND\n", "@match  exact # c\nX\n", "a\n@match key\n", "@matchkey\na\n", "@ a\n", "@1\n",
        "@match lower x\na\n", "x\t\"quoted # value\"\n", "x\t{\"a\": 1}\n", "x\t[1]\n", "x\t5,5\n", "x\t-2\n", "x\t1e3\n",
        "x\ttrue\n", "x\tnull\n", "x\t12abc\n", "\"đô la\"\tUSD\n", "# only a comment\n", "\n\n", "", "a\r\nb\n", "\u{FEFF}a\n",
        "a\u{A0}b\n", "e\u{301} x\n", "x \u{301}y\n", "a\u{200B}\n", "🇻🇳\tVN\n", "tỷ\t1000000000\n", "a\n  \n\t\n  # x\nb\t c \n",
        "a\u{0}\n", "ÀÁÂ ấ\tđ – “x”\n", "x\t\ty\n", "  \tx\n", "a\t@b\n", "-\t-\n", "a\u{2028}b\n",
    ])
    func craftedFilesGiveWhatTheGeneralParserGives(_ source: String) {
        let path = "rules/lexicons/t.txt"
        #expect(outcome(LexiconFileParser.parse, source, path: path) == outcome(LexiconFileParser.parseCharacters, source, path: path))
    }

    @Test func randomPlainFilesGiveWhatTheGeneralParserGives() {
        let pieces = ["a", "đồng", "Tỷ", "đô la", " ", " ", "  ", "\t", "\t", "\n", "\n", "\n", "#", "@match ", "key", "exact",
                      "5", "-1", "2.5", "\"", "{", "true", "x y", "–", "“", "\u{301}", "\u{A0}"]
        var state: UInt64 = 42
        for n in 0..<400 {
            var source = ""
            for _ in 0..<(n % 40 + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                source += pieces[Int(state >> 33) % pieces.count]
            }
            let path = "lexicons/r.txt"
            #expect(outcome(LexiconFileParser.parse, source, path: path) == outcome(LexiconFileParser.parseCharacters, source, path: path),
                    "\(source.debugDescription)")
        }
    }
}
