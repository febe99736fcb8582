import VNRules

/// A lexicon being built: a trie over word ids, so the entries starting at a
/// token are found by walking forward once. ``compiled(vocabularySize:)``
/// freezes it into a ``CompiledTrie`` for matching.
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

    /// The second words of the phrases of two words or more.
    var secondWords: Set<Int32> {
        var words = Set<Int32>()
        for node in children[0].values { words.formUnion(children[Int(node)].keys) }
        return words
    }

    /// Whether some entry is one word.
    var hasOneWordEntries: Bool { children[0].values.contains { values[Int($0)] != nil } }

    /// The trie in compact arrays, for a vocabulary of `vocabularySize` word ids.
    func compiled(vocabularySize: Int) -> CompiledTrie {
        CompiledTrie(children: children, values: values, vocabularySize: vocabularySize)
    }
}

/// A frozen lexicon trie in flat arrays: the root's children in a table indexed
/// by word id (``RuleSet`` gathers these tables so the matcher rejects most
/// tokens with one read), every node's children as a short edge list.
/// Immutable, and a class so the matcher reaches it without copying its arrays.
final class CompiledTrie: Sendable {
    /// The root's child per word id (-1: none), indexed by the word ids of the lexicon's mode.
    let firstNodes: [Int32]
    /// Node n's edges are `edgeStarts[n]..<edgeStarts[n + 1]`.
    private let edgeStarts: [Int32]
    private let edgeWords: [Int32]
    private let edgeTargets: [Int32]
    /// Per node, the index of its entry's value in `values` (-1: not the end of an entry).
    private let valueIndices: [Int32]
    /// Entry values.
    let values: [JSONValue]

    fileprivate init(children: [[Int32: Int32]], values nodeValues: [JSONValue?], vocabularySize: Int) {
        var root = [Int32](repeating: -1, count: vocabularySize)
        for (word, target) in children[0] where Int(word) < vocabularySize { root[Int(word)] = target }
        var starts: [Int32] = [], words: [Int32] = [], targets: [Int32] = []
        for node in children.indices {
            starts.append(Int32(words.count))
            for (word, target) in children[node].sorted(by: { $0.key < $1.key }) {
                words.append(word)
                targets.append(target)
            }
        }
        starts.append(Int32(words.count))
        var indices: [Int32] = [], values: [JSONValue] = []
        for value in nodeValues {
            if let value {
                indices.append(Int32(values.count))
                values.append(value)
            } else {
                indices.append(-1)
            }
        }
        firstNodes = root
        edgeStarts = starts
        edgeWords = words
        edgeTargets = targets
        valueIndices = indices
        self.values = values
    }

    /// The child of `node` along word `word`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32 {
        var k = Int(edgeStarts[Int(node)])
        let end = Int(edgeStarts[Int(node) + 1])
        while k < end {
            if edgeWords[k] == word { return edgeTargets[k] }
            k += 1
        }
        return -1
    }

    /// The value index of the entry ending at `node`, or -1.
    @inline(__always)
    func valueIndex(_ node: Int32) -> Int32 { valueIndices[Int(node)] }
}
