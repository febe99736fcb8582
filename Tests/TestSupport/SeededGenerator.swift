/// A small deterministic random number generator (SplitMix64) for generated test inputs.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `count` texts of 0 to `maxPieces` random `pieces`, joined with nothing or
/// with spaces (one choice per text), the same for the same `seed`.
public func generatedTexts(from pieces: [String], count: Int, maxPieces: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
        let length = Int.random(in: 0...maxPieces, using: &generator)
        return (0..<length).map { _ in pieces.randomElement(using: &generator)! }
            .joined(separator: Bool.random(using: &generator) ? "" : " ")
    }
}
