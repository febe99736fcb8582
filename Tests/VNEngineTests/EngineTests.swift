import Foundation
import Testing
@testable import VNEngine
import VNRules
import VNText

private let here = RuleSourceLocation(file: "test.rules", line: 1, column: 1)

private func word(_ text: String, _ mode: LiteralMode = .lower) -> PatternNode {
    .literal(words: text.split(separator: " ").map(String.init), mode: mode)
}
private func lexicon(_ name: String) -> PatternNode { .lexicon(name, at: here) }
private func span(_ type: String) -> PatternNode { .span(type: type, at: here) }
private func kind(_ value: String) -> PatternNode { .attributes([TokenAttributeTest(name: "kind", value: value, location: here)]) }
private func capture(_ node: PatternNode, _ name: String) -> PatternNode { .capture(node, name: name) }
private func call(_ name: String, _ arguments: [(String?, ValueExpression)]) -> ValueExpression {
    .call(name: name, arguments: arguments.map { ValueArgument(label: $0.0, value: $0.1) }, at: here)
}
private func ref(_ name: String) -> ValueExpression { .capture(name, at: here) }

private func rule(_ id: String, _ type: String, _ pattern: PatternNode, emit: ValueExpression, priority: Int = 0,
                  notBefore: [PatternNode] = [], notAfter: [PatternNode] = []) -> RuleDeclaration {
    RuleDeclaration(id: id, type: type, priority: priority, pattern: pattern, notBefore: notBefore, notAfter: notAfter,
                    emit: emit, examples: [], location: here)
}

/// Producers for the tests: `num` reads digits ("1.332" → 1332), `obj` builds an object of its labeled arguments.
private let producers: ProducerRegistry = {
    var registry = ProducerRegistry()
    registry.register("num", summary: "digits") { arguments in
        guard let text = arguments.value("text", at: 0).string,
              let value = Double(text.split(separator: ".").joined()) else { return nil }
        return .number(value)
    }
    registry.register("obj", summary: "object") { arguments in
        .object(arguments.nonNullFields)
    }
    registry.register("times", summary: "product") { arguments in
        guard let a = arguments.value("a", at: 0).number else { return nil }
        return .number(a * (arguments.value("b", at: 1).number ?? 1))
    }
    return registry
}()

private let currency = LexiconDeclaration(name: "CURRENCY", matchMode: .lower, entries: [
    LexiconEntry(phrase: "đồng", value: .string("VND"), location: here),
    LexiconEntry(phrase: "đô la", value: .string("USD"), location: here),
    LexiconEntry(phrase: "đô la Mỹ", value: .string("USD"), location: here),
], location: here)
private let scale = LexiconDeclaration(name: "SCALE", matchMode: .key, entries: [
    LexiconEntry(phrase: "triệu", value: .number(1e6), location: here),
    LexiconEntry(phrase: "tỷ", value: .number(1e9), location: here),
], location: here)

private let numberRule = rule("number.digits", "number", capture(kind("number"), "d"), emit: call("num", [(nil, ref("d"))]))
private let moneyRule = rule(
    "money.basic", "money",
    .sequence([capture(span("number"), "n"), .repetition(capture(lexicon("SCALE"), "s"), min: 0, max: 1), capture(lexicon("CURRENCY"), "c")]),
    emit: call("obj", [("amount", call("times", [(nil, ref("n")), (nil, ref("s"))])), ("currency", ref("c"))]))

private func compile(_ rules: [RuleDeclaration], lexicons: [LexiconDeclaration] = [currency, scale]) throws -> RuleSet {
    try RuleSet(files: [RuleFile(path: "test.rules", lexicons: [], rules: rules)], lexicons: lexicons, producers: producers)
}

private func extract(_ text: String, _ ruleSet: RuleSet, types: Set<String>? = nil) throws -> [Entity] {
    try Extractor(ruleSet: ruleSet, outputTypes: types ?? Set(ruleSet.typeNames)).extract(text).entities
}

