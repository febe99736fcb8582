import VNRules
import VNText

/// One rule, compiled. A class: the matcher hands it around without copying its parts.
public final class CompiledRule: Sendable {
    /// The rule id ("money.scaled_number").
    public let id: String
    /// The type it produces.
    public let type: String
    /// Its priority.
    public let priority: Int
    /// Its position among all rules (files in path order, rules in file order).
    public let order: Int
    /// Its examples and counter-examples.
    public let examples: [RuleExample]
    /// Where it is declared.
    public let location: RuleSourceLocation
    let typeIndex: Int
    let program: PatternProgram
    /// Not-before patterns with the most tokens each can match.
    let notBefore: [BoundedPattern]
    let notAfter: [PatternProgram]
    /// Patterns that must match right before / after the match.
    let requiresBefore: [BoundedPattern]
    let requiresAfter: [PatternProgram]
    let emit: ValueExpression
    /// `emit` with captures resolved to slots and producers to functions.
    let value: CompiledValue
    /// True when the pattern's first item is one token and the second must be
    /// written together with it ("U23"): the matcher skips positions whose next
    /// token has a space before it without running the pattern.
    let needsGluedSecondToken: Bool

    init(id: String, type: String, priority: Int, order: Int, examples: [RuleExample], location: RuleSourceLocation,
         typeIndex: Int, program: PatternProgram, notBefore: [BoundedPattern],
         notAfter: [PatternProgram], requiresBefore: [BoundedPattern], requiresAfter: [PatternProgram], emit: ValueExpression,
         value: CompiledValue) {
        self.id = id
        self.type = type
        self.priority = priority
        self.order = order
        self.examples = examples
        self.location = location
        self.typeIndex = typeIndex
        self.program = program
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.requiresBefore = requiresBefore
        self.requiresAfter = requiresAfter
        self.emit = emit
        self.value = value
        var pc = 0
        func isCaptureMark(_ instruction: Instruction) -> Bool {
            switch instruction {
            case .captureStart, .captureEnd: return true
            default: return false
            }
        }
        while pc < program.instructions.count, isCaptureMark(program.instructions[pc]) { pc += 1 }
        var glued = false
        if pc + 1 < program.instructions.count, case .token = program.instructions[pc] {
            var next = pc + 1
            // ({kind:number})=d ^/ ...: the capture's end comes between the token and the glue.
            while next < program.instructions.count, isCaptureMark(program.instructions[next]) { next += 1 }
            if next < program.instructions.count, case .glued = program.instructions[next] { glued = true }
        }
        needsGluedSecondToken = glued
    }
}

/// A rule's `emit` expression, compiled: captures by slot, producers as functions.
indirect enum CompiledValue: Sendable {
    case literal(JSONValue)
    case capture(Int)
    case call(Producer, [CompiledArgument])
}

/// One argument of a compiled producer call.
struct CompiledArgument: Sendable {
    let label: String?
    let value: CompiledValue
}

/// A pattern with the most tokens it can match (a struct, not a tuple: tuple
/// arrays cost a runtime metadata lookup on every loop in the hot path).
struct BoundedPattern: Sendable {
    let program: PatternProgram
    let maxTokens: Int
}

/// The rules of one type, run together, indexed by what can start them.
struct Stage: Sendable {
    let type: Int
    /// Rules whose first item is a word, by word id, per literal mode.
    let byLower: RuleTable
    let byKey: RuleTable
    let byExact: RuleTable
    /// Rules whose first item tests a token kind, by ``TokenKind/ordinal``.
    let byKind: RuleTable
    /// The same for rules whose second token must be written together with the
    /// first ("U23"): consulted only where the next token is glued.
    let byKindGlued: RuleTable
    /// Rules whose first item is a span, by span type.
    let bySpan: RuleTable
    /// Rules that can start anywhere (a regex, `.`, attributes without a kind).
    let unindexed: [Int32]
    /// Span types some rule here starts with.
    let spanTriggers: [Int]
    let selfReferencing: Bool
}

/// Rule lists by key in two flat arrays (the rules for key k are
/// `rules[starts[k]..<starts[k + 1]]`), so the matcher reads them without
/// reaching into nested arrays.
struct RuleTable: Sendable {
    private let starts: [Int32]
    let rules: [Int32]

    init(_ lists: [[Int]]) {
        var starts: [Int32] = [0], rules: [Int32] = []
        for list in lists {
            rules += list.map { Int32($0) }
            starts.append(Int32(rules.count))
        }
        self.starts = starts
        self.rules = rules
    }

