import VNRules

/// A lexicon compiled to a trie over word ids, so the longest entry starting at
/// a token is found by walking forward once.
struct LexiconTrie: Sendable {
    private var children: [[Int32: Int32]] = [[:]]
    private var values: [JSONValue?] = [nil]
    /// The number of words of the longest phrase.
    private(set) var maxLength = 0

    /// Adds a phrase (word ids) with its value; a repeated phrase keeps its first value.
    mutating func insert(_ ids: [Int32], value: JSONValue) {
        var node = 0
        for id in ids {
            if let next = children[node][id] {
                node = Int(next)
            } else {
                children.append([:])
                values.append(nil)
                children[node][id] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        if values[node] == nil { values[node] = value }
        maxLength = max(maxLength, ids.count)
    }

    /// The first words of all phrases.
    var firstWords: [Int32] { Array(children[0].keys) }

    /// Every entry matching at `start`, longest first; `id(k)` is the id of token k or nil.
    func matches(from start: Int, count: Int, id: (Int) -> Int32?) -> [LexiconMatch] {
        var found: [LexiconMatch] = []
        var node = 0
        var k = start
        while k < count, let word = id(k), let next = children[node][word] {
            node = Int(next)
            k += 1
            if let value = values[node] { found.append(LexiconMatch(end: k, value: value)) }
        }
        found.reverse()
        return found
    }
}

/// An entry found by ``LexiconTrie/matches(from:count:id:)``: where it ends and its value.
/// (A struct, not a tuple: tuple arrays cost a runtime metadata lookup per call.)
struct LexiconMatch {
    let end: Int
    let value: JSONValue
}