@Suite struct EngineMatchingTests {
    @Test func composesNumbersIntoMoneyThroughStages() throws {
        let rules = try compile([moneyRule, numberRule])   // order in the file does not matter: stages do
        let entities = try extract("Tổng trị giá 5 tỷ đồng và 1.332 đô la Mỹ.", rules, types: ["money"])
        #expect(entities.map(\.text) == ["5 tỷ đồng", "1.332 đô la Mỹ"])
        #expect(entities.map(\.value) == [.object(["amount": .number(5e9), "currency": .string("VND")]),
                                          .object(["amount": .number(1332), "currency": .string("USD")])])
        #expect(entities.map(\.rule) == ["money.basic", "money.basic"])
    }

    @Test func offsetsAreScalarOffsetsIntoTheOriginal() throws {
        let rules = try compile([moneyRule, numberRule])
        let text = "Ðã chi\u{00A0}5\u{00A0}tỷ đồng"   // Ð and NBSP are normalized away but offsets stay original
        let entities = try extract(text, rules, types: ["money"])
        let entity = try #require(entities.first)
        #expect(Array(text.unicodeScalars)[entity.start..<entity.end].map(String.init).joined() == entity.text)
        #expect(entity.text == "5\u{00A0}tỷ đồng")
    }

    @Test func longestLexiconEntryWins() throws {
        let rules = try compile([rule("m.c", "money", capture(lexicon("CURRENCY"), "c"), emit: ref("c"))])
        #expect(try extract("đô la Mỹ", rules).map(\.text) == ["đô la Mỹ"])
        #expect(try extract("đô la Úc", rules).map(\.text) == ["đô la"])
    }

    @Test func literalModes() throws {
        let rules = try compile([
            rule("a.lower", "a", word("công ty"), emit: .literal(.string("lower"))),
            rule("b.key", "b", word("cong doan", .key), emit: .literal(.string("key"))),
            rule("c.exact", "c", word("Đảng", .exact), emit: .literal(.string("exact"))),
        ])
        #expect(try extract("CÔNG TY và Công Ty", rules).filter { $0.type == "a" }.count == 2)
        #expect(try extract("Công đoàn, công đòan", rules).filter { $0.type == "b" }.count == 2)
        #expect(try extract("Đảng và đảng", rules).filter { $0.type == "c" }.map(\.text) == ["Đảng"])
    }

    @Test func gluedItemsNeedNoSpace() throws {
        let slash = PatternNode.glued(word("/"))
        let rules = try compile([rule("d.date", "date", .sequence([kind("number"), slash, .glued(kind("number"))]),
                                      emit: .literal(.string("d")))])
        #expect(try extract("ngày 28/05 và 6 / 6", rules).map(\.text) == ["28/05"])
    }

    @Test func alternativesRepetitionAndCaptures() throws {
        let pattern = PatternNode.sequence([
            capture(.alternatives([word("trên"), word("hơn"), word("ít nhất")]), "q"),
            .repetition(word("là"), min: 0, max: 2),
            capture(kind("number"), "n"),
        ])
        let rules = try compile([rule("q.x", "q", pattern, emit: call("obj", [("q", ref("q")), ("n", ref("n"))]))])
        let entities = try extract("ít nhất là là 150 và hơn 43", rules)
        #expect(entities.map(\.text) == ["ít nhất là là 150", "hơn 43"])
        #expect(entities[0].value == .object(["q": .string("ít nhất"), "n": .string("150")]))
    }

    @Test func nestedCaptureOfALoneItemKeepsBoth() throws {
        // `(CURRENCY=c)=t`: `c` holds the lexicon value, `t` the text; likewise for a span.
        let lexiconRule = rule("m.nested", "money", capture(capture(lexicon("CURRENCY"), "c"), "t"),
                               emit: call("obj", [("c", ref("c")), ("t", ref("t"))]))
        #expect(try extract("đô la Mỹ", try compile([lexiconRule])).map(\.value)
                == [.object(["c": .string("USD"), "t": .string("đô la Mỹ")])])
        let spanRule = rule("s.nested", "wrapped", capture(capture(span("number"), "n"), "t"),
                            emit: call("obj", [("n", ref("n")), ("t", ref("t"))]))
        #expect(try extract("có 1.332 người", try compile([spanRule, numberRule]), types: ["wrapped"]).map(\.value)
                == [.object(["n": .number(1332), "t": .string("1.332")])])
        // A single capture of a lone item still takes the item's value.
        let plain = rule("m.plain", "money", capture(lexicon("CURRENCY"), "c"), emit: ref("c"))
        #expect(try extract("đồng", try compile([plain])).map(\.value) == [.string("VND")])
    }

    @Test func regexAnswersAreKeptPerTokenAndPerWordAcrossDocuments() throws {
        // Two rules try the same tokens; one extractor runs over several documents,
        // so answers come from the per-token table, then from the per-word cache.
        let upper = PatternNode.regex("[A-Z]{2,}", at: here)
        let digits = PatternNode.regex("[0-9]+", at: here)
        let rules = try compile([
            rule("r.upper_x", "r", .sequence([upper, word("x")]), emit: .literal(.string("ux"))),
            rule("r.a_upper", "r", .sequence([word("a"), upper]), emit: .literal(.string("au"))),
            rule("r.digits_upper", "r", .sequence([digits, upper]), emit: .literal(.string("du"))),
        ])
        let extractor = try Extractor(ruleSet: rules, outputTypes: ["r"])
        let texts = ["ABC x a ABC 12 ABC", "Abc x a DEF 7 de", "a ABC x a B 12 ABC", "ABC x a ABC 12 ABC"]
        let found = try texts.map { try extractor.extract($0).entities.map { "\($0.text)=\($0.value)" } }
        #expect(found == [
            ["ABC x=\"ux\"", "a ABC=\"au\"", "12 ABC=\"du\""],
            ["a DEF=\"au\""],
            ["a ABC=\"au\"", "12 ABC=\"du\""],
            ["ABC x=\"ux\"", "a ABC=\"au\"", "12 ABC=\"du\""],
        ])
    }

    @Test func notAttributeExcludesOneWordEntriesOfALexicon() throws {
        // {shape:lower, not:CURRENCY}: a lower-case word that is not "đồng" by itself
        // ("đô", the first word of "đô la", is not an entry by itself).
        let free = PatternNode.attributes([TokenAttributeTest(name: "shape", value: "lower", location: here),
                                           TokenAttributeTest(name: "not", value: "CURRENCY", location: here)])
        let rules = try compile([rule("f.free", "f", .sequence([word("x"), free]), emit: .literal(.string("f")))])
        #expect(try extract("x đồng x tiền x Đồng x đô la x Tiền", rules).map(\.text) == ["x tiền", "x đô"])
    }

    @Test func lineAttributeTellsTheFirstTokenOfALine() throws {
        let title = PatternNode.attributes([TokenAttributeTest(name: "shape", value: "title", location: here),
                                            TokenAttributeTest(name: "line", value: "inner", location: here)])
        let rules = try compile([rule("o.t", "o", .sequence([word("công đoàn"), .repetition(title, min: 1, max: 3)]),
                                      emit: .literal(.string("o")))])
        #expect(try extract("Công đoàn Viên Chức\nHoạt Động", rules).map(\.text) == ["Công đoàn Viên Chức"])
        #expect(try extract("Công đoàn\nViên Chức", rules).isEmpty)
    }

    @Test func dotsAttributeCountsTheDotsOfANumber() throws {
        let dotted = PatternNode.attributes([TokenAttributeTest(name: "dots", value: "2", location: here)])
        let rules = try compile([rule("d.two", "d", dotted, emit: .literal(.string("d")))])
        // "28.05.2023" and "2.500.000" have two dots; "1.332", "5,5" and "2023" do not; a word never does.
        #expect(try extract("ngày 28.05.2023, 2.500.000 đồng, 1.332 người, 5,5 tỷ, năm 2023, v.v.", rules).map(\.text)
                == ["28.05.2023", "2.500.000"])
        let none = PatternNode.attributes([TokenAttributeTest(name: "kind", value: "number", location: here),
                                           TokenAttributeTest(name: "dots", value: "0", location: here)])
        let plain = try compile([rule("d.none", "d", none, emit: .literal(.string("d")))])
        #expect(try extract("1.332 và 5,5 và 2023", plain).map(\.text) == ["5,5", "2023"])
    }

    @Test func eachEndIsReportedOncePerStart() throws {
        // "một hai" can be read by (word? word?){0,3} in several ways; the span
        // "một hai đồng" is one candidate, not one per reading.
        let optionalWord = PatternNode.repetition(kind("word"), min: 0, max: 1)
        let pattern = PatternNode.sequence([
            .repetition(.sequence([optionalWord, optionalWord]), min: 0, max: 3),
            capture(lexicon("CURRENCY"), "c"),
        ])
        let rules = try compile([rule("m.dup", "money", pattern, emit: ref("c"))])
        let result = try Extractor(ruleSet: rules, outputTypes: ["money"]).extract("một hai đồng", keepCandidates: true)
        let spans = result.candidates.filter { $0.rule == "m.dup" }.map(\.tokens)
        #expect(spans == [0..<3, 1..<3, 2..<3])
    }

    @Test func notBeforeAndNotAfterExclude() throws {
        let rules = try compile([rule("n.q", "quantity", capture(kind("number"), "n"), emit: ref("n"),
                                      notBefore: [word("số")], notAfter: [word("/"), word("là")])])
        let found = try extract("bão số 3 có 5 người, 6/6 quận, Một là 7", rules)
        // "3" follows "số"; the first "6" has "/" after it; "7" follows "là", which is no exclusion here.
        #expect(found.map(\.text) == ["5", "6", "7"])
        #expect(found.map(\.start) == [12, 23, 38])
    }

    @Test func requiresBeforeAndAfterNeedContextOutsideTheSpan() throws {
        let declaration = RuleDeclaration(
            id: "q.plan", type: "quantity", priority: 0, pattern: capture(kind("number"), "n"), notBefore: [], notAfter: [],
            emit: ref("n"), examples: [], location: here,
            requiresBefore: [word("đạt")], requiresAfter: [.alternatives([word("kế hoạch"), word("chỉ tiêu")])])
        let rules = try compile([declaration])
        let found = try extract("đạt 116,3 kế hoạch, đạt 98 triệu, có 5 kế hoạch, đạt 7 chỉ tiêu", rules)
        #expect(found.map(\.text) == ["116,3", "7"])
    }

    @Test func producerRejectionFallsBackToShorterMatchOrNothing() throws {
        // "num" rejects "x"; the pattern allows an optional trailing word.
        let pattern = PatternNode.sequence([capture(.alternatives([kind("number"), kind("word")]), "d")])
        let rules = try compile([rule("n.d", "number", pattern, emit: call("num", [(nil, ref("d"))]))])
        #expect(try extract("12 abc 3", rules).map(\.text) == ["12", "3"])
    }
}