    /// The positions in `rules` of key `key`'s rules.
    @inline(__always)
    func range(_ key: Int) -> Range<Int> { Int(starts[key])..<Int(starts[key + 1]) }
}

/// A lexicon, compiled.
struct CompiledLexicon: Sendable {
    let name: String
    let mode: LexiconMatchMode
    let location: RuleSourceLocation
    var trie = LexiconTrie()
}

/// Every rule and lexicon compiled once into one matcher: word vocabularies,
/// lexicon tries, pattern programs, stages in dependency order and, per stage,
/// an index from trigger tokens to the rules they can start.
///
/// Literal words and lexicon phrases go through the same normalizer and
/// tokenizer as documents, so "hoá" in a rule matches "hóa" in a text and
/// "đô la" is two tokens on both sides.
public final class RuleSet: @unchecked Sendable {
    /// All rules, in order.
    public let rules: [CompiledRule]
    /// Type names; a type's index is its position here.
    public let typeNames: [String]
    /// The producers rules call.
    public let producers: ProducerRegistry
    let stages: [Stage]
    /// Per type: whether some pattern reads its spans (`<type>`); the spans of
    /// other types are only output, so no lookup table is built for them.
    let spansAreRead: [Bool]
    let lexicons: [CompiledLexicon]
    /// Each lexicon's trie, frozen for matching, and its match mode (by lexicon index).
    let tries: [CompiledTrie]
    let lexiconModes: [LiteralMode]
    /// Every lexicon's root table (``CompiledTrie/firstNodes``) in one array:
    /// lexicon i's entry for word w is at `lexiconFirstNodeBase[i] + w`.
    let lexiconFirstNodes: [Int32]
    let lexiconFirstNodeBase: [Int]
    /// Per word of each literal mode (at `lexiconStartBitsBase(mode) + id`): bit
    /// i set when lexicon i (i < 64) has an entry starting with the word. A
    /// dense table the matcher checks before the much larger
    /// `lexiconFirstNodes`, whose reads miss the cache at most tokens.
    let lexiconStartBits: [UInt64]
    private let lexiconStartBitsBases: (lower: Int, key: Int, exact: Int)
    /// Where mode `mode`'s words start in `lexiconStartBits`.
    @inline(__always)
    func lexiconStartBitsBase(_ mode: LiteralMode) -> Int {
        switch mode {
        case .lower: return lexiconStartBitsBases.lower
        case .key: return lexiconStartBitsBases.key
        case .exact: return lexiconStartBitsBases.exact
        }
    }
    /// Whether the word is, by itself, an entry (same indexing as `lexiconFirstNodes`).
    let lexiconOneWordEntries: [Bool]
    /// All rules' pattern programs in one segment (jump targets and word
    /// offsets relocated), where rule r starts at `ruleEntries[r]`.
    let ruleCode: [Instruction]
    /// Per instruction of `ruleCode`: whether the matcher remembers reaching it
    /// (``PatternProgram/memoPoints()``).
    let ruleMemoPoints: [Bool]
    let ruleWordPool: [Int32]
    let ruleEntries: [Int]
    let ruleCaptureCounts: [Int]
    let maxCaptureCount: Int
    /// The number of instructions of each rule's program.
    let ruleCodeLengths: [Int]
    /// Which stages a token can start a match in, as bit masks over stage
    /// indices (stages 64 and up are in every mask): per word id in each
    /// literal mode, per token kind (and per kind when the next token is glued).
    /// The extractor turns them into each stage's start positions in one pass.
    let lowerStageMasks: [UInt64]
    let keyStageMasks: [UInt64]
    let exactStageMasks: [UInt64]
    let kindStageMasks: [UInt64]
    let kindGluedStageMasks: [UInt64]
    /// What each rule's second token can be, checked before running the rule.
    let secondTokenFilters: SecondTokenFilters
    /// Per rule: whether its start context (`not-before` and `requires-before`
    /// patterns, which depend only on where a match starts) is checked before
    /// the rule is run at a position rather than on each match it finds. True
    /// for rules with a `requires-before` pattern, which seldom holds, so
    /// checking it first spares running the rule; a `not-before` pattern alone
    /// seldom matches, and checking it at every position tried would cost more
    /// than checking it on the matches that win.
    let checksStartFirst: [Bool]
    let regexes: [Regex<AnyRegexOutput>]
    let vocabularies: [LiteralMode: Vocabulary]

