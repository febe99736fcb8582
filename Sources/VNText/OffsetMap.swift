/// How one normalization step's output maps back to its input: output code unit
/// `i` came from input units `sourceStart[i] ..< sourceEnd[i]`.
///
/// Steps that replace one unit by one unit need no alignment (they report nil);
/// steps that delete, merge or expand units report one.
public struct StepAlignment: Sendable, Equatable {
    /// For each output unit, the first input unit it came from.
    public var sourceStart: [Int32]
    /// For each output unit, one past the last input unit it came from.
    public var sourceEnd: [Int32]

    /// Creates an empty alignment with room for `capacity` output units.
    public init(capacity: Int = 0) {
        sourceStart = []
        sourceEnd = []
        sourceStart.reserveCapacity(capacity)
        sourceEnd.reserveCapacity(capacity)
    }

    /// Records that the next output unit came from `range` of the input.
    @inline(__always)
    public mutating func append(_ start: Int, _ end: Int) {
        sourceStart.append(Int32(truncatingIfNeeded: start))
        sourceEnd.append(Int32(truncatingIfNeeded: end))
    }
}

/// Maps positions in normalized text back to positions in the original text
/// (both in UTF-16 code units).
///
/// Every normalized unit remembers the original range it came from. A range of
/// normalized units maps to the original range from the start of its first unit
/// to the end of its last unit, so a token always slices out exactly the
/// original characters it was made from, whatever the steps deleted, merged or
/// expanded in between. When no step changed the length the map is the identity
/// and stores nothing.
public struct OffsetMap: Sendable, Equatable {
    /// Length of the original text in UTF-16 code units.
    public let originalLength: Int
    private var start: [Int32]?
    private var end: [Int32]?

    /// The identity map over a text of `length` units.
    public init(identityOver length: Int) {
        originalLength = length
    }

    /// Whether normalized and original offsets are the same.
    public var isIdentity: Bool { start == nil }

    /// Chains a step's alignment after this map: afterwards the map goes from
    /// the step's output to the original text.
    public mutating func compose(_ alignment: StepAlignment) {
        guard let start, let end else {
            self.start = alignment.sourceStart
            self.end = alignment.sourceEnd
            return
        }
        let count = alignment.sourceStart.count
        var newStart = [Int32](repeating: 0, count: count)
        var newEnd = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let s = Int(alignment.sourceStart[i]), e = Int(alignment.sourceEnd[i])
            newStart[i] = start[s]
            newEnd[i] = e > s ? end[e - 1] : start[s]
        }
        self.start = newStart
        self.end = newEnd
    }

    /// The original range that normalized units `range` came from.
    /// An empty range maps to an empty range at the corresponding position.
    public func originalRange(ofNormalized range: Range<Int>) -> Range<Int> {
        guard let start, let end else { return range }
        let count = start.count
        if range.isEmpty {
            let position = range.lowerBound < count ? Int(start[range.lowerBound]) : originalLength
            return position..<position
        }
        return Int(start[range.lowerBound])..<Int(end[range.upperBound - 1])
    }
}

/// Converts UTF-16 offsets of one text into Unicode scalar offsets (what
/// OUTPUT.md and Python's `str` count). Text without surrogate pairs (nearly all
/// Vietnamese text) needs no table.
public struct ScalarOffsets: Sendable {
    private let table: [Int32]?

    /// Builds the converter for `units`.
    public init(_ units: [UInt16]) {
        guard units.contains(where: { $0 & 0xFC00 == 0xDC00 }) else {
            table = nil
            return
        }
        var table = [Int32](repeating: 0, count: units.count + 1)
        var scalar: Int32 = 0
        for i in 0..<units.count {
            table[i] = scalar
            if units[i] & 0xFC00 != 0xDC00 || i == 0 || units[i - 1] & 0xFC00 != 0xD800 {
                scalar += 1
            }
        }
        table[units.count] = scalar
        self.table = table
    }

    /// The scalar offset of UTF-16 offset `utf16Offset`.
    @inline(__always)
    public func scalarOffset(_ utf16Offset: Int) -> Int {
        guard let table else { return utf16Offset }
        return Int(table[utf16Offset])
    }
}
