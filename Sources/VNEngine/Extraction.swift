import VNRules
import VNText

/// An extracted entity.
public struct Entity: Sendable, Equatable {
    /// Its type ("money", "quantity", ...).
    public var type: String
    /// Unicode scalar offsets into the original text, end exclusive.
    public var start: Int
    /// End offset (exclusive).
    public var end: Int
    /// Exactly the original text it covers.
    public var text: String
    /// Its value.
    public var value: JSONValue
    /// The id of the rule that produced it.
    public var rule: String
    /// Its tokens, `startToken..<endToken`.
    public var tokens: Range<Int>
    /// Doubts about the entity a pass found ("Thứ ba" written before a
    /// Wednesday); output as the entity's `warnings` field when not empty.
    public var warnings: [String]

    /// Creates an entity.
    public init(type: String, start: Int, end: Int, text: String, value: JSONValue, rule: String, tokens: Range<Int>,
                warnings: [String] = []) {
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.rule = rule
        self.tokens = tokens
        self.warnings = warnings
    }
}

/// A candidate match and what became of it, for `vnextract explain`.
public struct Candidate: Sendable {
    /// What became of a candidate.
    public enum Outcome: Sendable, Equatable {
        /// Chosen.
        case won
        /// Lost to an overlapping candidate of the same type (its index), for `reason`.
        case lost(to: Int, reason: String)
        /// The producer rejected the match (returned no value).
        case rejected
        /// A not-before / not-after pattern matched.
        case excluded(String)
    }

    /// The rule that matched.
    public let compiledRule: CompiledRule
    /// The rule's id.
    public var rule: String { compiledRule.id }
    /// The type.
    public var type: String { compiledRule.type }
    /// The rule's priority.
    public var priority: Int { compiledRule.priority }
    /// Tokens covered.
    public var tokens: Range<Int>
    /// The value (null if rejected).
    public var value: JSONValue
    /// What happened.
    public var outcome: Outcome
    /// The stage pass it was found in (1 for most; more for self-referencing types).
    public var pass: Int
    var ruleOrder: Int { compiledRule.order }
}

/// The result of extracting from one document.
public struct ExtractionResult: Sendable {
    /// The public entities, sorted by start then longer first.
    public var entities: [Entity]
    /// Every candidate of every type (including helper types such as `number`), for explanations.
    public var candidates: [Candidate]
    /// The tokens the rules ran over.
    public var tokenized: TokenizedText
}

/// What resolution orders matches by: longest, then higher priority, then earlier start,
/// then earlier rule, then the order found.
private struct ResolutionKey {
    let length: Int
    let priority: Int
    let start: Int
    let rule: Int
    let index: Int
}

/// Runs a ``RuleSet`` over documents. Not thread-safe (it reuses a tokenizer): one per thread.
public final class Extractor {
    /// The compiled rules.
    public let ruleSet: RuleSet
    /// The types that are output (others, such as `number`, only feed other rules).
    public let outputTypes: Set<String>
    private let normalizer: Normalizer
    private let tokenizer: Tokenizer
    private let regexCache: RegexCache
    /// What runs over each document's entities after the rules.
    public let passes: [any DocumentPass]
    /// Whether values keep their internal "_" fields (for rule examples, which
    /// test what a rule emits, before any pass).
    public let keepsInternalKeys: Bool
    /// Whether rules are skipped where what follows their first item rules
    /// them out (``SecondTokenFilters``); off only in tests, which check the
    /// filters never change what is found.
    var usesSecondTokenFilters = true
    /// Whether the start context of the rules that ``RuleSet/checksStartFirst``
    /// is checked before the rule is run at a position instead of on each
    /// match it finds there; off only in tests, which check it never changes
    /// what is found. With candidates kept (`explain`) the matches are found
    /// first so that every excluded one can be shown.
    var checksStartContextFirst = true
    /// Whether the matcher remembers every instruction it reaches instead of
    /// only the ``RuleSet/ruleMemoPoints``; on only in tests, which check the
    /// points never change what is found.
    var memoizesEveryInstruction = false
    /// One stage pass's matches, reused from pass to pass and document to document.
    private var matchBuffer = MatchBuffer()

