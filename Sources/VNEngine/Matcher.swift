import VNRules
import VNText

/// A document prepared for matching: per token, its word ids in each literal
/// mode (or nil when no rule mentions the word), kind, shape and spacing.
struct MatchDocument {
    let text: TokenizedText
    let count: Int
    let lowerIDs: [Int32?]
    let keyIDs: [Int32?]
    let exactIDs: [Int32?]

    init(_ text: TokenizedText, vocabularies: [LiteralMode: Vocabulary]) {
        self.text = text
        count = text.tokens.count
        let lower = vocabularies[.lower]!, key = vocabularies[.key]!, exact = vocabularies[.exact]!
        var lowerIDs: [Int32?] = [], keyIDs: [Int32?] = [], exactIDs: [Int32?] = []
        lowerIDs.reserveCapacity(count)
        keyIDs.reserveCapacity(count)
        exactIDs.reserveCapacity(count)
        var buffer: [UInt16] = []
        let hasKeyWords = key.count > 0
        for token in text.tokens {
            buffer.removeAll(keepingCapacity: true)
            FoldedKey.appendLowercased(text.text.units[token.range], to: &buffer)
            let lowerID = lower.id(buffer)
            lowerIDs.append(lowerID)
            keyIDs.append(hasKeyWords ? key.id(text.keyUnits[token.keyRange]) : nil)
            // Every exact-mode word's lower case is interned in the lower vocabulary
            // too, so a word unknown there cannot be an exact-mode word.
            exactIDs.append(lowerID == nil ? nil : exact.id(text.text.units[token.range]))
        }
        self.lowerIDs = lowerIDs
        self.keyIDs = keyIDs
        self.exactIDs = exactIDs
    }

    @inline(__always)
    func id(_ k: Int, _ mode: LiteralMode) -> Int32? {
        switch mode {
        case .lower: return lowerIDs[k]
        case .key: return keyIDs[k]
        case .exact: return exactIDs[k]
        }
    }
}

/// Remembers, per regular expression, which words it matched, so a regex
/// item costs one hash lookup per token after the first time a word is seen
/// (Swift's `Regex` is far too slow to run on every token). The word list is
/// dropped when it grows past `capacity`, bounding memory on huge batches.
final class RegexCache {
    private var words = Vocabulary()
    /// Per regex, per word id: 0 not tried yet, 1 no match, 2 match.
    private var results: [[UInt8]]
    private let regexes: [Regex<AnyRegexOutput>]
    private let capacity: Int

    init(regexes: [Regex<AnyRegexOutput>], capacity: Int = 200_000) {
        self.regexes = regexes
        self.capacity = capacity
        results = Array(repeating: [], count: regexes.count)
    }

    /// Word ids of the current document's tokens in `words` (-1: not looked up yet).
    private var tokenWordIDs: [Int32] = []

    /// Starts a new document of `tokenCount` tokens.
    func begin(tokenCount: Int) {
        if words.count >= capacity {
            words = Vocabulary()
            results = Array(repeating: [], count: regexes.count)
        }
        tokenWordIDs.removeAll(keepingCapacity: true)
        tokenWordIDs.append(contentsOf: repeatElement(-1, count: tokenCount))
    }

    /// Whether regex `index` matches the whole of token `token`'s normalized text `units`.
    func matches(_ index: Int, token: Int, _ units: ArraySlice<UInt16>) -> Bool {
        var id = Int(tokenWordIDs[token])
        if id < 0 {
            id = Int(words.intern(units))
            tokenWordIDs[token] = Int32(id)
        }
        if results[index].count <= id {
            results[index].append(contentsOf: repeatElement(0, count: id + 1 - results[index].count))
        }
        if results[index][id] == 0 {
            let text = String(decoding: units, as: UTF16.self)
            results[index][id] = (try? regexes[index].wholeMatch(in: text)) != nil ? 2 : 1
        }
        return results[index][id] == 2
    }
}

/// A span found by a rule: tokens `start..<end` with a value.
struct ChartSpan: Sendable {
    let start: Int
    let end: Int
    let value: JSONValue
}

/// The spans of one type, found by start token with one array read.
struct SpanTable: Sendable {
    private var spans: [ChartSpan] = []
    /// For each token, the range of `spans` starting there (empty table: no storage).
    private var firstAt: [Int32] = []

    init() {}

    /// A table of `spans` (sorted by start) over a document of `tokenCount` tokens.
    init(_ spans: [ChartSpan], tokenCount: Int) {
        guard !spans.isEmpty else { return }
        self.spans = spans.sorted { $0.start < $1.start }
        firstAt = [Int32](repeating: 0, count: tokenCount + 1)
        var k = 0
        for position in 0...tokenCount {
            while k < self.spans.count && self.spans[k].start < position { k += 1 }
            firstAt[position] = Int32(k)
        }
    }

    /// Every span, sorted by start.
    var all: [ChartSpan] { spans }

    /// The spans starting at token `position`.
    @inline(__always)
    func spans(at position: Int) -> ArraySlice<ChartSpan> {
        guard !firstAt.isEmpty, position < firstAt.count - 1 else { return [] }
        return spans[Int(firstAt[position])..<Int(firstAt[position + 1])]
    }
}

