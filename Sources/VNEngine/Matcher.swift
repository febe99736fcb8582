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
        var lowerIDs = [Int32?](repeating: nil, count: count)
        var keyIDs = [Int32?](repeating: nil, count: count)
        var exactIDs = [Int32?](repeating: nil, count: count)
        let hasKeyWords = key.count > 0
        let longest = text.tokens.reduce(0) { max($0, $1.range.count) }
        // One pass over buffers: lower-case each token into a scratch buffer and
        // look it up; its key and exact spelling only where they can match.
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: max(longest, 1)) { scratch in
            FoldedKey.withLowercaseTable { lowers in
                text.text.units.withUnsafeBufferPointer { units in
                    text.keyUnits.withUnsafeBufferPointer { keys in
                        for (k, token) in text.tokens.enumerated() {
                            let word = units[token.range]
                            var n = 0
                            for unit in word {
                                scratch[n] = lowers[Int(unit)]
                                n += 1
                            }
                            let lowerID = lower.id(scratch[0..<n])
                            lowerIDs[k] = lowerID
                            if hasKeyWords { keyIDs[k] = key.id(keys[token.keyRange]) }
                            // Every exact-mode word's lower case is interned in the lower vocabulary
                            // too, so a word unknown there cannot be an exact-mode word.
                            if lowerID != nil { exactIDs[k] = exact.id(word) }
                        }
                    }
                }
            }
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
/// Within a document each (token, regex) answer is kept in a flat table, so
/// a token tried again (by another rule, or another path of the same rule)
/// costs one read.
final class RegexCache {
    private var words = Vocabulary()
    /// Per word id, per regex (`id * regexCount + regex`): 0 not tried yet, 1 no match, 2 match.
    private var wordResults: [UInt8] = []
    private let regexes: [Regex<AnyRegexOutput>]
    private let regexCount: Int
    private let capacity: Int
    /// Per token of the current document, per regex (`token * regexCount + regex`): 0 not known yet, 1 no, 2 yes.
    private var tokenResults = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    private var tokenResultsCapacity = 1
    /// Word ids of the current document's tokens in `words` (-1: not looked up yet).
    private var tokenWordIDs: [Int32] = []

    init(regexes: [Regex<AnyRegexOutput>], capacity: Int = 200_000) {
        self.regexes = regexes
        regexCount = max(regexes.count, 1)
        self.capacity = capacity
    }

    deinit { tokenResults.deallocate() }

    /// Starts a new document of `tokenCount` tokens.
    func begin(tokenCount: Int) {
        if words.count >= capacity {
            words = Vocabulary()
            wordResults = []
        }
        tokenWordIDs.removeAll(keepingCapacity: true)
        tokenWordIDs.append(contentsOf: repeatElement(-1, count: tokenCount))
        let needed = max(tokenCount * regexCount, 1)
        if needed > tokenResultsCapacity {
            tokenResults.deallocate()
            tokenResults = .allocate(capacity: needed)
            tokenResultsCapacity = needed
        }
        tokenResults.initialize(repeating: 0, count: needed)
    }

    /// Whether regex `index` matches the whole of token `token`'s normalized text `units`.
    @inline(__always)
    func matches(_ index: Int, token: Int, _ units: ArraySlice<UInt16>) -> Bool {
        let known = tokenResults[token * regexCount + index]
        if known != 0 { return known == 2 }
        return lookUp(index, token: token, units)
    }

    private func lookUp(_ index: Int, token: Int, _ units: ArraySlice<UInt16>) -> Bool {
        var id = Int(tokenWordIDs[token])
        if id < 0 {
            id = Int(words.intern(units))
            tokenWordIDs[token] = Int32(id)
        }
        let slot = id * regexCount + index
        if wordResults.count <= slot {
            wordResults.append(contentsOf: repeatElement(0, count: (id + 1) * regexCount - wordResults.count))
        }
        if wordResults[slot] == 0 {
            let text = String(decoding: units, as: UTF16.self)
            wordResults[slot] = (try? regexes[index].wholeMatch(in: text)) != nil ? 2 : 1
        }
        tokenResults[token * regexCount + index] = wordResults[slot]
        return wordResults[slot] == 2
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
        // firstAt[p] = the number of spans starting before p, filled span by span.
        var table = [Int32](repeating: 0, count: tokenCount + 1)
        table.withUnsafeMutableBufferPointer { table in
            var position = 0
            for (index, span) in self.spans.enumerated() {
                while position <= min(span.start, tokenCount) {
                    table[position] = Int32(index)
                    position += 1
                }
            }
            while position <= tokenCount {
                table[position] = Int32(self.spans.count)
                position += 1
            }
        }
        firstAt = table
    }

    /// Every span, sorted by start.
    var all: [ChartSpan] { spans }

    /// The indices of the spans starting at token `position`.
    @inline(__always)
    func indices(at position: Int) -> Range<Int> {
        guard !firstAt.isEmpty, position < firstAt.count - 1 else { return 0..<0 }
        return Int(firstAt[position])..<Int(firstAt[position + 1])
    }

    /// Whether some span starts at token `position`.
    @inline(__always)
    func hasSpan(at position: Int) -> Bool { !indices(at: position).isEmpty }

    /// Where span `index` ends.
    @inline(__always)
    func end(of index: Int) -> Int { spans[index].end }

    /// The value of span `index`.
    func value(of index: Int) -> JSONValue { spans[index].value }
}

/// What a capture slot holds during matching: a token range and where its value
/// comes from. Plain integers, so saving and restoring slots while
/// backtracking costs no reference counting; values are looked up only for
/// the matches that win.
struct CaptureSlot: Sendable {
    var start: Int32 = -1
    var end: Int32 = -1
    /// -1: the value is the tokens' text; ≥ 0: lexicon `source`'s value `item`;
    /// ≤ -2: span `item` of type `-2 - source`.
    var source: Int32 = -1
    var item: Int32 = -1

    static let empty = CaptureSlot()
}

/// A pattern match not yet checked against exclusions nor given a value: rule
/// `rule` matched tokens `start..<end`, its captures are
/// `captures[captureOffset...]` of the stage's ``MatchBuffer``.
struct RawMatch {
    let rule: Int
    let start: Int
    let end: Int
    let captureOffset: Int
    var length: Int { end - start }
}

/// The matches of one stage pass and their captures, in flat arrays.
struct MatchBuffer {
    var matches: [RawMatch] = []
    var captures: [CaptureSlot] = []
    /// The matcher's working capture slots, kept between calls. Made on first use.
    var scratch: CaptureScratch?
    /// Which (instruction, position) pairs the current call has reached: entry
    /// `(pc - entry) * memoWindow + (pos - start)` equals `stamp` when reached.
    /// A stamp per call instead of clearing the table.
    /// Made on first use: exclusion checks run with a buffer that never needs one.
    var reached: ReachedTable?
    var stamp: UInt32 = 0

    mutating func removeAll() {
        matches.removeAll(keepingCapacity: true)
        captures.removeAll(keepingCapacity: true)
    }
}

/// The matcher's table of reached (instruction, position) pairs: raw memory
/// owned by one object, so marking a pair costs one store (an array in a
/// struct would check its uniqueness on every write).
final class ReachedTable {
    private(set) var marks = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    private(set) var count = 0

    init() { marks.initialize(to: 0) }

    deinit { marks.deallocate() }

    /// Grows to `count` entries, all unmarked.
    func grow(to newCount: Int) {
        let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: newCount)
        grown.initialize(repeating: 0, count: newCount)
        marks.deallocate()
        marks = grown
        count = newCount
    }

    /// Unmarks every entry.
    func clear() { marks.update(repeating: 0, count: count) }
}