    /// Compiles parsed rule files and lexicon files.
    /// - Throws: every problem found, with file:line:column.
    public init(files: [RuleFile], lexicons lexiconFiles: [LexiconDeclaration], producers: ProducerRegistry) throws(RuleDiagnostics) {
        var compiler = try RuleCompiler(producers: producers)
        compiler.compile(files: files, lexiconFiles: lexiconFiles)
        if !compiler.diagnostics.isEmpty { throw RuleDiagnostics(compiler.diagnostics) }
        rules = compiler.rules
        typeNames = compiler.typeNames
        self.producers = producers
        stages = compiler.stages
        var read = [Bool](repeating: false, count: compiler.typeNames.count)
        for rule in compiler.rules {
            for program in [rule.program] + rule.notBefore.map(\.program) + rule.notAfter
                + rule.requiresBefore.map(\.program) + rule.requiresAfter {
                for case .span(let type, _) in program.instructions { read[type] = true }
            }
        }
        spansAreRead = read
        checksStartFirst = compiler.rules.map { !$0.requiresBefore.isEmpty }
        lexicons = compiler.lexicons
        regexes = compiler.regexes
        vocabularies = compiler.vocabularies
        let vocabularies = compiler.vocabularies
        lexiconModes = compiler.lexicons.map { LiteralMode($0.mode) }
        tries = compiler.lexicons.map { $0.trie.compiled(vocabularySize: vocabularies[LiteralMode($0.mode)]!.count) }
        var firstNodes: [Int32] = [], bases: [Int] = [], oneWordEntries: [Bool] = []
        for trie in tries {
            bases.append(firstNodes.count)
            firstNodes += trie.firstNodes
            oneWordEntries += trie.firstNodes.map { $0 >= 0 && trie.valueIndex($0) >= 0 }
        }
        lexiconFirstNodes = firstNodes
        lexiconFirstNodeBase = bases
        let lowerCount = vocabularies[.lower]!.count, keyCount = vocabularies[.key]!.count
        lexiconStartBitsBases = (lower: 0, key: lowerCount, exact: lowerCount + keyCount)
        var startBits = [UInt64](repeating: 0, count: lowerCount + keyCount + vocabularies[.exact]!.count)
        for (index, trie) in tries.enumerated() where index < 64 {
            let base: Int
            switch lexiconModes[index] {
            case .lower: base = 0
            case .key: base = lowerCount
            case .exact: base = lowerCount + keyCount
            }
            for (word, node) in trie.firstNodes.enumerated() where node >= 0 { startBits[base + word] |= 1 << UInt64(index) }
        }
        lexiconStartBits = startBits
        lexiconOneWordEntries = oneWordEntries
        // Every rule's program in one code segment, so the matcher reaches any
        // rule's instructions through one buffer.
        var code: [Instruction] = [], pool: [Int32] = [], entries: [Int] = []
        for rule in rules {
            entries.append(code.count)
            code += rule.program.instructions.map { $0.relocated(code: code.count, pool: pool.count) }
            pool += rule.program.wordPool
        }
        ruleCode = code
        ruleMemoPoints = rules.flatMap { $0.program.memoPoints() }
        ruleWordPool = pool
        ruleEntries = entries
        ruleCaptureCounts = rules.map(\.program.captureNames.count)
        maxCaptureCount = ruleCaptureCounts.max() ?? 0
        ruleCodeLengths = rules.map(\.program.instructions.count)
        let lexicons = compiler.lexicons
        secondTokenFilters = SecondTokenFilters(rules.map { rule in
            rule.program.secondTriggers { index in
                let mode = LiteralMode(lexicons[index].mode), trie = lexicons[index].trie
                return (trie.firstWords.map { .word($0, mode) }, trie.secondWords.map { .word($0, mode) }, trie.hasOneWordEntries)
            }
        }, vocabularySizes: vocabularies.mapValues(\.count), firstLexicons: rules.map { $0.program.firstLexicons() ?? [] },
           lexicons: LexiconStarts(modes: lexiconModes, tries: tries, firstNodes: firstNodes, bases: bases, oneWordEntries: oneWordEntries))
        let stages = compiler.stages
        func masks(_ count: Int, _ table: (Stage) -> RuleTable) -> [UInt64] {
            var result = [UInt64](repeating: 0, count: count)
            for (index, stage) in stages.enumerated() {
                let bit: UInt64 = index < 64 ? 1 << UInt64(index) : 0
                for key in 0..<count where bit == 0 || !table(stage).range(key).isEmpty { result[key] |= bit == 0 ? ~0 : bit }
            }
            return result
        }
        lowerStageMasks = masks(vocabularies[.lower]!.count) { $0.byLower }
        keyStageMasks = masks(vocabularies[.key]!.count) { $0.byKey }
        exactStageMasks = masks(vocabularies[.exact]!.count) { $0.byExact }
        kindStageMasks = masks(TokenKind.allCases.count) { $0.byKind }
        kindGluedStageMasks = masks(TokenKind.allCases.count) { $0.byKindGlued }
    }
}

