import VNRules
import VNText

/// A test on one token.
enum TokenTest: Sendable {
    case any
    /// `lineStart`: true for the first token of a line (a line break or the text's start before
    /// it), false for any other token, nil for either; `dots` ≥ 0: a number token with that
    /// many "." inside (`dots:2` is "28.05.2023"), -1: any.
    case attributes(kind: TokenKind?, shape: TokenShape?, lineStart: Bool?, dots: Int8)
    /// The same, and the token is no one-word entry of lexicon `excluded` (`not:NAME`).
    case attributesExcluding(kind: TokenKind?, shape: TokenShape?, lineStart: Bool?, dots: Int8, excluded: Int32)
    case regex(Int)
}

/// One instruction of a compiled pattern (a small backtracking program).
///
/// Every payload is a plain integer, so instructions are copied without
/// reference counting on the matcher's hot path; word sequences live in the
/// program's ``PatternProgram/wordPool``.
enum Instruction: Sendable {
    /// Consume one token passing the test.
    case token(TokenTest)
    /// Consume one token whose id in `mode`'s vocabulary is `id`.
    case word(Int32, LiteralMode)
    /// Consume `count` tokens whose ids (in `mode`'s vocabulary) are `wordPool[start..<start + count]`.
    case words(start: Int, count: Int, LiteralMode)
    /// Consume an entry of lexicon `index`; store it in capture `slot` (-1: none).
    case lexicon(Int, slot: Int)
    /// Consume a span of type `index` from the chart; store it in `slot` (-1: none).
    case span(Int, slot: Int)
    /// The next token must have no white space before it.
    case glued
    /// Try `first`, then `second`.
    case split(Int, Int)
    case jump(Int)
    case captureStart(Int)
    case captureEnd(Int)
    case match
}

extension Instruction {
    /// This instruction moved into a segment where its program starts at `code`
    /// and its word pool at `pool`.
    func relocated(code: Int, pool: Int) -> Instruction {
        switch self {
        case .split(let a, let b): return .split(a + code, b + code)
        case .jump(let target): return .jump(target + code)
        case .words(let start, let count, let mode): return .words(start: start + pool, count: count, mode)
        default: return self
        }
    }
}

extension PatternProgram {
    /// Per instruction: whether the matcher must remember reaching it at a
    /// token, because it can be reached there twice in one run. That takes two
    /// ways in: it is the program's start, or a join of two paths (the target
    /// of two jumps or split branches, or of a jump and the instruction before
    /// it), or it follows a lexicon or span item (entries or spans of different
    /// lengths, started at different tokens, can end at the same token). Any
    /// other instruction has one way in that moves by a fixed number of tokens,
    /// so reaching it twice at a token means reaching its predecessor twice at
    /// one token, which the predecessor's own mark (or the start, reached once)
    /// already cuts short.
    func memoPoints() -> [Bool] {
        var ways = [Int](repeating: 0, count: instructions.count + 1)
        var points = [Bool](repeating: false, count: instructions.count)
        if !points.isEmpty { points[0] = true }
        for (pc, instruction) in instructions.enumerated() {
            switch instruction {
            case .split(let first, let second):
                ways[first] += 1
                ways[second] += 1
            case .jump(let target):
                ways[target] += 1
            case .match:
                break
            case .lexicon, .span:
                ways[pc + 1] += 1
                if pc + 1 < points.count { points[pc + 1] = true }
            case .token, .word, .words, .glued, .captureStart, .captureEnd:
                ways[pc + 1] += 1
            }
        }
        for pc in points.indices where ways[pc] >= 2 { points[pc] = true }
        return points
    }
}

/// A compiled pattern: instructions, the word ids they compare, and the names of its capture slots.
struct PatternProgram: Sendable {
    let instructions: [Instruction]
    /// The word ids of multi-word ``Instruction/words(start:count:_:)`` items.
    let wordPool: [Int32]
    let captureNames: [String]

    init(instructions: [Instruction], wordPool: [Int32] = [], captureNames: [String]) {
        self.instructions = instructions
        self.wordPool = wordPool
        self.captureNames = captureNames
    }
}