@Suite struct EngineResolutionTests {
    @Test func longestThenPriorityThenEarlierRule() throws {
        let rules = try compile([
            rule("t.short", "t", word("hai"), emit: .literal(.number(2)), priority: 50),
            rule("t.long", "t", word("hai bà trưng"), emit: .literal(.string("name"))),
            rule("t.first", "u", word("ba"), emit: .literal(.number(1))),
            rule("t.second", "u", word("ba"), emit: .literal(.number(2))),
            rule("t.low", "v", word("năm"), emit: .literal(.number(1))),
            rule("t.high", "v", word("năm"), emit: .literal(.number(2)), priority: 5),
        ])
        let entities = try extract("quận Hai Bà Trưng, ba, năm", rules)
        #expect(entities.filter { $0.type == "t" }.map(\.rule) == ["t.long"])
        #expect(entities.filter { $0.type == "u" }.map(\.rule) == ["t.first"])
        #expect(entities.filter { $0.type == "v" }.map(\.rule) == ["t.high"])
    }

    @Test func explanationsRecordLosersAndWhy() throws {
        let rules = try compile([
            rule("t.short", "t", word("hai"), emit: .literal(.number(2))),
            rule("t.long", "t", word("hai bà"), emit: .literal(.number(3))),
        ])
        let result = try Extractor(ruleSet: rules, outputTypes: ["t"]).extract("Hai Bà", keepCandidates: true)
        let lost = result.candidates.first { $0.rule == "t.short" }
        #expect(lost?.outcome == .lost(to: result.candidates.firstIndex { $0.rule == "t.long" }!, reason: "a longer match"))
    }