/// Turns syntax trees into a ``RuleSet``, collecting diagnostics.
private struct RuleCompiler {
    let producers: ProducerRegistry
    let normalizer = Normalizer()
    let tokenizer: Tokenizer
    var diagnostics: [RuleDiagnostic] = []
    var vocabularies: [LiteralMode: Vocabulary] = [.lower: Vocabulary(), .key: Vocabulary(), .exact: Vocabulary()]
    var lexicons: [CompiledLexicon] = []
    var lexiconIndex: [String: Int] = [:]
    var regexes: [Regex<AnyRegexOutput>] = []
    var regexIndex: [String: Int] = [:]
    /// Word ids of rule literals already compiled, per mode.
    var literalIDs: [LiteralMode: [String: [Int32]]] = [:]
    var typeNames: [String] = []
    var rules: [CompiledRule] = []
    var stages: [Stage] = []

    init(producers: ProducerRegistry) throws(RuleDiagnostics) {
        self.producers = producers
        do {
            // Phrases need tokens only: no sentence splitter (building one costs ~20 M instructions).
            tokenizer = try Tokenizer(splitsSentences: false)
        } catch {
            throw RuleDiagnostics([RuleDiagnostic("cannot start the tokenizer: \(error)",
                                                  at: RuleSourceLocation(file: "<builtin>", line: 0, column: 0))])
        }
    }

    mutating func compile(files: [RuleFile], lexiconFiles: [LexiconDeclaration]) {
        for lexicon in lexiconFiles + files.flatMap(\.lexicons) { addLexicon(lexicon) }
        // Types are known before patterns are compiled, so `<type>` can refer to any.
        let declarations = files.flatMap(\.rules)
        for declaration in declarations where !typeNames.contains(declaration.type) {
            typeNames.append(declaration.type)
        }
        var seenIDs: [String: RuleSourceLocation] = [:]
        for declaration in declarations {
            if let first = seenIDs[declaration.id] {
                diagnostics.append(RuleDiagnostic("duplicate rule id '\(declaration.id)' (first declared at \(first))", at: declaration.location))
                continue
            }
            seenIDs[declaration.id] = declaration.location
            if let rule = compileRule(declaration, order: rules.count) { rules.append(rule) }
        }
        orderStages()
    }

    // MARK: Lexicons and words

    private mutating func addLexicon(_ declaration: LexiconDeclaration) {
        if let existing = lexiconIndex[declaration.name] {
            diagnostics.append(RuleDiagnostic("duplicate lexicon '\(declaration.name)' (first declared at \(lexicons[existing].location))",
                                              at: declaration.location))
            return
        }
        var lexicon = CompiledLexicon(name: declaration.name, mode: declaration.matchMode, location: declaration.location)
        let mode = LiteralMode(declaration.matchMode)
        let phraseWords = PhraseWords.words(of: declaration.entries.map(\.phrase), normalizer: normalizer, tokenizer: tokenizer, mode: mode)
        for (entry, words) in zip(declaration.entries, phraseWords) {
            let ids = wordIDs(words, mode: mode)
            guard !ids.isEmpty else {
                diagnostics.append(RuleDiagnostic("expected a phrase with at least one word, found '\(entry.phrase)'", at: entry.location))
                continue
            }
            lexicon.trie.insert(ids, value: entry.value ?? .string(entry.phrase))
        }
        lexiconIndex[declaration.name] = lexicons.count
        lexicons.append(lexicon)
    }

    /// The ids of a phrase's tokens in `mode`'s vocabulary (interning new words). Remembered:
    /// a literal inside a repetition is compiled once per copy.
    private mutating func wordIDs(_ phrase: String, mode: LiteralMode) -> [Int32] {
        if let known = literalIDs[mode]?[phrase] { return known }
        let ids = wordIDs(PhraseWords.words(of: [phrase], normalizer: normalizer, tokenizer: tokenizer, mode: mode)[0], mode: mode)
        literalIDs[mode, default: [:]][phrase] = ids
        return ids
    }

