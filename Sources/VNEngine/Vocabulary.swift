/// Interns words (UTF-16 code units) as small integer ids, so the matcher
/// compares integers instead of strings. Only words that rules and lexicons
/// mention are interned; a document's other words look up as `nil`.
///
/// An open-addressing hash table over one flat buffer of code units: a lookup
/// hashes the units once and compares at most a few candidates, with no
/// allocation.
struct Vocabulary: Sendable {
    private var slots: [Int32]
    private var slotHashes: [UInt64]
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    private var storage: [UInt16] = []

    init() {
        slots = [Int32](repeating: -1, count: 256)
        slotHashes = [UInt64](repeating: 0, count: 256)
    }

    /// Number of interned words.
    var count: Int { starts.count }

    /// The id of `units`, interning them if new.
    mutating func intern<Units: Collection<UInt16>>(_ units: Units) -> Int32 {
        if let existing = id(units) { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let newID = Int32(count)
        starts.append(Int32(storage.count))
        storage.append(contentsOf: units)
        ends.append(Int32(storage.count))
        insert(id: newID, hash: Self.hash(units))
        return newID
    }

    /// The id of `units`, or nil if no rule mentions them.
    @inline(__always)
    func id<Units: Collection<UInt16>>(_ units: Units) -> Int32? {
        let h = Self.hash(units)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return nil }
            if slotHashes[slot] == h, equals(Int(candidate), units) { return candidate }
            slot = (slot + 1) & mask
        }
    }

    private func equals<Units: Collection<UInt16>>(_ id: Int, _ units: Units) -> Bool {
        let start = Int(starts[id]), end = Int(ends[id])
        guard end - start == units.count else { return false }
        var k = start
        for unit in units {
            if storage[k] != unit { return false }
            k += 1
        }
        return true
    }

    private mutating func insert(id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
        slotHashes[slot] = hash
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        slotHashes = [UInt64](repeating: 0, count: size)
        for id in 0..<count {
            insert(id: Int32(id), hash: Self.hash(storage[Int(starts[id])..<Int(ends[id])]))
        }
    }

    /// FNV-1a over the code units.
    @inline(__always)
    static func hash<Units: Collection<UInt16>>(_ units: Units) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for unit in units {
            h = (h ^ UInt64(unit)) &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 29)
    }
}