/// What a capture slot holds during matching.
struct CaptureSlot: Sendable {
    var start = -1
    var end = -1
    var value: JSONValue?
}

/// One complete match of a pattern.
struct PatternMatch {
    let end: Int
    let captures: [CaptureSlot]
}

/// Runs compiled pattern programs by backtracking, bounded in steps.
struct PatternRunner {
    let document: MatchDocument
    let ruleSet: RuleSet
    /// Spans of earlier stages, per type, by start token.
    let chart: [SpanTable]
    /// Regex results by word.
    let regexCache: RegexCache

    /// Every way `program` matches starting at token `start`, longest first.
    func matches(_ program: PatternProgram, at start: Int, limit: Int = 64) -> [PatternMatch] {
        var state = RunState(captures: program.emptyCaptures, limit: limit)
        run(program.instructions, 0, start, &state)
        if state.found.count > 1 { state.found.sort { $0.end > $1.end } }
        return state.found
    }

    /// Whether `program` matches some tokens starting at `start` and ending exactly at `end` (or anywhere if nil).
    func matchesAny(_ program: PatternProgram, at start: Int, endingAt end: Int? = nil) -> Bool {
        var state = RunState(captures: [], limit: 16, stopAtEnd: end ?? -1, capturing: false)
        run(program.instructions, 0, start, &state)
        return state.stopped || (end == nil && !state.found.isEmpty)
    }

    private struct RunState {
        var captures: [CaptureSlot]
        var found: [PatternMatch] = []
        var steps = 0
        let limit: Int
        /// With `stopAtEnd` ≥ 0: stop at the first match ending there (exclusion checks).
        var stopAtEnd = -1
        var stopped = false
        /// False for exclusion checks: no capture bookkeeping.
        var capturing = true

        init(captures: [CaptureSlot], limit: Int, stopAtEnd: Int = -1, capturing: Bool = true) {
            self.captures = captures
            self.limit = limit
            self.stopAtEnd = stopAtEnd
            self.capturing = capturing
        }
    }

    private func run(_ code: [Instruction], _ pc: Int, _ pos: Int, _ state: inout RunState) {
        state.steps += 1
        guard state.steps < 10_000, state.found.count < state.limit, !state.stopped else { return }
        switch code[pc] {
        case .match:
            if state.stopAtEnd >= 0 {
                if pos == state.stopAtEnd { state.stopped = true }
                return
            }
            state.found.append(PatternMatch(end: pos, captures: state.captures))
        case .token(let test):
            guard pos < document.count, passes(test, pos) else { return }
            run(code, pc + 1, pos + 1, &state)
        case .words(let ids, let mode):
            guard pos + ids.count <= document.count else { return }
            for (k, id) in ids.enumerated() where document.id(pos + k, mode) != id { return }
            run(code, pc + 1, pos + ids.count, &state)
        case .lexicon(let index, let slot):
            let lexicon = ruleSet.lexicons[index]
            let mode = LiteralMode(lexicon.mode)
            for found in lexicon.trie.matches(from: pos, count: document.count, id: { document.id($0, mode) }) {
                withSlot(slot, CaptureSlot(start: pos, end: found.end, value: found.value), &state) {
                    run(code, pc + 1, found.end, &$0)
                }
            }
        case .span(let type, let slot):
            for span in chart[type].spans(at: pos) {
                withSlot(slot, CaptureSlot(start: span.start, end: span.end, value: span.value), &state) {
                    run(code, pc + 1, span.end, &$0)
                }
            }
        case .glued:
            guard pos < document.count, pos > 0, !document.text.tokens[pos].spaceBefore else { return }
            run(code, pc + 1, pos, &state)
        case .split(let first, let second):
            run(code, first, pos, &state)
            run(code, second, pos, &state)
        case .jump(let target):
            run(code, target, pos, &state)
        case .captureStart(let slot):
            guard state.capturing else { return run(code, pc + 1, pos, &state) }
            let saved = state.captures[slot]
            state.captures[slot] = CaptureSlot(start: pos, end: -1, value: nil)
            run(code, pc + 1, pos, &state)
            state.captures[slot] = saved
        case .captureEnd(let slot):
            guard state.capturing else { return run(code, pc + 1, pos, &state) }
            let saved = state.captures[slot]
            state.captures[slot].end = pos
            run(code, pc + 1, pos, &state)
            state.captures[slot] = saved
        }
    }

    private func withSlot(_ slot: Int, _ value: CaptureSlot, _ state: inout RunState, _ body: (inout RunState) -> Void) {
        guard slot >= 0, state.capturing else { return body(&state) }
        let saved = state.captures[slot]
        state.captures[slot] = value
        body(&state)
        state.captures[slot] = saved
    }

    private func passes(_ test: TokenTest, _ k: Int) -> Bool {
        switch test {
        case .any:
            return true
        case .attributes(let kind, let shape):
            let token = document.text.tokens[k]
            return (kind == nil || token.kind == kind!) && (shape == nil || token.shape == shape!)
        case .regex(let index):
            return regexCache.matches(index, token: k, document.text.text.units[document.text.tokens[k].range])
        }
    }
}
