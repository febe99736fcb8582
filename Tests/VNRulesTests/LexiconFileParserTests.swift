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
