import VNRules
import VNText

/// A test on one token.
enum TokenTest: Sendable {
    case any
    case attributes(kind: TokenKind?, shape: TokenShape?)
    case regex(Int)
}

/// One instruction of a compiled pattern (a small backtracking program).
enum Instruction: Sendable {
    /// Consume one token passing the test.
    case token(TokenTest)
    /// Consume tokens whose ids (in `mode`'s vocabulary) are `ids`.
    case words([Int32], LiteralMode)
    /// Consume an entry of lexicon `index`; store its value in capture `slot` (-1: none).
    case lexicon(Int, slot: Int)
    /// Consume a span of type `index` from the chart; store its value in `slot` (-1: none).
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

/// A compiled pattern: instructions and the names of its capture slots.
struct PatternProgram: Sendable {
    let instructions: [Instruction]
    let captureNames: [String]
    /// One empty slot per capture, made once: each run copies it (copy-on-write)
    /// instead of allocating a new array.
    let emptyCaptures: [CaptureSlot]

    init(instructions: [Instruction], captureNames: [String]) {
        self.instructions = instructions
        self.captureNames = captureNames
        emptyCaptures = [CaptureSlot](repeating: CaptureSlot(), count: captureNames.count)
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
    func firstTriggers(lexiconFirstWords: (Int) -> [Trigger]) -> Set<Trigger> {
        var result = Set<Trigger>()
        var seen = Set<Int>()
        func visit(_ pc: Int) {
            guard pc < instructions.count, seen.insert(pc).inserted else { return }
            switch instructions[pc] {
            case .token(.attributes(let kind?, _)): result.insert(.kind(kind))
            case .token: result.insert(.anything)
            case .words(let ids, let mode): result.insert(.word(ids[0], mode))
            case .lexicon(let index, _): result.formUnion(lexiconFirstWords(index))
            case .span(let type, _): result.insert(.span(type))
            case .glued, .captureStart, .captureEnd: visit(pc + 1)
            case .split(let a, let b): visit(a); visit(b)
            case .jump(let target): visit(target)
            case .match: result.insert(.anything)  // an empty match: never indexed
            }
        }
        visit(0)
        return result
    }
}