/// The capture slots of the path the matcher is trying: raw memory owned by
/// one object, so saving and restoring a slot while backtracking is a plain
/// load and store (slots in an array would check its uniqueness at every write).
final class CaptureScratch {
    let slots: UnsafeMutablePointer<CaptureSlot>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        slots = .allocate(capacity: self.capacity)
        slots.initialize(repeating: .empty, count: self.capacity)
    }

    deinit { slots.deallocate() }
}

/// Runs compiled pattern programs by backtracking, bounded in steps.
struct PatternRunner {
    let document: MatchDocument
    let ruleSet: RuleSet
    /// Spans of earlier stages, per type, by start token.
    let chart: [SpanTable]
    /// Regex results by word.
    let regexCache: RegexCache

    /// Appends every way rule `rule` matches starting at token `start` (at most
    /// `limit`, in backtracking order: earlier alternatives first) to `buffer`.
    /// `code` is ``RuleSet/ruleCode``.
    func findMatches(_ code: Code, rule: Int, at start: Int, into buffer: inout MatchBuffer, limit: Int = 64) {
        // The slots live in the buffer between calls, sized for the rule with the most captures.
        if buffer.scratch == nil || buffer.scratch.unsafelyUnwrapped.capacity < ruleSet.maxCaptureCount {
            buffer.scratch = CaptureScratch(capacity: ruleSet.maxCaptureCount)
        }
        let scratch = buffer.scratch.unsafelyUnwrapped
        var state = RunState(captures: scratch.slots, limit: limit, rule: rule, start: start)
        let count = ruleSet.ruleCaptureCounts[rule]
        state.captureCount = count
        state.captures.update(repeating: .empty, count: count)
        let entry = ruleSet.ruleEntries[rule]
        state.entry = entry
        let needed = ruleSet.ruleCodeLengths[rule] * PatternRunner.memoWindow
        if buffer.reached == nil { buffer.reached = ReachedTable() }
        if buffer.reached!.count < needed { buffer.reached!.grow(to: needed) }
        if buffer.stamp == .max {
            buffer.stamp = 0
            buffer.reached!.clear()
        }
        buffer.stamp += 1
        state.memoizes = true
        run(code, entry, start, &state, &buffer)
        withExtendedLifetime(scratch) {}
    }

