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

    /// Creates an entity.
    public init(type: String, start: Int, end: Int, text: String, value: JSONValue, rule: String, tokens: Range<Int>) {
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.rule = rule
        self.tokens = tokens
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

/// Runs a ``RuleSet`` over documents. Not thread-safe (it reuses a tokenizer): one per thread.
public final class Extractor {
    /// The compiled rules.
    public let ruleSet: RuleSet
    /// The types that are output (others, such as `number`, only feed other rules).
    public let outputTypes: Set<String>
    private let normalizer: Normalizer
    private let tokenizer: Tokenizer
    private let regexCache: RegexCache

    /// The types OUTPUT.md defines.
    public static let contractTypes: Set<String> = ["money", "quantity", "date", "organization"]

    /// An extractor for `ruleSet`, emitting `outputTypes`.
    public init(ruleSet: RuleSet, outputTypes: Set<String> = Extractor.contractTypes,
                normalizer: Normalizer = Normalizer()) throws(TextError) {
        self.ruleSet = ruleSet
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
        for stage in ruleSet.stages {
            var previous: [(rule: Int, span: ChartSpan)] = []
            let passes = stage.selfReferencing ? 4 : 1
            for pass in 1...passes {
                let runner = PatternRunner(document: document, ruleSet: ruleSet, chart: chart, regexCache: regexCache)
                var candidates: [Candidate] = []
                let chosen = resolve(findMatches(stage, runner), runner, pass: pass, explain: keepCandidates, into: &candidates)
                let stable = chosen.count == previous.count
                    && zip(chosen, previous).allSatisfy { $0.rule == $1.rule && $0.span.start == $1.span.start && $0.span.end == $1.span.end }
                chart[stage.type] = SpanTable(chosen.map(\.span), tokenCount: document.count)
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
        return ExtractionResult(entities: entities, candidates: allCandidates, tokenized: tokenized)
    }

    private func entity(rule: Int, span: ChartSpan, _ tokenized: TokenizedText) -> Entity {
        let first = tokenized.tokens[span.start], last = tokenized.tokens[span.end - 1]
        let scalars = tokenized.text.originalScalars
        let start = scalars.scalarOffset(first.originalRange.lowerBound)
        let end = scalars.scalarOffset(last.originalRange.upperBound)
        let text = String(decoding: tokenized.text.original[first.originalRange.lowerBound..<last.originalRange.upperBound], as: UTF16.self)
        let compiled = ruleSet.rules[rule]
        return Entity(type: compiled.type, start: start, end: end, text: text, value: span.value, rule: compiled.id,
                      tokens: span.start..<span.end)
    }

    // MARK: Matches

    /// A pattern match not yet checked against exclusions nor given a value.
    private struct RawMatch {
        let rule: CompiledRule
        let start: Int
        let match: PatternMatch
        var length: Int { match.end - start }
    }

    /// Every match of every rule of `stage`, at every position where a trigger allows one.
    private func findMatches(_ stage: Stage, _ runner: PatternRunner) -> [RawMatch] {
        let document = runner.document
        var found: [RawMatch] = []
        var tried = [Int](repeating: -1, count: ruleSet.rules.count)
        var rulesHere: [Int] = []
        let lowerRules = stage.byWord[.lower]!, keyRules = stage.byWord[.key]!, exactRules = stage.byWord[.exact]!
        // Where a span some rule here starts with begins (marked once, not looked up per position).
        var spanStartsHere = [Bool](repeating: false, count: document.count)
        for type in stage.spanTriggers {
            for span in runner.chart[type].all { spanStartsHere[span.start] = true }
        }
        let tokens = document.text.tokens
        for position in 0..<document.count {
            rulesHere.removeAll(keepingCapacity: true)
            func add(_ list: [Int]) {
                for rule in list where tried[rule] != position {
                    tried[rule] = position
                    rulesHere.append(rule)
                }
            }
            if let id = document.lowerIDs[position] { add(lowerRules[Int(id)]) }
            if let id = document.keyIDs[position] { add(keyRules[Int(id)]) }
            if let id = document.exactIDs[position] { add(exactRules[Int(id)]) }
            add(stage.byKind[tokens[position].kind.ordinal])
            if spanStartsHere[position] {
                for type in stage.spanTriggers where !runner.chart[type].spans(at: position).isEmpty { add(stage.bySpan[type]) }
            }
            if !stage.unindexed.isEmpty { add(stage.unindexed) }
            if rulesHere.isEmpty { continue }
            let nextIsGlued = position + 1 < document.count && !tokens[position + 1].spaceBefore
            for ruleIndex in rulesHere {
                let rule = ruleSet.rules[ruleIndex]
                if !nextIsGlued && rule.needsGluedSecondToken { continue }
                for match in runner.matches(rule.program, at: position) where match.end > position {
                    found.append(RawMatch(rule: rule, start: position, match: match))
                }
            }
        }
        return found
    }

    private func exclusion(_ rule: CompiledRule, _ tokens: Range<Int>, _ runner: PatternRunner) -> String? {
        for program in rule.notAfter where tokens.upperBound < runner.document.count {
            if runner.matchesAny(program, at: tokens.upperBound) { return "a not-after pattern matches after it" }
        }
        for pattern in rule.notBefore where endsAt(tokens.lowerBound, pattern, runner) {
            return "a not-before pattern matches before it"
        }
        for pattern in rule.requiresAfter where tokens.upperBound >= runner.document.count || !runner.matchesAny(pattern, at: tokens.upperBound) {
            return "a requires-after pattern does not match after it"
        }
        for pattern in rule.requiresBefore where !endsAt(tokens.lowerBound, pattern, runner) {
            return "a requires-before pattern does not match before it"
        }
        return nil
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

    private struct Arguments {
        let program: PatternProgram
        let match: PatternMatch
        let document: MatchDocument

        func value(of name: String) -> JSONValue {
            guard let slot = program.captureNames.firstIndex(of: name) else { return .null }
            let capture = match.captures[slot]
            if let value = capture.value { return value }
            guard capture.start >= 0, capture.end > capture.start else { return .null }
            var text = ""
            for k in capture.start..<capture.end {
                let token = document.text.tokens[k]
                if k > capture.start && token.spaceBefore { text += " " }
                text += document.text.normalizedText(of: token)
            }
            return .string(text)
        }
    }

    private func evaluate(_ expression: ValueExpression, _ arguments: Arguments) -> JSONValue? {
        switch expression {
        case .literal(let value): return value
        case .capture(let name, _): return arguments.value(of: name)
        case .call(let name, let list, _):
            var call = ProducerArguments()
            for argument in list {
                guard let value = evaluate(argument.value, arguments) else { return nil }
                if let label = argument.label { call.labeled.append((label, value)) } else { call.positional.append(value) }
            }
            return ruleSet.producers.producer(named: name)?(call)
        }
    }

    // MARK: Resolution

    /// Chooses non-overlapping matches, greedily in this order: longest span,
    /// then higher priority, then earlier start, then earlier rule. A match is
    /// checked against its rule's exclusions and given its value only when it
    /// is reached and overlaps nothing chosen, so losers cost nothing; an
    /// excluded or rejected match leaves room for the next (a shorter match of
    /// the same rule, or another rule's). With `explain`, every match becomes a
    /// ``Candidate`` saying what became of it.
    private func resolve(_ matches: [RawMatch], _ runner: PatternRunner, pass: Int, explain: Bool,
                         into candidates: inout [Candidate]) -> [(rule: Int, span: ChartSpan)] {
        let order = matches.indices.sorted { a, b in
            let x = matches[a], y = matches[b]
            if x.length != y.length { return x.length > y.length }
            if x.rule.priority != y.rule.priority { return x.rule.priority > y.rule.priority }
            if x.start != y.start { return x.start < y.start }
            return x.rule.order < y.rule.order
        }
        var owner = [Int](repeating: -1, count: runner.document.count)  // token → chosen candidate index
        var chosen: [(rule: Int, span: ChartSpan, candidate: Int)] = []
        for index in order {
            let raw = matches[index]
            let tokens = raw.start..<raw.match.end
            if let blocker = tokens.first(where: { owner[$0] >= 0 }).map({ owner[$0] }) {
                if explain {
                    let winner = candidates[blocker]
                    let reason = winner.tokens.count > tokens.count ? "a longer match"
                        : winner.priority > raw.rule.priority ? "higher priority"
                        : winner.tokens.lowerBound < raw.start ? "an earlier start" : "an earlier rule"
                    let value = evaluate(raw.rule.emit, Arguments(program: raw.rule.program, match: raw.match, document: runner.document)) ?? .null
                    candidates.append(Candidate(compiledRule: raw.rule, tokens: tokens, value: value, outcome: .lost(to: blocker, reason: reason), pass: pass))
                }
                continue
            }
            if let reason = exclusion(raw.rule, tokens, runner) {
                if explain { candidates.append(Candidate(compiledRule: raw.rule, tokens: tokens, value: .null, outcome: .excluded(reason), pass: pass)) }
                continue
            }
            guard let value = evaluate(raw.rule.emit, Arguments(program: raw.rule.program, match: raw.match, document: runner.document)) else {
                if explain { candidates.append(Candidate(compiledRule: raw.rule, tokens: tokens, value: .null, outcome: .rejected, pass: pass)) }
                continue
            }
            let candidateIndex = candidates.count
            candidates.append(Candidate(compiledRule: raw.rule, tokens: tokens, value: value, outcome: .won, pass: pass))
            for token in tokens { owner[token] = candidateIndex }
            chosen.append((raw.rule.order, ChartSpan(start: raw.start, end: raw.match.end, value: value), candidateIndex))
        }
        if !explain {
            // Only the chosen candidates were recorded; their indices are not needed.
            candidates.removeAll()
        }
        return chosen.sorted { $0.span.start < $1.span.start }.map { ($0.rule, $0.span) }
    }
}