    /// The types OUTPUT.md defines.
    public static let contractTypes: Set<String> = ["money", "quantity", "date", "organization"]

    /// An extractor for `ruleSet`, emitting `outputTypes`, running `passes` over each document's entities.
    public init(ruleSet: RuleSet, outputTypes: Set<String> = Extractor.contractTypes,
                normalizer: Normalizer = Normalizer(), passes: [any DocumentPass] = [],
                keepsInternalKeys: Bool = false) throws(TextError) {
        self.ruleSet = ruleSet
        self.passes = passes
        self.keepsInternalKeys = keepsInternalKeys
        self.outputTypes = outputTypes
        self.normalizer = normalizer
        // No rule looks at sentence boundaries yet: skip that ICU pass.
        tokenizer = try Tokenizer(splitsSentences: false)
        regexCache = RegexCache(regexes: ruleSet.regexes)
    }

    /// Extracts entities from decoded text (UTF-16).
    public func extract(_ original: [UInt16], keepCandidates: Bool = false) throws(TextError) -> ExtractionResult {
        let tokenized = try tokenizer.tokenize(normalizer.normalize(original))
        return extract(tokenized, keepCandidates: keepCandidates)
    }

    /// Extracts entities from a string.
    public func extract(_ text: String, keepCandidates: Bool = false) throws(TextError) -> ExtractionResult {
        try extract(Array(text.utf16), keepCandidates: keepCandidates)
    }

    /// Extracts entities from tokenized text.
    public func extract(_ tokenized: TokenizedText, keepCandidates: Bool = false) -> ExtractionResult {
        let document = MatchDocument(tokenized, vocabularies: ruleSet.vocabularies)
        regexCache.begin(tokenCount: document.count)
        var chart = [SpanTable](repeating: SpanTable(), count: ruleSet.typeNames.count)
        var winners: [(rule: Int, span: ChartSpan)] = []
        var allCandidates: [Candidate] = []
        let startsByStage = startPositions(document)
        for (stageIndex, stage) in ruleSet.stages.enumerated() {
            var previous: [(rule: Int, span: ChartSpan)] = []
            let passes = stage.selfReferencing ? 4 : 1
            for pass in 1...passes {
                let runner = PatternRunner(document: document, ruleSet: ruleSet, chart: chart, regexCache: regexCache)
                var candidates: [Candidate] = []
                matchBuffer.removeAll()
                let checksStarts = checksStartContextFirst && !keepCandidates
                findMatches(stage, startsByStage[stageIndex], runner, checkingStarts: checksStarts, into: &matchBuffer)
                let chosen = resolve(matchBuffer, runner, pass: pass, explain: keepCandidates, startsChecked: checksStarts,
                                     into: &candidates)
                let stable = chosen.count == previous.count
                    && zip(chosen, previous).allSatisfy { $0.rule == $1.rule && $0.span.start == $1.span.start && $0.span.end == $1.span.end }
                // (A closure, not a key path: a key path costs ~400 instructions a span.)
                if ruleSet.spansAreRead[stage.type] { chart[stage.type] = SpanTable(chosen.map { $0.span }, tokenCount: document.count) }
                previous = chosen
                if keepCandidates && (stable || pass == passes) {
                    // `lost(to:)` indexes this stage's list; shift it into the combined one.
                    let offset = allCandidates.count
                    allCandidates += candidates.map { candidate in
                        var shifted = candidate
                        if case .lost(let winner, let reason) = candidate.outcome { shifted.outcome = .lost(to: winner + offset, reason: reason) }
                        return shifted
                    }
                }
                if stable { break }
            }
            if outputTypes.contains(ruleSet.typeNames[stage.type]) { winners += previous }
        }
        var entities = winners.map { entity(rule: $0.rule, span: $0.span, tokenized) }
        entities.sort { ($0.start, -$0.end, $0.type) < ($1.start, -$1.end, $1.type) }
        for pass in passes { pass.apply(to: &entities, in: tokenized) }
        if !keepsInternalKeys {
            for k in entities.indices { entities[k].value = entities[k].value.removingInternalKeys }
        }
        return ExtractionResult(entities: entities, candidates: allCandidates, tokenized: tokenized)
    }

