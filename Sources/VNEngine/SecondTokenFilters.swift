import VNRules
import VNText

/// Per rule, what can follow the first item of a match (see
/// ``PatternProgram/secondTriggers(lexicon:)``), checked before the matcher
/// runs the rule at a position. Rules are indexed by what starts them only,
/// and most places a number or a common word stands are followed by a token
/// none of a rule's paths accepts ("25" then "/" for a date, "-" or "đến" for
/// a range): a lookup or two here skips them without starting the matcher.
struct SecondTokenFilters: Sendable {
    /// A set of tokens: by kind, by word, or where a span of a type starts.
    struct TokenSet: Sendable {
        /// Bit k for token kind ordinal k.
        var kinds: UInt8 = 0
        /// Where its word bits start in `bits`, per literal mode (-1: no word
        /// of that mode); bit `id` is set for word id `id`.
        var lowerBits: Int32 = -1
        var keyBits: Int32 = -1
        var exactBits: Int32 = -1
        /// Its span types are `spanTypes[spanStart..<spanEnd]`.
        var spanStart: Int32 = 0
        var spanEnd: Int32 = 0
    }

    /// A rule's filter.
    struct Filter: Sendable {
        /// False for a rule that is always tried.
        var filtered = false
        /// What can follow a first item of one token.
        var afterToken = TokenSet()
        /// What can follow a first span, and the types of those spans
        /// (`spanTypes[firstSpanStart..<firstSpanEnd]`).
        var afterSpan = TokenSet()
        var firstSpanStart: Int32 = 0
        var firstSpanEnd: Int32 = 0
        /// For an unfiltered rule whose matches all start with a lexicon entry:
        /// those lexicons, `firstLexicons[firstLexiconStart..<firstLexiconEnd]`.
        var firstLexiconStart: Int32 = 0
        var firstLexiconEnd: Int32 = 0
    }

    /// Per rule.
    let filters: [Filter]
    /// The word bit sets of all token sets.
    private let bits: [UInt64]
    fileprivate let spanTypes: [Int32]
    fileprivate let firstLexicons: [Int32]
    fileprivate let lexicons: LexiconStarts

    /// Filters from each rule's second triggers (nil: no filter), over
    /// vocabularies of `vocabularySizes` words per literal mode; for the rules
    /// these cannot judge, the lexicons all their matches start with
    /// (``PatternProgram/firstLexicons()``), checked with `lexicons`.
    init(_ triggers: [(afterToken: Set<Trigger>, afterSpan: Set<Trigger>, firstSpans: Set<Int>)?],
         vocabularySizes: [LiteralMode: Int], firstLexicons: [[Int]] = [], lexicons: LexiconStarts = LexiconStarts()) {
        var bits: [UInt64] = [], spanTypes: [Int32] = [], lexiconLists: [Int32] = []
        func tokenSet(_ triggers: Set<Trigger>) -> TokenSet {
            var set = TokenSet(), spans: [Int32] = []
            var words: [LiteralMode: [Int32]] = [:]
            for trigger in triggers {
                switch trigger {
                case .kind(let kind): set.kinds |= 1 << UInt8(kind.ordinal)
                case .word(let id, let mode): words[mode, default: []].append(id)
                case .span(let type): spans.append(Int32(type))
                case .anything: preconditionFailure("a filter never holds `anything`")
                }
            }
            for (mode, ids) in words {
                let base = bits.count
                bits += repeatElement(0, count: (vocabularySizes[mode]! + 63) / 64)
                for id in ids { bits[base + Int(id) / 64] |= 1 << UInt64(id % 64) }
                switch mode {
                case .lower: set.lowerBits = Int32(base)
                case .key: set.keyBits = Int32(base)
                case .exact: set.exactBits = Int32(base)
                }
            }
            set.spanStart = Int32(spanTypes.count)
            spanTypes += spans.sorted()
            set.spanEnd = Int32(spanTypes.count)
            return set
        }
        filters = triggers.indices.map { index in
            guard let rule = triggers[index] else {
                // Checked only for rules the token sets cannot judge: for the others they
                // already know the lexicons' second words, and checking again costs more
                // than it saves.
                var filter = Filter()
                filter.firstLexiconStart = Int32(lexiconLists.count)
                if index < firstLexicons.count { lexiconLists += firstLexicons[index].map { Int32($0) } }
                filter.firstLexiconEnd = Int32(lexiconLists.count)
                return filter
            }
            var filter = Filter(filtered: true, afterToken: tokenSet(rule.afterToken), afterSpan: tokenSet(rule.afterSpan))
            filter.firstSpanStart = Int32(spanTypes.count)
            spanTypes += rule.firstSpans.sorted().map { Int32($0) }
            filter.firstSpanEnd = Int32(spanTypes.count)
            return filter
        }
        self.bits = bits
        self.spanTypes = spanTypes
        self.firstLexicons = lexiconLists
        self.lexicons = lexicons
    }