    @Test func selfReferencingTypesRepeatUntilStable() throws {
        // number := digits | number SCALE   (e.g. "3 tỷ", then composed again)
        let rules = try compile([
            numberRule,
            rule("number.scaled", "number", .sequence([capture(span("number"), "n"), capture(lexicon("SCALE"), "s")]),
                 emit: call("times", [(nil, ref("n")), (nil, ref("s"))])),
        ])
        let entities = try extract("3 tỷ", rules)
        #expect(entities.map(\.text) == ["3 tỷ"])
        #expect(entities.first?.value == .number(3e9))
    }
}

/// What can follow a rule's first item (``PatternProgram/secondTriggers(lexicon:)``), which lets
/// the matcher skip a rule where the next token rules it out.
@Suite struct SecondTriggerTests {
    private func triggers(_ pattern: PatternNode, _ extra: [RuleDeclaration] = [])
        throws -> (rules: RuleSet, found: (afterToken: Set<Trigger>, afterSpan: Set<Trigger>, firstSpans: Set<Int>)?) {
        let rules = try compile([rule("x.r", "x", pattern, emit: .literal(.null)), numberRule] + extra)
        let index = try #require(rules.rules.firstIndex { $0.id == "x.r" })
        let found = rules.rules[index].program.secondTriggers { lexicon in
            let mode = LiteralMode(rules.lexicons[lexicon].mode), trie = rules.lexicons[lexicon].trie
            return (trie.firstWords.map { .word($0, mode) }, trie.secondWords.map { .word($0, mode) }, trie.hasOneWordEntries)
        }
        return (rules, found)
    }