/// What can start a match: used to index rules by their first token.
enum Trigger: Hashable, Sendable {
    case word(Int32, LiteralMode)
    case kind(TokenKind)
    case span(Int)
    case anything
}

extension PatternProgram {
    /// The triggers of the instruction at `pc` and everything reachable without consuming a token.
    func firstTriggers(from start: Int = 0, lexiconFirstWords: (Int) -> [Trigger]) -> Set<Trigger> {
        var result = Set<Trigger>()
        var seen = Set<Int>()
        func visit(_ pc: Int) {
            guard pc < instructions.count, seen.insert(pc).inserted else { return }
            switch instructions[pc] {
            case .token(.attributes(let kind?, _, _, _)), .token(.attributesExcluding(let kind?, _, _, _, _)): result.insert(.kind(kind))
            case .token: result.insert(.anything)
            case .word(let id, let mode): result.insert(.word(id, mode))
            case .words(let start, _, let mode): result.insert(.word(wordPool[start], mode))
            case .lexicon(let index, _): result.formUnion(lexiconFirstWords(index))
            case .span(let type, _): result.insert(.span(type))
            case .glued, .captureStart, .captureEnd: visit(pc + 1)
            case .split(let a, let b): visit(a); visit(b)
            case .jump(let target): visit(target)
            case .match: result.insert(.anything)  // an empty match: never indexed
            }
        }
        visit(start)
        return result
    }

    /// The lexicons a match starts with, when every match starts with an entry of
    /// one of them (nil when some path starts with another item).
    func firstLexicons() -> [Int]? {
        var result: [Int] = []
        var seen = Set<Int>()
        var onlyLexicons = true
        func visit(_ pc: Int) {
            guard onlyLexicons, pc < instructions.count, seen.insert(pc).inserted else { return }
            switch instructions[pc] {
            case .lexicon(let index, _): if !result.contains(index) { result.append(index) }
            case .captureStart, .captureEnd: visit(pc + 1)
            case .split(let a, let b): visit(a); visit(b)
            case .jump(let target): visit(target)
            default: onlyLexicons = false
            }
        }
        visit(0)
        return onlyLexicons && !result.isEmpty ? result : nil
    }

    /// What can come after the first item of a match: after a first item of
    /// one token (a token test, a word, the first word of a phrase, a lexicon
    /// entry), and after a first span. Nil when that cannot be said (a
    /// one-token match, a test any token passes); the triggers may hold
    /// spans (a span must start there) but never `anything`.
    /// `lexicon(index)` gives a lexicon's first words, the second words of its
    /// phrases, and whether it has one-word entries.
    func secondTriggers(lexicon: (Int) -> (first: [Trigger], second: [Trigger], hasOneWordEntries: Bool))
        -> (afterToken: Set<Trigger>, afterSpan: Set<Trigger>, firstSpans: Set<Int>)? {
        var afterToken = Set<Trigger>(), afterSpan = Set<Trigger>(), firstSpans = Set<Int>()
        var seen = Set<Int>()
        var known = true
        func follow(_ pc: Int) -> Set<Trigger> { firstTriggers(from: pc) { lexicon($0).first } }
        func visit(_ pc: Int) {
            guard known, pc < instructions.count, seen.insert(pc).inserted else { return }
            switch instructions[pc] {
            case .token, .word: afterToken.formUnion(follow(pc + 1))
            case .words(let start, let count, let mode):
                if count > 1 { afterToken.insert(.word(wordPool[start + 1], mode)) } else { afterToken.formUnion(follow(pc + 1)) }
            case .lexicon(let index, _):
                let entries = lexicon(index)
                afterToken.formUnion(entries.second)
                if entries.hasOneWordEntries { afterToken.formUnion(follow(pc + 1)) }
            case .span(let type, _):
                firstSpans.insert(type)
                afterSpan.formUnion(follow(pc + 1))
            case .match: known = false
            case .glued, .captureStart, .captureEnd: visit(pc + 1)
            case .split(let a, let b): visit(a); visit(b)
            case .jump(let target): visit(target)
            }
        }
        visit(0)
        guard known, !afterToken.contains(.anything), !afterSpan.contains(.anything) else { return nil }
        return (afterToken, afterSpan, firstSpans)
    }
}