    /// Whether token `position` of `runner`'s document is in `set`.
    @inline(__always)
    fileprivate func contains(_ set: TokenSet, _ position: Int, _ runner: PatternRunner) -> Bool {
        let document = runner.document
        guard position < document.count else { return false }
        if set.kinds & (1 << UInt8(document.text.tokens[position].kind.ordinal)) != 0 { return true }
        if set.lowerBits >= 0, let id = document.lowerIDs[position], has(id, set.lowerBits) { return true }
        if set.keyBits >= 0, let id = document.keyIDs[position], has(id, set.keyBits) { return true }
        if set.exactBits >= 0, let id = document.exactIDs[position], has(id, set.exactBits) { return true }
        for k in Int(set.spanStart)..<Int(set.spanEnd) where runner.chart[Int(spanTypes[k])].hasSpan(at: position) {
            return true
        }
        return false
    }

    /// Whether word `id` is in the bit set at `base`.
    @inline(__always)
    private func has(_ id: Int32, _ base: Int32) -> Bool {
        bits[Int(base) + Int(id) / 64] & (1 << UInt64(id % 64)) != 0
    }
}

extension PatternRunner {
    /// Whether rule `rule` can match at token `position`, judging by what
    /// follows its first item there (``SecondTokenFilters``).
    func secondTokenAllows(_ rule: Int, at position: Int, _ filters: SecondTokenFilters) -> Bool {
        let filter = filters.filters[rule]
        guard filter.filtered else {
            guard filter.firstLexiconStart < filter.firstLexiconEnd else { return true }
            return filters.lexicons.start(filters.firstLexicons[Int(filter.firstLexiconStart)..<Int(filter.firstLexiconEnd)],
                                          at: position, in: document) != .none
        }
        if filters.contains(filter.afterToken, position + 1, self) { return true }
        for k in Int(filter.firstSpanStart)..<Int(filter.firstSpanEnd) {
            let table = chart[Int(filters.spanTypes[k])]
            for span in table.indices(at: position) where filters.contains(filter.afterSpan, table.end(of: span), self) {
                return true
            }
        }
        return false
    }
}

/// How a rule whose matches all start with a lexicon entry can start at a token:
/// the lexicons' root tables and tries, to tell "the first word of longer entries
/// only, and the next word continues none of them" (most places a common head
/// word such as "công" or "đoàn" stands) without running the rule.
struct LexiconStarts: Sendable {
    var modes: [LiteralMode] = []
    var tries: [CompiledTrie] = []
    /// ``RuleSet/lexiconFirstNodes``, ``RuleSet/lexiconFirstNodeBase`` and ``RuleSet/lexiconOneWordEntries``.
    var firstNodes: [Int32] = []
    var bases: [Int] = []
    var oneWordEntries: [Bool] = []

    enum Start {
        /// No entry of these lexicons starts here.
        case none
        /// An entry of two words or more may start here (its second word follows).
        case longer
        /// Only a one-word entry can start here.
        case oneWord
    }

    /// How an entry of one of `lexicons` can start at token `position`.
    @inline(__always)
    func start(_ lexicons: ArraySlice<Int32>, at position: Int, in document: MatchDocument) -> Start {
        var result = Start.none
        for lexicon in lexicons {
            let index = Int(lexicon), mode = modes[index]
            guard let word = document.id(position, mode) else { continue }
            let slot = bases[index] + Int(word)
            let node = firstNodes[slot]
            guard node >= 0 else { continue }
            if position + 1 < document.count, let next = document.id(position + 1, mode), tries[index].child(node, next) >= 0 {
                return .longer
            }
            if oneWordEntries[slot] { result = .oneWord }
        }
        return result
    }
}