    private func entity(rule: Int, span: ChartSpan, _ tokenized: TokenizedText) -> Entity {
        let first = tokenized.tokens[span.start], last = tokenized.tokens[span.end - 1]
        let scalars = tokenized.text.originalScalars
        let start = scalars.scalarOffset(first.originalRange.lowerBound)
        let end = scalars.scalarOffset(last.originalRange.upperBound)
        let text = String(utf16CodeUnits: tokenized.text.original[first.originalRange.lowerBound..<last.originalRange.upperBound])
        let compiled = ruleSet.rules[rule]
        return Entity(type: compiled.type, start: start, end: end, text: text, value: span.value, rule: compiled.id,
                      tokens: span.start..<span.end)
    }

    // MARK: Matches

    /// Per stage, the positions where a word or kind trigger of one of its rules
    /// stands (every position for a stage with unindexed rules), found in one
    /// pass over the tokens with the rule set's stage masks.
    private func startPositions(_ document: MatchDocument) -> [[Int32]] {
        let stages = ruleSet.stages
        var starts = [[Int32]](repeating: [], count: stages.count)
        let tokens = document.text.tokens
        for position in 0..<document.count {
            var mask = ruleSet.kindStageMasks[tokens[position].kind.ordinal]
            if let id = document.lowerIDs[position] { mask |= ruleSet.lowerStageMasks[Int(id)] }
            if let id = document.keyIDs[position] { mask |= ruleSet.keyStageMasks[Int(id)] }
            if let id = document.exactIDs[position] { mask |= ruleSet.exactStageMasks[Int(id)] }
            if position + 1 < document.count && !tokens[position + 1].spaceBefore {
                mask |= ruleSet.kindGluedStageMasks[tokens[position].kind.ordinal]
            }
            if mask == ~0 {
                for stage in stages.indices { starts[stage].append(Int32(position)) }
                continue
            }
            while mask != 0 {
                starts[mask.trailingZeroBitCount].append(Int32(position))
                mask &= mask - 1
            }
        }
        for (index, stage) in stages.enumerated() where !stage.unindexed.isEmpty {
            starts[index] = (0..<Int32(document.count)).map { $0 }
        }
        return starts
    }

    /// Every match of every rule of `stage`, at its word and kind trigger positions `starts`
    /// and where a span it starts with begins, into `buffer`; with `checkingStarts`, not
    /// where the start context of a rule that ``RuleSet/checksStartFirst`` rules the position out.
    private func findMatches(_ stage: Stage, _ starts: [Int32], _ runner: PatternRunner, checkingStarts: Bool,
                             into buffer: inout MatchBuffer) {
        var positions = starts
        if !stage.spanTriggers.isEmpty {
            for type in stage.spanTriggers {
                for span in runner.chart[type].all { positions.append(Int32(span.start)) }
            }
            positions.sort()
        }
        ruleSet.ruleCode.withUnsafeBufferPointer { instructions in
            ruleSet.ruleWordPool.withUnsafeBufferPointer { pool in
                let points = memoizesEveryInstruction ? [Bool](repeating: true, count: ruleSet.ruleCode.count) : ruleSet.ruleMemoPoints
                points.withUnsafeBufferPointer { memoPoints in
                    findMatches(stage, positions, runner,
                                PatternRunner.Code(instructions: instructions, pool: pool, memoPoints: memoPoints),
                                checkingStarts: checkingStarts, into: &buffer)
                }
            }
        }
    }