    private func id(_ rules: RuleSet, _ text: String) -> Trigger {
        .word(rules.vocabularies[.lower]!.id(Array(text.utf16)[...])!, .lower)
    }

    @Test func aNumberThenAGluedSlashNeedsTheSlashSecond() throws {
        let (rules, found) = try triggers(.sequence([capture(kind("number"), "d"), .glued(word("/")), .glued(kind("number"))]))
        #expect(found?.afterToken == [id(rules, "/")])
        #expect(found?.afterSpan == [])
    }

    @Test func aSpanFirstIsFollowedByWhatComesAfterIt() throws {
        let (rules, found) = try triggers(.sequence([span("number"), .repetition(lexicon("SCALE"), min: 0, max: 1), lexicon("CURRENCY")]))
        #expect(found?.firstSpans == [rules.typeNames.firstIndex(of: "number")!])
        // SCALE is matched by key: its words are key-mode triggers.
        #expect(found?.afterSpan.contains(id(rules, "đồng")) == true)
        #expect(found?.afterSpan.count == 4)   // đồng, đô (la), triệu, tỷ
    }

    @Test func phrasesGiveTheirSecondWordAndOptionalPartsTheirFollowers() throws {
        let (rules, found) = try triggers(.sequence([lexicon("CURRENCY"), .repetition(word("mỗi"), min: 0, max: 1), span("number")]))
        // "đồng" then "mỗi" or a number span; "đô la" then "la".
        #expect(found?.afterToken == [id(rules, "la"), id(rules, "mỗi"), .span(rules.typeNames.firstIndex(of: "number")!)])
    }

