import Testing
@testable import VNText

@Suite struct OffsetMapTests {
    @Test func identityMapsRangesToThemselves() {
        let map = OffsetMap(identityOver: 10)
        #expect(map.isIdentity)
        #expect(map.originalRange(ofNormalized: 2..<5) == 2..<5)
    }

    @Test func composesDeletionsAndExpansions() {
        // Original "a‿bc…" (6 units: a, ZWSP, b, c, …) → delete ZWSP → "abc…" → expand … → "abc...".
        var map = OffsetMap(identityOver: 5)
        var deletion = StepAlignment()
        for (s, e) in [(0, 1), (2, 3), (3, 4), (4, 5)] { deletion.append(s, e) }
        map.compose(deletion)
        var expansion = StepAlignment()
        for (s, e) in [(0, 1), (1, 2), (2, 3), (3, 4), (3, 4), (3, 4)] { expansion.append(s, e) }
        map.compose(expansion)
        #expect(!map.isIdentity)
        #expect(map.originalRange(ofNormalized: 1..<3) == 2..<4)      // "bc"
        #expect(map.originalRange(ofNormalized: 3..<6) == 4..<5)      // "..." is the one "…"
        #expect(map.originalRange(ofNormalized: 0..<2) == 0..<3)      // "ab" spans the deleted ZWSP
        #expect(map.originalRange(ofNormalized: 6..<6) == 5..<5)      // the end maps to the end
    }

    @Test func mergedUnitsMapToTheirWholeSource() {
        var map = OffsetMap(identityOver: 6)
        var collapse = StepAlignment()
        for (s, e) in [(0, 1), (1, 4), (4, 5), (5, 6)] { collapse.append(s, e) }   // "a   bc" → "a bc"
        map.compose(collapse)
        #expect(map.originalRange(ofNormalized: 2..<4) == 4..<6)
        #expect(map.originalRange(ofNormalized: 1..<2) == 1..<4)
    }

    @Test func scalarOffsetsCountSurrogatePairsOnce() {
        let units = Array("😀 Hà 😀x".utf16)
        let offsets = ScalarOffsets(units)
        #expect(offsets.scalarOffset(0) == 0)
        #expect(offsets.scalarOffset(2) == 1)            // after the first emoji
        #expect(offsets.scalarOffset(units.count) == 7)  // 😀, space, H, à, space, 😀, x
        let plain = ScalarOffsets(Array("Hà Nội".utf16))
        #expect(plain.scalarOffset(4) == 4)
    }
}