    private func findMatches(_ stage: Stage, _ positions: [Int32], _ runner: PatternRunner, _ code: PatternRunner.Code,
                             checkingStarts: Bool, into buffer: inout MatchBuffer) {
        let document = runner.document
        var tried = [Int](repeating: -1, count: ruleSet.rules.count)
        var rulesHere: [Int] = []
        let tokens = document.text.tokens
        let filters = ruleSet.secondTokenFilters
        var previous = -1
        for start in positions {
            let position = Int(start)
            if position == previous { continue }  // a position listed twice (a trigger and a span)
            previous = position
            rulesHere.removeAll(keepingCapacity: true)
            func add(_ table: RuleTable, _ key: Int) {
                for k in table.range(key) {
                    let rule = Int(table.rules[k])
                    if tried[rule] != position {
                        tried[rule] = position
                        rulesHere.append(rule)
                    }
                }
            }
            if let id = document.lowerIDs[position] { add(stage.byLower, Int(id)) }
            if let id = document.keyIDs[position] { add(stage.byKey, Int(id)) }
            if let id = document.exactIDs[position] { add(stage.byExact, Int(id)) }
            let kind = tokens[position].kind.ordinal
            add(stage.byKind, kind)
            if position + 1 < document.count && !tokens[position + 1].spaceBefore { add(stage.byKindGlued, kind) }
            for type in stage.spanTriggers where runner.chart[type].hasSpan(at: position) { add(stage.bySpan, type) }
            for rule in stage.unindexed where tried[Int(rule)] != position {
                tried[Int(rule)] = position
                rulesHere.append(Int(rule))
            }
            for ruleIndex in rulesHere where !usesSecondTokenFilters || runner.secondTokenAllows(ruleIndex, at: position, filters) {
                if checkingStarts && ruleSet.checksStartFirst[ruleIndex]
                    && startExclusion(ruleSet.rules[ruleIndex], position, runner) != nil { continue }
                runner.findMatches(code, rule: ruleIndex, at: position, into: &buffer)
            }
        }
    }

    /// Why a match of `rule` over `tokens` is excluded by its context patterns,
    /// or nil; `startChecked`: the start patterns were checked already.
    private func exclusion(_ rule: CompiledRule, _ tokens: Range<Int>, _ runner: PatternRunner, startChecked: Bool) -> String? {
        for program in rule.notAfter where tokens.upperBound < runner.document.count {
            if runner.matchesAny(program, at: tokens.upperBound) { return "a not-after pattern matches after it" }
        }
        if !startChecked && notBeforeMatches(rule, tokens.lowerBound, runner) { return Self.notBeforeReason }
        for pattern in rule.requiresAfter where tokens.upperBound >= runner.document.count || !runner.matchesAny(pattern, at: tokens.upperBound) {
            return "a requires-after pattern does not match after it"
        }
        if !startChecked && requiresBeforeFails(rule, tokens.lowerBound, runner) { return Self.requiresBeforeReason }
        return nil
    }

    /// Why a match of `rule` starting at token `start` is excluded by what
    /// precedes it (`not-before`, `requires-before`), or nil.
    private func startExclusion(_ rule: CompiledRule, _ start: Int, _ runner: PatternRunner) -> String? {
        if notBeforeMatches(rule, start, runner) { return Self.notBeforeReason }
        if requiresBeforeFails(rule, start, runner) { return Self.requiresBeforeReason }
        return nil
    }

    private static let notBeforeReason = "a not-before pattern matches before it"
    private static let requiresBeforeReason = "a requires-before pattern does not match before it"

    /// Whether one of `rule`'s `not-before` patterns ends right before token `start`.
    private func notBeforeMatches(_ rule: CompiledRule, _ start: Int, _ runner: PatternRunner) -> Bool {
        rule.notBefore.contains { endsAt(start, $0, runner) }
    }

    /// Whether one of `rule`'s `requires-before` patterns does not end right before token `start`.
    private func requiresBeforeFails(_ rule: CompiledRule, _ start: Int, _ runner: PatternRunner) -> Bool {
        rule.requiresBefore.contains { !endsAt(start, $0, runner) }
    }

    /// Whether `pattern` matches some tokens ending exactly at token `end`.
    private func endsAt(_ end: Int, _ pattern: BoundedPattern, _ runner: PatternRunner) -> Bool {
        var start = end - 1
        let lowest = max(0, end - pattern.maxTokens)
        while start >= lowest {
            if runner.matchesAny(pattern.program, at: start, endingAt: end) { return true }
            start -= 1
        }
        return false
    }

    // MARK: Values

    /// The value of `expression` for a match whose captures start at `captures` in `buffer`;
    /// nil when a producer rejects the match.
    private func evaluate(_ expression: CompiledValue, _ buffer: MatchBuffer, captures: Int, _ runner: PatternRunner) -> JSONValue? {
        switch expression {
        case .literal(let value): return value
        case .capture(let slot): return runner.value(of: buffer.captures[captures + slot])
        case .call(let producer, let list):
            var call = ProducerArguments()
            let labeledCount = list.reduce(0) { $0 + ($1.label == nil ? 0 : 1) }
            call.labeled.reserveCapacity(labeledCount)
            call.positional.reserveCapacity(list.count - labeledCount)
            for argument in list {
                guard let value = evaluate(argument.value, buffer, captures: captures, runner) else { return nil }
                if let label = argument.label { call.labeled.append((label, value)) } else { call.positional.append(value) }
            }
            return producer(call)
        }
    }