    @Test func rulesStartingWithLexiconsAreSkippedWhereNoEntryCanStart() throws {
        // (CURRENCY | SCALE) then any token: no token filter, but "đô" starts an entry
        // only when "la" follows, and "đồng" or "tỷ" are entries by themselves.
        let pattern = PatternNode.sequence([.alternatives([capture(lexicon("CURRENCY"), "c"), lexicon("SCALE")]), .any])
        let rules = try compile([rule("x.r", "x", pattern, emit: .literal(.string("x")))])
        #expect(rules.rules[0].program.firstLexicons()?.count == 2)
        #expect(try triggers(.sequence([lexicon("CURRENCY"), word("a")])).rules.rules[0].program.firstLexicons() != nil)
        #expect(try compile([rule("x.w", "x", .sequence([.alternatives([lexicon("CURRENCY"), word("a")]), .any]), emit: .literal(.null))])
            .rules[0].program.firstLexicons() == nil)
        let filtered = try Extractor(ruleSet: rules), unfiltered = try Extractor(ruleSet: rules)
        unfiltered.usesSecondTokenFilters = false
        for text in ["đô la x", "đô x", "đồng x", "tỷ đô la", "x đô", "đô", "Tỷ đồng đô la Mỹ x"] {
            let found = try filtered.extract(text).entities.map(\.text)
            #expect(found == (try unfiltered.extract(text).entities.map(\.text)), "\(text)")
        }
        #expect(try filtered.extract("đô x").entities.isEmpty)
    }

    @Test func aOneTokenMatchOrAnyTokenSecondCannotBeFiltered() throws {
        #expect(try triggers(.sequence([word("từ"), .repetition(kind("number"), min: 0, max: 1)])).found == nil)
        #expect(try triggers(.sequence([word("từ"), .any])).found == nil)
    }
}

@Suite struct RuleCompilerDiagnosticsTests {
    private func diagnostics(_ rules: [RuleDeclaration]) -> [String] {
        do {
            _ = try RuleSet(files: [RuleFile(path: "test.rules", lexicons: [], rules: rules)], lexicons: [currency, scale],
                            producers: producers)
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    @Test func unknownNamesAreReported() {
        let messages = diagnostics([
            rule("a.lex", "a", lexicon("NOPE"), emit: .literal(.null)),
            rule("a.span", "a", span("nothing"), emit: .literal(.null)),
            rule("a.producer", "a", word("x"), emit: call("nope", [])),
            rule("a.capture", "a", word("x"), emit: ref("missing")),
            rule("a.not", "a", .attributes([TokenAttributeTest(name: "not", value: "NONE", location: here)]), emit: .literal(.null)),
        ])
        #expect(messages.count == 5)
        #expect(messages[0].contains("unknown lexicon 'NOPE'"))
        #expect(messages[1].contains("no rule produces type 'nothing'"))
        #expect(messages[2].contains("unknown producer 'nope'"))
        #expect(messages[3].contains("unknown capture 'missing'"))
        #expect(messages[4].contains("unknown lexicon 'NONE' after 'not:'"))
    }

    @Test func dotsGoWithNumbersOnly() {
        let dotted = TokenAttributeTest(name: "dots", value: "2", location: here)
        #expect(diagnostics([rule("a.d", "a", .attributes([dotted]), emit: .literal(.null))]).isEmpty)
        let messages = diagnostics([rule("a.w", "a", .attributes([TokenAttributeTest(name: "kind", value: "word", location: here), dotted]),
                                         emit: .literal(.null))])
        #expect(messages.count == 1)
        #expect(messages.first?.contains("expected 'dots' with kind number") == true)
    }

    @Test func emptyPatternsDuplicatesAndCyclesAreReported() {
        #expect(diagnostics([rule("a.empty", "a", .repetition(word("x"), min: 0, max: 2), emit: .literal(.null))])
            .first?.contains("matches at least one token") == true)
        #expect(diagnostics([rule("a.x", "a", word("x"), emit: .literal(.null)), rule("a.x", "a", word("y"), emit: .literal(.null))])
            .first?.contains("duplicate rule id 'a.x'") == true)
        #expect(diagnostics([rule("a.x", "a", span("b"), emit: .literal(.null)), rule("b.x", "b", span("a"), emit: .literal(.null))])
            .first?.contains("cycle") == true)
    }

    @Test func duplicateLexiconNamesItsFirstDeclaration() {
        let first = RuleSourceLocation(file: "a.rules", line: 3, column: 1)
        let again = LexiconDeclaration(name: "CURRENCY", matchMode: .lower,
                                       entries: [LexiconEntry(phrase: "đồng", value: nil, location: here)], location: here)
        let original = LexiconDeclaration(name: "CURRENCY", matchMode: .lower, entries: currency.entries, location: first)
        do {
            _ = try RuleSet(files: [], lexicons: [original, again], producers: producers)
            Issue.record("a duplicate lexicon compiled")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["duplicate lexicon 'CURRENCY' (first declared at a.rules:3:1)"])
        }
    }

    @Test func badRegexIsReported() {
        #expect(diagnostics([rule("a.re", "a", .regex("[0-9", at: here), emit: .literal(.null))])
            .first?.contains("invalid regular expression") == true)
    }
}

