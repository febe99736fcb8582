import Testing
@testable import VNRules

@Suite struct PatternSyntaxTests {
    // MARK: Items

    @Test func literals() throws {
        #expect(try pattern("đồng") == lit("đồng"))
        #expect(try pattern("Đồng") == lit("Đồng"))
        #expect(try pattern(#""đô la""#) == lit("đô", "la"))
        #expect(try pattern("~dong") == .literal(words: ["dong"], mode: .key))
        #expect(try pattern(#"~"do la""#) == .literal(words: ["do", "la"], mode: .key))
        #expect(try pattern("!Đảng") == .literal(words: ["Đảng"], mode: .exact))
        #expect(try pattern(#"!"Công ty""#) == .literal(words: ["Công", "ty"], mode: .exact))
        #expect(try pattern(#""say \"hi\" \\ ok""#) == lit("say", "\"hi\"", "\\", "ok"))
    }

    @Test func upperCaseWordsAreLexiconsUnlessPrefixedOrQuoted() throws {
        #expect(try pattern("SCALE") == .lexicon("SCALE", at: inPattern(0)))
        #expect(try pattern("UNIT_2") == .lexicon("UNIT_2", at: inPattern(0)))
        #expect(try pattern("!TP") == .literal(words: ["TP"], mode: .exact))
        #expect(try pattern(#""TP""#) == lit("TP"))
        #expect(try pattern("Scale") == lit("Scale"))
    }

    @Test func punctuationWordsAreLiterals() throws {
        #expect(try pattern(", % - : ...") == .sequence([lit(","), lit("%"), lit("-"), lit(":"), lit("...")]))
        #expect(try pattern("km/h 5,5 v.v") == .sequence([lit("km/h"), lit("5,5"), lit("v.v")]))
        #expect(try pattern("/") == lit("/"))
        #expect(try pattern(#"".""#) == lit("."))
    }

    @Test func regularExpressions() throws {
        #expect(try pattern("/[0-9]{4}/") == .regex("[0-9]{4}", at: inPattern(0)))
        #expect(try pattern(#"/\d+\/\d+/"#) == .regex(#"\d+/\d+"#, at: inPattern(0)))
        #expect(try pattern(#"/a\\/"#) == .regex(#"a\\"#, at: inPattern(0)))
        #expect(try pattern("/[#]/ # a comment") == .regex("[#]", at: inPattern(0)))
        #expect(try pattern("x /^q(u|v)$/") == .sequence([lit("x"), .regex("^q(u|v)$", at: inPattern(2))]))
    }

