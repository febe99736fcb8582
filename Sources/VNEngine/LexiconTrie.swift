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

    /// Every entry matching at `start`, longest first, as (end, value); `id(k)` is the id of token k or nil.
    func matches(from start: Int, count: Int, id: (Int) -> Int32?) -> [(end: Int, value: JSONValue)] {
        var found: [(end: Int, value: JSONValue)] = []
        var node = 0
        var k = start
        while k < count, let word = id(k), let next = children[node][word] {
            node = Int(next)
            k += 1
            if let value = values[node] { found.append((k, value)) }
        }
        return found.reversed()
    }
}
