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
    private struct TokenSets {
        /// Per set: bit k for token kind ordinal k.
        var kindMasks: [UInt8] = []
        /// Set s's words are `words[wordStarts[s]..<wordStarts[s + 1]]`, sorted keys of (literal mode, word id).
        var wordStarts: [Int32] = [0]
        var words: [Int64] = []
        /// Set s's span types are `spanTypes[spanStarts[s]..<spanStarts[s + 1]]`.
        var spanStarts: [Int32] = [0]
        var spanTypes: [Int32] = []

        mutating func append(_ triggers: Set<Trigger>) {
            var mask: UInt8 = 0, keys: [Int64] = [], spans: [Int32] = []
            for trigger in triggers {
                switch trigger {
                case .kind(let kind): mask |= 1 << UInt8(kind.ordinal)
                case .word(let id, let mode): keys.append(SecondTokenFilters.key(mode, id))
                case .span(let type): spans.append(Int32(type))
                case .anything: preconditionFailure("a filter never holds `anything`")
                }
            }
            kindMasks.append(mask)
            words += keys.sorted()
            wordStarts.append(Int32(words.count))
            spanTypes += spans.sorted()
            spanStarts.append(Int32(spanTypes.count))
        }

        /// Whether token `position` is in set `set`.
        @inline(__always)
        func contains(_ set: Int, _ position: Int, _ document: MatchDocument, _ chart: [SpanTable]) -> Bool {
            guard position < document.count else { return false }
            if kindMasks[set] & (1 << UInt8(document.text.tokens[position].kind.ordinal)) != 0 { return true }
            let lower = Int(wordStarts[set]), upper = Int(wordStarts[set + 1])
            if lower < upper {
                if let id = document.lowerIDs[position], search(SecondTokenFilters.key(.lower, id), lower, upper) { return true }
                if let id = document.keyIDs[position], search(SecondTokenFilters.key(.key, id), lower, upper) { return true }
                if let id = document.exactIDs[position], search(SecondTokenFilters.key(.exact, id), lower, upper) { return true }
            }
            for k in Int(spanStarts[set])..<Int(spanStarts[set + 1]) where chart[Int(spanTypes[k])].hasSpan(at: position) {
                return true
            }
            return false
        }

        /// Binary search of `key` in `words[lower..<upper]`.
        @inline(__always)
        private func search(_ key: Int64, _ lower: Int, _ upper: Int) -> Bool {
            var low = lower, high = upper
            while low < high {
                let middle = (low + high) / 2
                if words[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low < upper && words[low] == key
        }
    }

    /// Per rule, whether it is filtered.
    private let filtered: [Bool]
    /// Set r: what can follow a first item of one token of rule r.
    private let afterToken: TokenSets
    /// Set r: what can follow a first span of rule r, and set r of `firstSpans`
    /// (as span types): the types of those spans.
    private let afterSpan: TokenSets
    private let firstSpans: TokenSets

    /// Filters from each rule's second triggers (nil: no filter).
    init(_ triggers: [(afterToken: Set<Trigger>, afterSpan: Set<Trigger>, firstSpans: Set<Int>)?]) {
        var afterToken = TokenSets(), afterSpan = TokenSets(), firstSpans = TokenSets()
        for rule in triggers {
            afterToken.append(rule?.afterToken ?? [])
            afterSpan.append(rule?.afterSpan ?? [])
            firstSpans.append(Set((rule?.firstSpans ?? []).map { .span($0) }))
        }
        filtered = triggers.map { $0 != nil }
        self.afterToken = afterToken
        self.afterSpan = afterSpan
        self.firstSpans = firstSpans
    }

    @inline(__always)
    fileprivate static func key(_ mode: LiteralMode, _ id: Int32) -> Int64 {
        let modeBits: Int64
        switch mode {
        case .lower: modeBits = 0
        case .key: modeBits = 1
        case .exact: modeBits = 2
        }
        return modeBits << 32 | Int64(id)
    }

    /// Whether rule `rule` can match at token `position`, judging by what follows its first item there.
    @inline(__always)
    func allows(_ rule: Int, at position: Int, in document: MatchDocument, chart: [SpanTable]) -> Bool {
        guard filtered[rule] else { return true }
        if afterToken.contains(rule, position + 1, document, chart) { return true }
        for k in Int(firstSpans.spanStarts[rule])..<Int(firstSpans.spanStarts[rule + 1]) {
            let table = chart[Int(firstSpans.spanTypes[k])]
            for span in table.indices(at: position) where afterSpan.contains(rule, table.end(of: span), document, chart) {
                return true
            }
        }
        return false
    }
}