    @Test func attributes() throws {
        #expect(try pattern("{kind:number}") == .attributes([TokenAttributeTest(name: "kind", value: "number", location: inPattern(1))]))
        #expect(try pattern("{ shape : upper , kind:word }") == .attributes([
            TokenAttributeTest(name: "shape", value: "upper", location: inPattern(2)),
            TokenAttributeTest(name: "kind", value: "word", location: inPattern(18)),
        ]))
        for kind in ["word", "number", "punctuation", "symbol"] {
            #expect(try pattern("{kind:\(kind)}") == .attributes([TokenAttributeTest(name: "kind", value: kind, location: inPattern(1))]))
        }
        for shape in ["lower", "title", "upper", "mixed", "digits", "none"] {
            #expect(try pattern("{shape:\(shape)}") == .attributes([TokenAttributeTest(name: "shape", value: shape, location: inPattern(1))]))
        }
        #expect(try pattern("{shape:lower, not:STOP_2}") == .attributes([
            TokenAttributeTest(name: "shape", value: "lower", location: inPattern(1)),
            TokenAttributeTest(name: "not", value: "STOP_2", location: inPattern(14)),
        ]))
        #expect(try pattern("{kind:number, dots:2}") == .attributes([
            TokenAttributeTest(name: "kind", value: "number", location: inPattern(1)),
            TokenAttributeTest(name: "dots", value: "2", location: inPattern(14)),
        ]))
    }

    @Test func anySpanAndGroup() throws {
        #expect(try pattern(".") == .any)
        #expect(try pattern(". .") == .sequence([.any, .any]))
        #expect(try pattern("<number>") == .span(type: "number", at: inPattern(0)))
        #expect(try pattern("(a)") == lit("a"))
        #expect(try pattern("(a b)") == .sequence([lit("a"), lit("b")]))
        #expect(try pattern("((a))") == lit("a"))
    }

    // MARK: Quantifiers and captures

    @Test(arguments: [
        ("a?", 0, 1), ("a*", 0, 8), ("a+", 1, 8), ("a{3}", 3, 3), ("a{0,2}", 0, 2),
        ("a{ 1 , 8 }", 1, 8), ("a {2,2}", 2, 2), ("a{8}", 8, 8),
    ])
    func quantifiers(text: String, min: Int, max: Int) throws {
        #expect(try pattern(text) == .repetition(lit("a"), min: min, max: max))
    }

    @Test func quantifiersOnGroupsAndAny() throws {
        #expect(try pattern("(a b)+") == .repetition(.sequence([lit("a"), lit("b")]), min: 1, max: 8))
        #expect(try pattern(".*") == .repetition(.any, min: 0, max: 8))
        #expect(try pattern("{kind:number}{2}") == .repetition(
            .attributes([TokenAttributeTest(name: "kind", value: "number", location: inPattern(1))]), min: 2, max: 2))
    }

    @Test func captures() throws {
        #expect(try pattern("a=x") == .capture(lit("a"), name: "x"))
        #expect(try pattern("a = x") == .capture(lit("a"), name: "x"))
        #expect(try pattern("(a b)=pair") == .capture(.sequence([lit("a"), lit("b")]), name: "pair"))
        #expect(try pattern("(a | b)=choice") == .capture(.alternatives([lit("a"), lit("b")]), name: "choice"))
        #expect(try pattern("SCALE=s?") == .repetition(.capture(.lexicon("SCALE", at: inPattern(0)), name: "s"), min: 0, max: 1))
        #expect(try pattern("a?=x") == .capture(.repetition(lit("a"), min: 0, max: 1), name: "x"))
        #expect(try pattern("a=x=y") == .capture(.capture(lit("a"), name: "x"), name: "y"))
        #expect(try pattern("a=camelCase_2") == .capture(lit("a"), name: "camelCase_2"))
        #expect(try pattern("((a=inner) b)=outer") == .capture(.sequence([.capture(lit("a"), name: "inner"), lit("b")]), name: "outer"))
    }

    // MARK: Glued items

    @Test func glued() throws {
        let number = { (offset: Int) in PatternNode.attributes([TokenAttributeTest(name: "kind", value: "number", location: inPattern(offset))]) }
        #expect(try pattern("{kind:number} ^/ ^{kind:number}") == .sequence([number(1), .glued(lit("/")), .glued(number(19))]))
        #expect(try pattern("a ^(b c)") == .sequence([lit("a"), .glued(.sequence([lit("b"), lit("c")]))]))
        #expect(try pattern("a ^b=x") == .sequence([lit("a"), .glued(.capture(lit("b"), name: "x"))]))
        #expect(try pattern("a ^b+") == .sequence([lit("a"), .glued(.repetition(lit("b"), min: 1, max: 8))]))
        #expect(try pattern("a ^.") == .sequence([lit("a"), .glued(.any)]))
        #expect(try pattern("a ^<number>") == .sequence([lit("a"), .glued(.span(type: "number", at: inPattern(3)))]))
    }

    // MARK: Precedence

    @Test func alternativesHaveTheLowestPrecedence() throws {
        #expect(try pattern("a b | c") == .alternatives([.sequence([lit("a"), lit("b")]), lit("c")]))
        #expect(try pattern("a | b c | d") == .alternatives([lit("a"), .sequence([lit("b"), lit("c")]), lit("d")]))
        #expect(try pattern("a (b | c) d") == .sequence([lit("a"), .alternatives([lit("b"), lit("c")]), lit("d")]))
        #expect(try pattern("a|b") == .alternatives([lit("a"), lit("b")]))
        #expect(try pattern("(a | b) | c") == .alternatives([.alternatives([lit("a"), lit("b")]), lit("c")]))
    }

    @Test func postfixBindsTighterThanSequence() throws {
        #expect(try pattern("a b?") == .sequence([lit("a"), .repetition(lit("b"), min: 0, max: 1)]))
        #expect(try pattern("a b=x | c") == .alternatives([.sequence([lit("a"), .capture(lit("b"), name: "x")]), lit("c")]))
    }

    @Test func commentsEndThePattern() throws {
        #expect(try pattern("a b # c d") == .sequence([lit("a"), lit("b")]))
        #expect(try pattern(#""a # b""#) == lit("a", "#", "b"))
    }
}
