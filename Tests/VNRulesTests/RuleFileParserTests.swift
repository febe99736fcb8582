import Testing
@testable import VNRules

/// A realistic file: two lexicons, three rules, comments, a continuation line, examples.
private let moneyFile = """
# Money and quantities (a realistic file).
lexicon CURRENCY
  @match lower
  đồng        VND
  "đô la Mỹ"  USD        # several words: quoted
  usd         USD

lexicon QUALIFIER
  "ít nhất"   at_least
  trên        more_than
  khoảng      "about"

rule money.scaled_number
  type      money
  priority  20
  match     QUALIFIER=q? <number>=n SCALE=s? CURRENCY=c
  not-before  số
  emit      money(amount: scale(n, s), currency: c, qualifier: q)
  example   "trên 5,5 tỷ đồng" => {"amount": 5500000000, "currency": "VND", "qualifier": "more_than"}
  example   "Gian hàng «0 đồng» mở cửa" => {"amount": 0, "currency": "VND"}
  counter   "quận Hai Bà Trưng"

rule quantity.people
  type quantity
  match <number>=n (người | "hộ gia đình" | ~nguoi)=unit
  emit quantity(amount: n, unit: unit)
  example "ít nhất 200 người"

rule number.scale_word
  type number
  priority -1
  match {kind:number, shape:digits}=n ^"tỷ"
      | tỷ =n     # the word alone
  not-after /[0-9]+/
  emit number(n, 1000000000, true, null)
"""