    private func evaluate(_ raw: RawMatch, _ buffer: MatchBuffer, _ runner: PatternRunner) -> JSONValue? {
        evaluate(ruleSet.rules[raw.rule].value, buffer, captures: raw.captureOffset, runner)
    }

    // MARK: Resolution

    /// Chooses non-overlapping matches, greedily in this order: longest span,
    /// then higher priority, then earlier start, then earlier rule, then the
    /// order the matcher found them in (earlier alternatives first). A match is
    /// checked against its rule's exclusions and given its value only when it
    /// is reached and overlaps nothing chosen, so losers cost nothing; an
    /// excluded or rejected match leaves room for the next (a shorter match of
    /// the same rule, or another rule's). With `explain`, every match becomes a
    /// ``Candidate`` saying what became of it.
    private func resolve(_ buffer: MatchBuffer, _ runner: PatternRunner, pass: Int, explain: Bool, startsChecked: Bool,
                         into candidates: inout [Candidate]) -> [(rule: Int, span: ChartSpan)] {
        let matches = buffer.matches
        guard !matches.isEmpty else { return [] }
        let rules = ruleSet.rules
        // Sort keys made once per match (a rule's priority read per comparison costs a
        // reference count on the rule each time).
        var keys = matches.indices.map { index in
            ResolutionKey(length: matches[index].length, priority: rules[matches[index].rule].priority,
                          start: matches[index].start, rule: matches[index].rule, index: index)
        }
        keys.sort { x, y in
            if x.length != y.length { return x.length > y.length }
            if x.priority != y.priority { return x.priority > y.priority }
            if x.start != y.start { return x.start < y.start }
            if x.rule != y.rule { return x.rule < y.rule }
            return x.index < y.index
        }
        let order = keys.map { $0.index }
        var owner = [Int](repeating: -1, count: runner.document.count)  // token → chosen index
        var chosen: [(rule: Int, span: ChartSpan, candidate: Int)] = []
        for index in order {
            let raw = matches[index]
            let rule = rules[raw.rule]
            let tokens = raw.start..<raw.end
            if let blocker = tokens.first(where: { owner[$0] >= 0 }).map({ owner[$0] }) {
                if explain {
                    let winner = candidates[blocker]
                    let reason = winner.tokens.count > tokens.count ? "a longer match"
                        : winner.priority > rule.priority ? "higher priority"
                        : winner.tokens.lowerBound < raw.start ? "an earlier start" : "an earlier rule"
                    let value = evaluate(raw, buffer, runner) ?? .null
                    candidates.append(Candidate(compiledRule: rule, tokens: tokens, value: value, outcome: .lost(to: blocker, reason: reason), pass: pass))
                }
                continue
            }
            if let reason = exclusion(rule, tokens, runner, startChecked: startsChecked && ruleSet.checksStartFirst[raw.rule]) {
                if explain { candidates.append(Candidate(compiledRule: rule, tokens: tokens, value: .null, outcome: .excluded(reason), pass: pass)) }
                continue
            }
            guard let value = evaluate(raw, buffer, runner) else {
                if explain { candidates.append(Candidate(compiledRule: rule, tokens: tokens, value: .null, outcome: .rejected, pass: pass)) }
                continue
            }
            let chosenIndex: Int
            if explain {
                chosenIndex = candidates.count
                candidates.append(Candidate(compiledRule: rule, tokens: tokens, value: value, outcome: .won, pass: pass))
            } else {
                chosenIndex = chosen.count
            }
            for token in tokens { owner[token] = chosenIndex }
            chosen.append((raw.rule, ChartSpan(start: raw.start, end: raw.end, value: value), chosenIndex))
        }
        return chosen.sorted { $0.span.start < $1.span.start }.map { ($0.rule, $0.span) }
    }
}