    /// The ids of a phrase's words (see ``PhraseWords``) in `mode`'s vocabulary (interning new words).
    private mutating func wordIDs(_ words: [PhraseWords.Word], mode: LiteralMode) -> [Int32] {
        words.map { word in
            if mode == .exact {
                // Keep the lower vocabulary a filter for exact lookups (see MatchDocument).
                _ = vocabularies[.lower]!.intern(word.lower)
            }
            switch mode {
            case .lower: return vocabularies[.lower]!.intern(word.lower)
            case .key: return vocabularies[.key]!.intern(word.key)
            case .exact: return vocabularies[.exact]!.intern(word.exact)
            }
        }
    }

    // MARK: Rules

    private mutating func compileRule(_ declaration: RuleDeclaration, order: Int) -> CompiledRule? {
        let before = diagnostics.count
        var captureNames: [String] = []
        let program = compilePattern(declaration.pattern, captures: &captureNames, at: declaration.location)
        var ignored: [String] = []
        let notBefore = declaration.notBefore.map { node in
            let program = compilePattern(node, captures: &ignored, at: declaration.location)
            return BoundedPattern(program: program, maxTokens: maxTokens(program))
        }
        let notAfter = declaration.notAfter.map { compilePattern($0, captures: &ignored, at: declaration.location) }
        let requiresBefore = declaration.requiresBefore.map { node in
            let program = compilePattern(node, captures: &ignored, at: declaration.location)
            return BoundedPattern(program: program, maxTokens: maxTokens(program))
        }
        let requiresAfter = declaration.requiresAfter.map { compilePattern($0, captures: &ignored, at: declaration.location) }
        checkExpression(declaration.emit, captures: Set(captureNames))
        guard diagnostics.count == before else { return nil }
        return CompiledRule(
            id: declaration.id, type: declaration.type, priority: declaration.priority, order: order,
            examples: declaration.examples, location: declaration.location,
            typeIndex: typeNames.firstIndex(of: declaration.type)!, program: program,
            notBefore: notBefore, notAfter: notAfter, requiresBefore: requiresBefore, requiresAfter: requiresAfter,
            emit: declaration.emit, value: compileValue(declaration.emit, captures: captureNames))
    }

    /// `expression` with capture names turned into slots and producer names into
    /// functions (both already checked by `checkExpression`).
    private func compileValue(_ expression: ValueExpression, captures: [String]) -> CompiledValue {
        switch expression {
        case .literal(let value): return .literal(value)
        case .capture(let name, _): return .capture(captures.firstIndex(of: name)!)
        case .call(let name, let arguments, _):
            return .call(producers.producer(named: name)!, arguments.map { CompiledArgument(label: $0.label, value: compileValue($0.value, captures: captures)) })
        }
    }

    private mutating func compilePattern(_ node: PatternNode, captures: inout [String], at location: RuleSourceLocation) -> PatternProgram {
        let before = diagnostics.count
        var code: [Instruction] = []
        var pool: [Int32] = []
        emit(node, into: &code, pool: &pool, captures: &captures)
        code.append(.match)
        let program = PatternProgram(instructions: code, wordPool: pool, captureNames: captures)
        // An item already reported (an unknown lexicon) leaves a hole: say nothing more about it.
        if diagnostics.count == before, canMatchEmpty(program) {
            diagnostics.append(RuleDiagnostic("expected a pattern that matches at least one token, found one that can match nothing", at: location))
        }
        return program
    }