@Suite struct PhraseWordsTests {
    /// Each phrase tokenized alone, as rule literals are.
    private func alone(_ phrases: [String], _ normalizer: Normalizer, _ tokenizer: Tokenizer) -> [[PhraseWords.Word]] {
        phrases.map { PhraseWords.words(of: [$0], normalizer: normalizer, tokenizer: tokenizer)[0] }
    }

    @Test func phrasesTokenizedTogetherGetTheWordsTheyGetAlone() throws {
        let normalizer = Normalizer(), tokenizer = try Tokenizer()
        let phrases = ["đô la Mỹ", "TP.HCM", "tp .", "GD&ĐT", "LĐ-TB&XH", "hoá", "Thuỷ lợi", "…", "a . . b", "Covid-19",
                       "28/05", "5,5", "", "x", "T.Ư", "«a»", "U23", "ÐẠI HỌC", "đồng", "1.332", "Hà Nội", "ủy ban"]
        let together = PhraseWords.words(of: phrases, normalizer: normalizer, tokenizer: tokenizer)
        #expect(together == alone(phrases, normalizer, tokenizer))
        #expect(together[0].count == 3 && together[12].isEmpty)
        #expect(together[5] == [PhraseWords.Word(lower: Array("hóa".utf16), key: Array("hoa".utf16), exact: Array("hóa".utf16))])
    }

    @Test func builtinLexiconPhrasesGetTheWordsTheyGetAlone() throws {
        let normalizer = Normalizer(), tokenizer = try Tokenizer()
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count >= 5)
        for name in names {
            let source = try String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8)
            let phrases = try LexiconFileParser.parse(source, path: name).entries.map(\.phrase)
            #expect(PhraseWords.words(of: phrases, normalizer: normalizer, tokenizer: tokenizer) == alone(phrases, normalizer, tokenizer), "\(name)")
        }
    }
}

@Suite struct SpanTableTests {
    @Test func spansAreFoundByStartToken() {
        let spans = [ChartSpan(start: 4, end: 6, value: .null), ChartSpan(start: 1, end: 2, value: .null),
                     ChartSpan(start: 4, end: 5, value: .null), ChartSpan(start: 7, end: 8, value: .null)]
        let table = SpanTable(spans, tokenCount: 8)
        let starts = (0...8).map { position in table.indices(at: position).map { table.all[$0].start } }
        #expect(starts == [[], [1], [], [], [4, 4], [], [], [7], []])
        #expect(table.indices(at: 9).isEmpty && !table.hasSpan(at: 0) && table.hasSpan(at: 7))
        #expect(SpanTable([], tokenCount: 8).indices(at: 3).isEmpty)
    }

    @Test func onlyTypesSomeRuleReadsGetATable() throws {
        let rules = try compile([numberRule, moneyRule])
        #expect(rules.spansAreRead == rules.typeNames.map { $0 == "number" })
    }
}