    /// How many positions after a match's start the matcher remembers which
    /// instructions it has reached (beyond them it just backtracks).
    static let memoWindow = 32

    /// Whether `program` matches some tokens starting at `start` and ending exactly at `end` (or anywhere if nil).
    func matchesAny(_ program: PatternProgram, at start: Int, endingAt end: Int? = nil) -> Bool {
        // Exclusion checks keep no captures (`capturing` is false): the slots are never touched.
        var state = RunState(captures: PatternRunner.noSlots, limit: 16, rule: -1, start: start, stopAtEnd: end ?? RunState.anyEnd)
        var unused = MatchBuffer()
        program.instructions.withUnsafeBufferPointer { code in
            program.wordPool.withUnsafeBufferPointer { pool in
                // No marks here (`memoizes` is false): no memo points needed.
                run(Code(instructions: code, pool: pool, memoPoints: UnsafeBufferPointer(start: nil, count: 0)), 0, start, &state, &unused)
            }
        }
        return state.stopped
    }

    /// Instructions and their word pool, reached without reference counting.
    struct Code {
        let instructions: UnsafeBufferPointer<Instruction>
        let pool: UnsafeBufferPointer<Int32>
        /// Which instructions are remembered when reached (``RuleSet/ruleMemoPoints``).
        let memoPoints: UnsafeBufferPointer<Bool>
    }

    /// The slots of runs that keep no captures.
    private nonisolated(unsafe) static let noSlots = UnsafeMutablePointer<CaptureSlot>.allocate(capacity: 1)

    private struct RunState {
        /// The slots of the path being tried (a ``CaptureScratch``'s, kept alive by the caller).
        var captures: UnsafeMutablePointer<CaptureSlot>
        var steps = 0
        var found = 0
        let limit: Int
        let rule: Int
        let start: Int
        /// With `stopAtEnd` ≠ -1: stop at the first match ending there (exclusion checks), or anywhere for `anyEnd`.
        let stopAtEnd: Int
        var stopped = false
        /// Where the rule's program starts in the code segment.
        var entry = 0
        /// How many of `captures` the rule uses.
        var captureCount = 0
        /// Whether reaching an (instruction, position) pair a second time is
        /// cut short (see `run`).
        var memoizes = false
        /// False for exclusion checks: no capture bookkeeping.
        var capturing: Bool { stopAtEnd == -1 }

        static let anyEnd = -2

        init(captures: UnsafeMutablePointer<CaptureSlot>, limit: Int, rule: Int, start: Int, stopAtEnd: Int = -1) {
            self.captures = captures
            self.limit = limit
            self.rule = rule
            self.start = start
            self.stopAtEnd = stopAtEnd
        }
    }