    private mutating func emit(_ node: PatternNode, into code: inout [Instruction], pool: inout [Int32], captures: inout [String]) {
        switch node {
        case .literal(let words, let mode):
            let ids = words.flatMap { wordIDs($0, mode: mode) }
            if ids.count == 1 {
                code.append(.word(ids[0], mode))
            } else if ids.count > 1 {
                code.append(.words(start: pool.count, count: ids.count, mode))
                pool += ids
            }
        case .regex(let source, let location):
            // One compiled regex (and one cache of its results) per distinct source;
            // the parser compiled it already when it checked it.
            if let index = regexIndex[source] {
                code.append(.token(.regex(index)))
            } else {
                switch RegexCompiler.compile(source) {
                case .success(let regex):
                    regexes.append(regex)
                    regexIndex[source] = regexes.count - 1
                    code.append(.token(.regex(regexes.count - 1)))
                case .failure(let problem):
                    diagnostics.append(RuleDiagnostic("invalid regular expression: \(problem.message)", at: location))
                }
            }
        case .attributes(let tests):
            var kind: TokenKind?
            var shape: TokenShape?
            var lineStart: Bool?
            var dots: Int8 = -1
            var excluded: Int32 = -1
            for test in tests {
                switch test.name {
                case "kind": kind = TokenKind(rawValue: test.value)
                case "shape": shape = TokenShape(rawValue: test.value)
                case "line": lineStart = test.value == "start" ? true : test.value == "inner" ? false : nil
                case "dots":
                    guard let count = Int8(test.value), count >= 0 else {
                        diagnostics.append(RuleDiagnostic("unknown token attribute \(test.name):\(test.value)", at: test.location))
                        continue
                    }
                    dots = count
                    continue
                case "not":
                    guard let index = lexiconIndex[test.value] else {
                        diagnostics.append(RuleDiagnostic("unknown lexicon '\(test.value)' after 'not:'; expected one of \(lexiconIndex.keys.sorted().joined(separator: ", "))",
                                                          at: test.location))
                        continue
                    }
                    excluded = Int32(index)
                    continue
                default: break
                }
                if (test.name == "kind" && kind == nil) || (test.name == "shape" && shape == nil) || (test.name == "line" && lineStart == nil)
                    || !["kind", "shape", "line"].contains(test.name) {
                    diagnostics.append(RuleDiagnostic("unknown token attribute \(test.name):\(test.value)", at: test.location))
                }
            }
            if dots >= 0 {
                // Only number tokens have dots inside: `dots` implies `kind:number` (and indexes the rule by it).
                if let kind, kind != .number {
                    diagnostics.append(RuleDiagnostic("expected 'dots' with kind number (only number tokens have dots inside), found kind:\(kind.rawValue)",
                                                      at: tests.first { $0.name == "kind" }!.location))
                }
                kind = .number
            }
            code.append(.token(excluded < 0 ? .attributes(kind: kind, shape: shape, lineStart: lineStart, dots: dots)
                : .attributesExcluding(kind: kind, shape: shape, lineStart: lineStart, dots: dots, excluded: excluded)))
        case .any:
            code.append(.token(.any))
        case .lexicon(let name, let location):
            guard let index = lexiconIndex[name] else {
                diagnostics.append(RuleDiagnostic("unknown lexicon '\(name)'; expected one of \(lexiconIndex.keys.sorted().joined(separator: ", "))", at: location))
                return
            }
            code.append(.lexicon(index, slot: -1))
        case .span(let type, let location):
            guard let index = typeNames.firstIndex(of: type) else {
                diagnostics.append(RuleDiagnostic("no rule produces type '\(type)'; expected one of \(typeNames.joined(separator: ", "))", at: location))
                return
            }
            code.append(.span(index, slot: -1))
        case .sequence(let items):
            for item in items { emit(item, into: &code, pool: &pool, captures: &captures) }
        case .alternatives(let options):
            var exits: [Int] = []
            for (k, option) in options.enumerated() {
                if k < options.count - 1 {
                    let split = code.count
                    code.append(.split(split + 1, 0))
                    emit(option, into: &code, pool: &pool, captures: &captures)
                    exits.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(split + 1, code.count)
                } else {
                    emit(option, into: &code, pool: &pool, captures: &captures)
                }
            }
            for exit in exits { code[exit] = .jump(code.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min { emit(body, into: &code, pool: &pool, captures: &captures) }
            var splits: [Int] = []
            for _ in min..<Swift.max(min, max) {
                splits.append(code.count)
                code.append(.split(code.count + 1, 0))
                emit(body, into: &code, pool: &pool, captures: &captures)
            }
            for split in splits { code[split] = .split(split + 1, code.count) }
        case .capture(let inner, let name):
            let slot: Int
            if let existing = captures.firstIndex(of: name) { slot = existing } else {
                captures.append(name)
                slot = captures.count - 1
            }
            // The capture's start goes first (inserting it afterwards would move
            // every jump target after it: quadratic on long patterns).
            let start = code.count
            code.append(.captureStart(slot))
            emit(inner, into: &code, pool: &pool, captures: &captures)
            // A capture of a lone lexicon or span item takes that item's value,
            // unless the item is captured already (`(<org_unit>=u)=t`: `u` keeps the
            // span's value and `t` gets the text). Nothing jumps to a lone item,
            // so it can move back over the capture start.
            if code.count == start + 2 {
                switch code[start + 1] {
                case .lexicon(let index, let inner) where inner < 0:
                    code.removeLast()
                    code[start] = .lexicon(index, slot: slot)
                    return
                case .span(let type, let inner) where inner < 0:
                    code.removeLast()
                    code[start] = .span(type, slot: slot)
                    return
                default: break
                }
            }
            code.append(.captureEnd(slot))
        case .glued(let inner):
            code.append(.glued)
            emit(inner, into: &code, pool: &pool, captures: &captures)
        }
    }

    private func canMatchEmpty(_ program: PatternProgram) -> Bool {
        var seen = Set<Int>()
        func reaches(_ pc: Int) -> Bool {
            guard pc < program.instructions.count, seen.insert(pc).inserted else { return false }
            switch program.instructions[pc] {
            case .match: return true
            case .glued, .captureStart, .captureEnd: return reaches(pc + 1)
            case .split(let a, let b): return reaches(a) || reaches(b)
            case .jump(let t): return reaches(t)
            default: return false
            }
        }
        return reaches(0)
    }

    /// The most tokens `program` can consume (spans and long repetitions count as 8).
    private func maxTokens(_ program: PatternProgram) -> Int {
        var memo: [Int: Int] = [:]
        func longest(_ pc: Int, _ depth: Int) -> Int {
            guard pc < program.instructions.count, depth < 64 else { return 0 }
            if let known = memo[pc] { return known }
            let result: Int
            switch program.instructions[pc] {
            case .match: result = 0
            case .token: result = 1 + longest(pc + 1, depth + 1)
            case .word: result = 1 + longest(pc + 1, depth + 1)
            case .words(_, let count, _): result = count + longest(pc + 1, depth + 1)
            case .lexicon(let index, _): result = lexicons[index].trie.maxLength + longest(pc + 1, depth + 1)
            case .span: result = 8 + longest(pc + 1, depth + 1)
            case .glued, .captureStart, .captureEnd: result = longest(pc + 1, depth + 1)
            case .split(let a, let b): result = max(longest(a, depth + 1), longest(b, depth + 1))
            case .jump(let t): result = longest(t, depth + 1)
            }
            memo[pc] = result
            return result
        }
        return min(longest(0, 0), 16)
    }

    private mutating func checkExpression(_ expression: ValueExpression, captures: Set<String>) {
        switch expression {
        case .literal: break
        case .capture(let name, let location):
            if !captures.contains(name) {
                diagnostics.append(RuleDiagnostic("unknown capture '\(name)'; the pattern captures \(captures.sorted().joined(separator: ", "))", at: location))
            }
        case .call(let name, let arguments, let location):
            if producers.producer(named: name) == nil {
                diagnostics.append(RuleDiagnostic("unknown producer '\(name)'; expected one of \(producers.catalog.map(\.name).joined(separator: ", "))", at: location))
            }
            for argument in arguments { checkExpression(argument.value, captures: captures) }
        }
    }

    // MARK: Stages

    private mutating func orderStages() {
        var dependencies = [Set<Int>](repeating: [], count: typeNames.count)
        for rule in rules {
            for program in [rule.program] + rule.notBefore.map(\.program) + rule.notAfter
                + rule.requiresBefore.map(\.program) + rule.requiresAfter {
                for instruction in program.instructions {
                    if case .span(let type, _) = instruction { dependencies[rule.typeIndex].insert(type) }
                }
            }
        }
        var order: [Int] = []
        var state = [Int](repeating: 0, count: typeNames.count)  // 0 new, 1 visiting, 2 done
        func visit(_ type: Int, _ path: [Int]) {
            if state[type] == 2 { return }
            if state[type] == 1 {
                let cycle = (path.drop { $0 != type } + [type]).map { typeNames[$0] }.joined(separator: " -> ")
                let rule = rules.first { $0.typeIndex == type }
                diagnostics.append(RuleDiagnostic("types depend on each other in a cycle: \(cycle)",
                                                  at: rule?.location ?? RuleSourceLocation(file: "<rules>", line: 0, column: 0)))
                return
            }
            state[type] = 1
            for dependency in dependencies[type].sorted() where dependency != type { visit(dependency, path + [type]) }
            state[type] = 2
            order.append(type)
        }
        for type in 0..<typeNames.count { visit(type, []) }
        stages = order.map { type in
            let members = rules.indices.filter { rules[$0].typeIndex == type }
            var byWord: [LiteralMode: [[Int]]] = [:]
            for mode in [LiteralMode.lower, .key, .exact] {
                byWord[mode] = [[Int]](repeating: [], count: vocabularies[mode]!.count)
            }
            var byKind = [[Int]](repeating: [], count: TokenKind.allCases.count)
            var byKindGlued = byKind
            var bySpan = [[Int]](repeating: [], count: typeNames.count)
            var unindexed: [Int] = []
            for member in members {
                let triggers = rules[member].program.firstTriggers { index in
                    let mode = LiteralMode(self.lexicons[index].mode)
                    return self.lexicons[index].trie.firstWords.map { .word($0, mode) }
                }
                if triggers.contains(.anything) {
                    unindexed.append(member)
                    continue
                }
                for trigger in triggers {
                    switch trigger {
                    case .word(let id, let mode): byWord[mode]![Int(id)].append(member)
                    case .kind(let kind):
                        if rules[member].needsGluedSecondToken { byKindGlued[kind.ordinal].append(member) } else { byKind[kind.ordinal].append(member) }
                    case .span(let t): bySpan[t].append(member)
                    case .anything: break
                    }
                }
            }
            return Stage(type: type, byLower: RuleTable(byWord[.lower]!), byKey: RuleTable(byWord[.key]!), byExact: RuleTable(byWord[.exact]!),
                         byKind: RuleTable(byKind), byKindGlued: RuleTable(byKindGlued), bySpan: RuleTable(bySpan),
                         unindexed: unindexed.map { Int32($0) },
                         spanTriggers: bySpan.indices.filter { !bySpan[$0].isEmpty },
                         selfReferencing: dependencies[type].contains(type))
        }
    }
}

extension TokenKind {
    /// A small index for per-kind tables.
    var ordinal: Int {
        switch self {
        case .word: return 0
        case .number: return 1
        case .punctuation: return 2
        case .symbol: return 3
        }
    }
}

extension LiteralMode {
    init(_ mode: LexiconMatchMode) {
        switch mode {
        case .lower: self = .lower
        case .key: self = .key
        case .exact: self = .exact
        }
    }
}

/// The words of rule and lexicon phrases, as documents have them: normalized
/// and tokenized by the same code, in the units each literal mode compares.
enum PhraseWords {
    /// One token of a phrase in each literal mode's units.
    struct Word: Equatable {
        let lower: [UInt16]
        let key: [UInt16]
        let exact: [UInt16]
    }

    /// Each phrase's words. The phrases are normalized and tokenized together,
    /// one per line of a single text (start-up cost is per call, not per
    /// word): no normalization step and no token crosses a line break, so each
    /// phrase gets the words it gets alone. A phrase with a line break in it,
    /// or a text that cannot be tokenized, is done alone.
    /// With `mode`, only the units that mode needs are filled (an exact-mode word also
    /// needs its lower case); the others are left empty.
    static func words(of phrases: [String], normalizer: Normalizer, tokenizer: Tokenizer, mode: LiteralMode? = nil) -> [[Word]] {
        guard phrases.count > 1, !phrases.contains(where: { $0.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}" } }),
              let tokenized = try? tokenizer.tokenize(normalizer.normalize(phrases.joined(separator: "\n"))) else {
            return phrases.map { phrase in
                guard let tokenized = try? tokenizer.tokenize(normalizer.normalize(phrase)) else { return [] }
                return tokenized.tokens.map { word($0, of: tokenized, mode: mode) }
            }
        }
        // Where each phrase starts in the joined text (UTF-16 offsets, as tokens' original ranges).
        var starts: [Int] = []
        var offset = 0
        for phrase in phrases {
            starts.append(offset)
            offset += phrase.utf16.count + 1
        }
        var result = [[Word]](repeating: [], count: phrases.count)
        var phrase = 0
        for token in tokenized.tokens {
            while phrase + 1 < starts.count, starts[phrase + 1] <= token.originalRange.lowerBound { phrase += 1 }
            result[phrase].append(word(token, of: tokenized, mode: mode))
        }
        return result
    }

    private static func word(_ token: Token, of text: TokenizedText, mode: LiteralMode?) -> Word {
        var lower: [UInt16] = [], key: [UInt16] = [], exact: [UInt16] = []
        if mode != .key { TokenUnits.append(token, of: text, mode: .lower, to: &lower) }
        if mode == nil || mode == .key { TokenUnits.append(token, of: text, mode: .key, to: &key) }
        if mode == nil || mode == .exact { TokenUnits.append(token, of: text, mode: .exact, to: &exact) }
        return Word(lower: lower, key: key, exact: exact)
    }
}

/// The code units a token is compared by, in each literal mode.
enum TokenUnits {
    static func append(_ token: Token, of text: TokenizedText, mode: LiteralMode, to buffer: inout [UInt16]) {
        switch mode {
        case .lower: FoldedKey.appendLowercased(text.text.units[token.range], to: &buffer)
        case .key: buffer.append(contentsOf: text.keyUnits[token.keyRange])
        case .exact: buffer.append(contentsOf: text.text.units[token.range])
        }
    }
}