@Suite struct RuleFileParserTests {
    @Test func lexiconsOfARealisticFile() throws {
        let file = try parseRules(moneyFile)
        #expect(file.path == testPath)
        #expect(file.lexicons == [
            LexiconDeclaration(name: "CURRENCY", matchMode: .lower, entries: [
                LexiconEntry(phrase: "đồng", value: .string("VND"), location: at(4, 3)),
                LexiconEntry(phrase: "đô la Mỹ", value: .string("USD"), location: at(5, 3)),
                LexiconEntry(phrase: "usd", value: .string("USD"), location: at(6, 3)),
            ], location: at(2, 1)),
            LexiconDeclaration(name: "QUALIFIER", matchMode: .lower, entries: [
                LexiconEntry(phrase: "ít nhất", value: .string("at_least"), location: at(9, 3)),
                LexiconEntry(phrase: "trên", value: .string("more_than"), location: at(10, 3)),
                LexiconEntry(phrase: "khoảng", value: .string("about"), location: at(11, 3)),
            ], location: at(8, 1)),
        ])
        #expect(file.rules.map(\.id) == ["money.scaled_number", "quantity.people", "number.scale_word"])
    }

    @Test func moneyRule() throws {
        let rule = try #require(try parseRules(moneyFile).rules.first)
        let expected = RuleDeclaration(
            id: "money.scaled_number", type: "money", priority: 20,
            pattern: .sequence([
                .repetition(.capture(.lexicon("QUALIFIER", at: at(16, 13)), name: "q"), min: 0, max: 1),
                .capture(.span(type: "number", at: at(16, 26)), name: "n"),
                .repetition(.capture(.lexicon("SCALE", at: at(16, 37)), name: "s"), min: 0, max: 1),
                .capture(.lexicon("CURRENCY", at: at(16, 46)), name: "c"),
            ]),
            notBefore: [lit("số")], notAfter: [],
            emit: .call(name: "money", arguments: [
                ValueArgument(label: "amount", value: .call(name: "scale", arguments: [
                    ValueArgument(label: nil, value: .capture("n", at: at(18, 33))),
                    ValueArgument(label: nil, value: .capture("s", at: at(18, 36))),
                ], at: at(18, 27))),
                ValueArgument(label: "currency", value: .capture("c", at: at(18, 50))),
                ValueArgument(label: "qualifier", value: .capture("q", at: at(18, 64))),
            ], at: at(18, 13)),
            examples: [
                RuleExample(text: "trên 5,5 tỷ đồng", marked: nil,
                            expected: .object(["amount": .number(5_500_000_000), "currency": .string("VND"),
                                               "qualifier": .string("more_than")]),
                            isCounter: false, location: at(19, 13)),
                RuleExample(text: "Gian hàng 0 đồng mở cửa",
                            marked: "Gian hàng ".unicodeScalars.count..<"Gian hàng 0 đồng".unicodeScalars.count,
                            expected: .object(["amount": .number(0), "currency": .string("VND")]),
                            isCounter: false, location: at(20, 13)),
                RuleExample(text: "quận Hai Bà Trưng", marked: nil, expected: nil, isCounter: true, location: at(21, 13)),
            ],
            location: at(13, 1))
        #expect(rule == expected)
    }

    @Test func quantityRuleWithACapturedGroup() throws {
        let rule = try parseRules(moneyFile).rules[1]
        #expect(rule.type == "quantity")
        #expect(rule.priority == 0)
        #expect(rule.pattern == .sequence([
            .capture(.span(type: "number", at: at(25, 9)), name: "n"),
            .capture(.alternatives([
                lit("người"),
                lit("hộ", "gia", "đình"),
                .literal(words: ["nguoi"], mode: .key),
            ]), name: "unit"),
        ]))
        #expect(rule.emit == .call(name: "quantity", arguments: [
            ValueArgument(label: "amount", value: .capture("n", at: at(26, 25))),
            ValueArgument(label: "unit", value: .capture("unit", at: at(26, 34))),
        ], at: at(26, 8)))
        #expect(rule.examples == [
            RuleExample(text: "ít nhất 200 người", marked: nil, expected: nil, isCounter: false, location: at(27, 11)),
        ])
        #expect(rule.location == at(23, 1))
    }

    @Test func numberRuleWithAContinuationLine() throws {
        let rule = try parseRules(moneyFile).rules[2]
        #expect(rule.priority == -1)
        #expect(rule.pattern == .alternatives([
            .sequence([
                .capture(.attributes([
                    TokenAttributeTest(name: "kind", value: "number", location: at(32, 10)),
                    TokenAttributeTest(name: "shape", value: "digits", location: at(32, 23)),
                ]), name: "n"),
                .glued(lit("tỷ")),
            ]),
            .capture(lit("tỷ"), name: "n"),
        ]))
        #expect(rule.notAfter == [.regex("[0-9]+", at: at(34, 13))])
        #expect(rule.emit == .call(name: "number", arguments: [
            ValueArgument(label: nil, value: .capture("n", at: at(35, 15))),
            ValueArgument(label: nil, value: .literal(.number(1_000_000_000))),
            ValueArgument(label: nil, value: .literal(.bool(true))),
            ValueArgument(label: nil, value: .literal(.null)),
        ], at: at(35, 8)))
    }

    @Test func emptyAndCommentOnlyFilesHaveNothing() throws {
        #expect(try parseRules("") == RuleFile(path: testPath, lexicons: [], rules: []))
        #expect(try parseRules("# only a comment\n\n   \n\t# indented comment\n") == RuleFile(path: testPath, lexicons: [], rules: []))
    }

    @Test func blankLinesAndCommentsDoNotEndABlock() throws {
        let rule = try #require(try parseRules("""
        rule a.b   # trailing comment
          type t

        # a comment at column 1 inside the block
          match x
            # indented comment
          emit f()
        """).rules.first)
        #expect(rule.id == "a.b")
        #expect(rule.pattern == lit("x"))
    }

    @Test func tabsAndSpacesBothIndent() throws {
        let file = try parseRules("rule a\n\ttype t\n\t match y\n\t\t| z\n    emit f()\n")
        #expect(file.rules.first?.pattern == .alternatives([lit("y"), lit("z")]))
    }

    @Test func windowsLineEndingsAndAByteOrderMark() throws {
        let file = try parseRules("\u{FEFF}rule a\r\n  type t\r\n  match x\r\n  emit f()\r\n")
        #expect(file.rules.first?.location == at(1, 1))
        #expect(file.rules.first?.pattern == lit("x"))
    }

    @Test func continuationLinesAreAlternatives() throws {
        let rule = try #require(try parseRules("""
        rule a
          type t
          match a b
            | c
            | (d
               | e) f
          not-before x
            | y
          not-before z
          emit f()
        """).rules.first)
        #expect(rule.pattern == .alternatives([
            .sequence([lit("a"), lit("b")]),
            lit("c"),
            .sequence([.alternatives([lit("d"), lit("e")]), lit("f")]),
        ]))
        #expect(rule.notBefore == [.alternatives([lit("x"), lit("y")]), lit("z")])
    }

    @Test func aPatternMayStartOnItsFirstContinuationLine() throws {
        let rule = try #require(try parseRules("""
        rule a
          type t
          match
            | a b
            | c
          emit f()
        """).rules.first)
        #expect(rule.pattern == .alternatives([.sequence([lit("a"), lit("b")]), lit("c")]))
    }

    @Test func priorityDefaultsToZeroAndFieldsMayComeInAnyOrder() throws {
        let rule = try #require(try parseRules("rule a\n  emit f()\n  match x\n  type t\n").rules.first)
        #expect(rule.priority == 0)
        #expect(rule.type == "t")
        #expect(rule.notBefore.isEmpty && rule.notAfter.isEmpty && rule.examples.isEmpty)
    }

    @Test func ruleIdsMayHaveSeveralSegments() throws {
        let ids = try parseRules("""
        rule a
          type t
          match x
          emit f()
        rule date.range_2.part_b
          type t
          match x
          emit f()
        """).rules.map(\.id)
        #expect(ids == ["a", "date.range_2.part_b"])
    }

    @Test func wordsOfLiteralsAreOnlyTrimmedAndCollapsed() throws {
        #expect(try pattern(#""  Đô   La\#tMỹ " !"Công  ty" ~"  do la ""#) == .sequence([
            lit("Đô", "La", "Mỹ"),
            .literal(words: ["Công", "ty"], mode: .exact),
            .literal(words: ["do", "la"], mode: .key),
        ]))
    }
}

@Suite struct ContextFieldTests {
    @Test func requiresBeforeAndAfterAreParsed() throws {
        let file = try RuleFileParser.parse("""
            rule q.plan
              type      quantity
              match     <number>=n
              requires-before  đạt
              requires-after   "kế hoạch" | "chỉ tiêu"
              emit      quantity(amount: n, unit: "%")
            """, path: "plan.rules")
        let rule = try #require(file.rules.first)
        #expect(rule.requiresBefore == [.literal(words: ["đạt"], mode: .lower)])
        #expect(rule.requiresAfter == [.alternatives([.literal(words: ["kế", "hoạch"], mode: .lower), .literal(words: ["chỉ", "tiêu"], mode: .lower)])])
        #expect(rule.notBefore.isEmpty && rule.notAfter.isEmpty)
    }
}