    /// Runs the program from instruction `pc` at token `pos`.
    ///
    /// Which tokens the rest of a program can match from (pc, pos) depends on
    /// nothing else (captures never steer it), so a path that reaches a pair a
    /// second time could only find the same ends again, with other captures:
    /// it stops there. Each end is thus reported once, with the captures of
    /// the first path that reached it (backtracking order: earlier
    /// alternatives, greedier repetitions first), and patterns with nested
    /// optional parts stay linear instead of exponential.
    private func run(_ code: Code, _ pc: Int, _ pos: Int, _ state: inout RunState, _ buffer: inout MatchBuffer) {
        state.steps += 1
        guard state.steps < 10_000, state.found < state.limit, !state.stopped else { return }
        if state.memoizes && code.memoPoints[pc] {
            let offset = pos - state.start
            if offset < Self.memoWindow {
                let slot = (pc - state.entry) * Self.memoWindow + offset
                let marks = buffer.reached.unsafelyUnwrapped.marks
                if marks[slot] == buffer.stamp { return }
                marks[slot] = buffer.stamp
            }
        }
        switch code.instructions[pc] {
        case .match:
            if state.stopAtEnd != -1 {
                if pos == state.stopAtEnd || state.stopAtEnd == RunState.anyEnd { state.stopped = true }
                return
            }
            guard pos > state.start else { return }
            state.found += 1
            buffer.matches.append(RawMatch(rule: state.rule, start: state.start, end: pos, captureOffset: buffer.captures.count))
            buffer.captures.append(contentsOf: UnsafeBufferPointer(start: state.captures, count: state.captureCount))
        case .token(let test):
            guard pos < document.count, passes(test, pos) else { return }
            run(code, pc + 1, pos + 1, &state, &buffer)
        case .word(let id, let mode):
            guard pos < document.count, document.id(pos, mode) == id else { return }
            run(code, pc + 1, pos + 1, &state, &buffer)
        case .words(let first, let count, let mode):
            guard pos + count <= document.count else { return }
            for k in 0..<count where document.id(pos + k, mode) != code.pool[first + k] { return }
            run(code, pc + 1, pos + count, &state, &buffer)
        case .lexicon(let index, let slot):
            // Most tokens start no entry: one read of the flat root table rejects them.
            let mode = ruleSet.lexiconModes[index]
            guard pos < document.count, let word = document.id(pos, mode), startsEntry(index, mode, word) else { return }
            let first = ruleSet.lexiconFirstNodes[ruleSet.lexiconFirstNodeBase[index] + Int(word)]
            guard first >= 0 else { return }
            lexicon(ruleSet.tries[index], mode: mode, index: index, node: first, from: pos, at: pos + 1,
                    slot: slot, code, pc, &state, &buffer)
        case .span(let type, let slot):
            let table = chart[type]
            for index in table.indices(at: pos) {
                let end = table.end(of: index)
                withSlot(slot, CaptureSlot(start: Int32(pos), end: Int32(end), source: Int32(-2 - type), item: Int32(index)), &state) {
                    run(code, pc + 1, end, &$0, &buffer)
                }
            }
        case .glued:
            guard pos < document.count, pos > 0, !document.text.tokens[pos].spaceBefore else { return }
            run(code, pc + 1, pos, &state, &buffer)
        case .split(let first, let second):
            // Most alternatives fail on their first token: test it here, which costs
            // a fraction of a call that would fail.
            if !failsAt(code, first, pos) { run(code, first, pos, &state, &buffer) }
            if !failsAt(code, second, pos) { run(code, second, pos, &state, &buffer) }
        case .jump(let target):
            run(code, target, pos, &state, &buffer)
        case .captureStart(let slot):
            guard state.capturing else { return run(code, pc + 1, pos, &state, &buffer) }
            let saved = state.captures[slot]
            state.captures[slot] = CaptureSlot(start: Int32(pos))
            run(code, pc + 1, pos, &state, &buffer)
            state.captures[slot] = saved
        case .captureEnd(let slot):
            guard state.capturing else { return run(code, pc + 1, pos, &state, &buffer) }
            let saved = state.captures[slot]
            state.captures[slot].end = Int32(pos)
            run(code, pc + 1, pos, &state, &buffer)
            state.captures[slot] = saved
        }
    }

    /// Whether the instruction at `pc` fails at token `pos` whatever comes before:
    /// a token, word, phrase, lexicon or span item that cannot start there.
    /// (Skipping such a call changes nothing found: it would return at once.)
    @inline(__always)
    private func failsAt(_ code: Code, _ pc: Int, _ pos: Int) -> Bool {
        switch code.instructions[pc] {
        case .token(let test):
            return pos >= document.count || !passes(test, pos)
        case .word(let id, let mode):
            return pos >= document.count || document.id(pos, mode) != id
        case .words(let first, let count, let mode):
            return pos + count > document.count || document.id(pos, mode) != code.pool[first]
        case .lexicon(let index, _):
            let mode = ruleSet.lexiconModes[index]
            guard pos < document.count, let word = document.id(pos, mode) else { return true }
            return !startsEntry(index, mode, word)
        case .span(let type, _):
            return !chart[type].hasSpan(at: pos)
        default:
            return false
        }
    }

