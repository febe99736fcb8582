import Testing
@testable import VNRules

/// The emit expression of `  emit TEXT` (line 3 of a minimal rule; TEXT starts at column 8).
private func emit(_ text: String) throws -> ValueExpression {
    try #require(try parseRules("rule t\n  type t\n  emit \(text)\n  match x\n").rules.first).emit
}

/// The examples of a minimal rule with `lines` added.
private func examples(_ lines: String...) throws -> [RuleExample] {
    try #require(try parseRules("rule t\n  type t\n  match x\n  emit f()\n" + lines.joined(separator: "\n")).rules.first).examples
}

@Suite struct EmitTests {
    @Test func callsWithLabeledAndPositionalArguments() throws {
        #expect(try emit("f()") == .call(name: "f", arguments: [], at: at(3, 8)))
        #expect(try emit("money(amount: n, currency: \"VND\")") == .call(name: "money", arguments: [
            ValueArgument(label: "amount", value: .capture("n", at: at(3, 22))),
            ValueArgument(label: "currency", value: .literal(.string("VND"))),
        ], at: at(3, 8)))
        #expect(try emit("scale(n, 1000)") == .call(name: "scale", arguments: [
            ValueArgument(label: nil, value: .capture("n", at: at(3, 14))),
            ValueArgument(label: nil, value: .literal(.number(1000))),
        ], at: at(3, 8)))
    }

    @Test func nestedCallsAndJSONLiterals() throws {
        let expression = try emit(#"a( b ( c( ) ) , x : -2.5e1, y: [1, {"k": null}], z: false )  # comment"#)
        #expect(expression == .call(name: "a", arguments: [
            ValueArgument(label: nil, value: .call(name: "b", arguments: [
                ValueArgument(label: nil, value: .call(name: "c", arguments: [], at: at(3, 15))),
            ], at: at(3, 11))),
            ValueArgument(label: "x", value: .literal(.number(-25))),
            ValueArgument(label: "y", value: .literal(.array([.number(1), .object(["k": .null])]))),
            ValueArgument(label: "z", value: .literal(.bool(false))),
        ], at: at(3, 8)))
    }

    @Test func jsonStringsKeepTheirEscapes() throws {
        #expect(try emit(#"f("a\"b\\c\u00e9\n # d")"#) == .call(name: "f", arguments: [
            ValueArgument(label: nil, value: .literal(.string("a\"b\\cé\n # d"))),
        ], at: at(3, 8)))
    }
}

@Suite struct ExampleTests {
    @Test func plainExampleAndCounter() throws {
        #expect(try examples(#"  example "2 tỷ đồng""#, #"  counter "quận Hai Bà Trưng""#) == [
            RuleExample(text: "2 tỷ đồng", marked: nil, expected: nil, isCounter: false, location: at(5, 11)),
            RuleExample(text: "quận Hai Bà Trưng", marked: nil, expected: nil, isCounter: true, location: at(6, 11)),
        ])
    }

    @Test func markedPartsAreUnicodeScalarOffsets() throws {
        let example = try #require(try examples(#"  example "Gian hàng «0 đồng» mở cửa""#).first)
        #expect(example.text == "Gian hàng 0 đồng mở cửa")
        // "Gian hàng " is 10 scalars (à precomposed), "0 đồng" 6 more.
        #expect(example.marked == 10..<16)
        let decomposed = try #require(try examples("  example \"a\u{0300} «b»\"").first)
        #expect(decomposed.text == "a\u{0300} b")
        #expect(decomposed.marked == 3..<4)
        let counter = try #require(try examples(#"  counter "ở «quận» Hai""#).first)
        #expect(counter.marked == 2..<6)
        #expect(counter.isCounter)
    }

    @Test func expectedValues() throws {
        let all = try examples(
            #"  example "trên 5,5 tỷ đồng" => {"amount": 5500000000, "currency": "VND", "qualifier": "more_than"}"#,
            #"  example "«ít nhất» x"=>{"min":1.5e3,"nested":{"a":[true,false,null]}}   # comment"#,
            #"  example "năm mươi" => 50"#)
        #expect(all.map(\.expected) == [
            .object(["amount": .number(5_500_000_000), "currency": .string("VND"), "qualifier": .string("more_than")]),
            .object(["min": .number(1500), "nested": .object(["a": .array([.bool(true), .bool(false), .null])])]),
            .number(50),
        ])
        #expect(all[1].marked == 0..<7)
    }

    @Test func escapesInExampleText() throws {
        let example = try #require(try examples(#"  example "say \"hi\" \\ «#1»""#).first)
        #expect(example.text == #"say "hi" \ #1"#)
        #expect(example.marked == 11..<13)
    }
}

@Suite struct LexiconBlockTests {
    @Test func valuesAreJSONScalarsOrBareWords() throws {
        let lexicon = try #require(try parseRules("""
        lexicon SCALE
          @match key
          nghìn   1000
          rưỡi    0.5
          âm      -1
          "đô la Mỹ"  USD
          có      true
          không   null
          x       "two words # not a comment"
          y       5,5
          z       01
          alone
          "a \\"quoted\\" phrase"
        """).lexicons.first)
        #expect(lexicon.name == "SCALE")
        #expect(lexicon.matchMode == .key)
        #expect(lexicon.entries.map(\.phrase) == ["nghìn", "rưỡi", "âm", "đô la Mỹ", "có", "không", "x", "y", "z", "alone", #"a "quoted" phrase"#])
        #expect(lexicon.entries.map(\.value) == [
            .number(1000), .number(0.5), .number(-1), .string("USD"), .bool(true), .null,
            .string("two words # not a comment"), .string("5,5"), .string("01"), nil, nil,
        ])
        #expect(lexicon.entries.map(\.location.line) == Array(3...13))
    }

    @Test(arguments: [("", LexiconMatchMode.lower), ("  @match lower\n", .lower), ("  @match key\n", .key), ("  @match exact\n", .exact)])
    func matchModes(line: String, mode: LexiconMatchMode) throws {
        let lexicon = try #require(try parseRules("lexicon A\n# comment first\n\(line)  x\n").lexicons.first)
        #expect(lexicon.matchMode == mode)
        #expect(lexicon.entries.map(\.phrase) == ["x"])
    }

    @Test func phrasesAreOnlyTrimmedAndCollapsed() throws {
        let lexicon = try #require(try parseRules("lexicon A\n  \"  Đô   La\tMỹ \"  USD\n  ĐỒNG\n").lexicons.first)
        #expect(lexicon.entries.map(\.phrase) == ["Đô La Mỹ", "ĐỒNG"])
    }
}

@Suite struct JSONValueKeyOrderTests {
    @Test func wellKnownKeysFirstInTheirOrderThenTheRestAlphabetically() {
        let value: [String: JSONValue] = ["zeta": .null, "kind": .null, "currency": .null, "alpha": .null, "amount": .null, "name": .null]
        #expect(JSONValue.orderedKeys(value) == ["amount", "currency", "name", "kind", "alpha", "zeta"])
        #expect(JSONValue.orderedKeys(["kind": .null, "name": .null]) == ["name", "kind"])
        #expect(JSONValue.orderedKeys(["b": .null, "a": .null]) == ["a", "b"])
        #expect(JSONValue.orderedKeys(["x": .null]) == ["x"])
        #expect(JSONValue.orderedKeys([:]) == [])
        #expect(JSONValue.object(["unit": .string("người"), "amount": .number(3)]).description == #"{"amount": 3, "unit": "người"}"#)
    }
}