    /// Walks lexicon `trie` from `node` (a node below the root: its first word was
    /// matched already) at token `pos`: longer entries first, then the entry ending
    /// here (if `node` ends one), continuing the program after each.
    private func lexicon(_ trie: CompiledTrie, mode: LiteralMode, index: Int, node: Int32, from start: Int, at pos: Int,
                         slot: Int, _ code: Code, _ pc: Int, _ state: inout RunState, _ buffer: inout MatchBuffer) {
        if pos < document.count, let word = document.id(pos, mode) {
            let next = trie.child(node, word)
            if next >= 0 {
                lexicon(trie, mode: mode, index: index, node: next, from: start, at: pos + 1, slot: slot, code, pc, &state, &buffer)
            }
        }
        let value = trie.valueIndex(node)
        guard value >= 0 else { return }
        withSlot(slot, CaptureSlot(start: Int32(start), end: Int32(pos), source: Int32(index), item: value), &state) {
            run(code, pc + 1, pos, &$0, &buffer)
        }
    }

    @inline(__always)
    private func withSlot(_ slot: Int, _ value: CaptureSlot, _ state: inout RunState, _ body: (inout RunState) -> Void) {
        guard slot >= 0, state.capturing else { return body(&state) }
        let saved = state.captures[slot]
        state.captures[slot] = value
        body(&state)
        state.captures[slot] = saved
    }

    @inline(__always)
    private func passes(_ test: TokenTest, _ k: Int) -> Bool {
        switch test {
        case .any:
            return true
        case .attributes(let kind, let shape, let lineStart, let dots):
            let token = document.text.tokens[k]
            return (kind == nil || token.kind == kind!) && (shape == nil || token.shape == shape!)
                && (lineStart == nil || document.text.startsLine(k) == lineStart!)
                && (dots < 0 || dotCount(token) == Int(dots))
        case .attributesExcluding(let kind, let shape, let lineStart, let dots, let excluded):
            return passes(.attributes(kind: kind, shape: shape, lineStart: lineStart, dots: dots), k) && !isOneWordEntry(Int(excluded), k)
        case .regex(let index):
            return regexCache.matches(index, token: k, document.text.text.units[document.text.tokens[k].range])
        }
    }

    /// How many "." the token's text holds.
    private func dotCount(_ token: Token) -> Int {
        var count = 0
        for unit in document.text.text.units[token.range] where unit == 0x2E { count += 1 }
        return count
    }

    /// Whether some entry of lexicon `index` (of match mode `mode`) starts with word `word`.
    @inline(__always)
    private func startsEntry(_ index: Int, _ mode: LiteralMode, _ word: Int32) -> Bool {
        if index < 64 {
            return ruleSet.lexiconStartBits[ruleSet.lexiconStartBitsBase(mode) + Int(word)] & (1 << UInt64(index)) != 0
        }
        return ruleSet.lexiconFirstNodes[ruleSet.lexiconFirstNodeBase[index] + Int(word)] >= 0
    }

    /// Whether token `k` is, by itself, an entry of lexicon `index`.
    private func isOneWordEntry(_ index: Int, _ k: Int) -> Bool {
        guard let word = document.id(k, ruleSet.lexiconModes[index]) else { return false }
        return ruleSet.lexiconOneWordEntries[ruleSet.lexiconFirstNodeBase[index] + Int(word)]
    }

    /// The value capture `capture` holds: a lexicon entry's value, a span's value,
    /// or the normalized text of its tokens (joined by single spaces where the
    /// text has white space); null when it captured nothing.
    func value(of capture: CaptureSlot) -> JSONValue {
        if capture.source >= 0 { return ruleSet.tries[Int(capture.source)].values[Int(capture.item)] }
        if capture.source <= -2 { return chart[Int(-2 - capture.source)].value(of: Int(capture.item)) }
        guard capture.start >= 0, capture.end > capture.start else { return .null }
        let text = document.text
        var units: [UInt16] = []
        units.reserveCapacity(text.tokens[Int(capture.end) - 1].range.upperBound - text.tokens[Int(capture.start)].range.lowerBound)
        for k in Int(capture.start)..<Int(capture.end) {
            let token = text.tokens[k]
            if k > capture.start && token.spaceBefore { units.append(0x20) }
            units.append(contentsOf: text.text.units[token.range])
        }
        return .string(String(utf16CodeUnits: units))
    }
}
