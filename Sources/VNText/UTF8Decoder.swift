/// Decodes UTF-8 bytes into the UTF-16 code units the rest of the pipeline works on.
///
/// A leading byte-order mark (EF BB BF) is dropped: offsets count from the
/// first character after it. Invalid UTF-8 is an error that names the byte
/// offset of the first bad sequence; in lossy mode every maximal invalid
/// subpart (as in Unicode's "U+FFFD substitution of maximal subparts") becomes
/// U+FFFD and is reported as a ``DecodingIssue`` instead.
public enum UTF8Decoder {
    /// The result of a lossy decode.
    public struct LossyResult: Sendable {
        /// The decoded text.
        public var units: [UInt16]
        /// Every replaced byte sequence, in input order.
        public var issues: [DecodingIssue]
    }

    /// Decodes `bytes`, failing at the first invalid sequence.
    /// - Throws: ``TextError/invalidUTF8(byteOffset:)`` with the offset of the bad byte
    ///   in `bytes` (counting the BOM, if any).
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(TextError) -> [UInt16] {
        var failure: Int?
        let units = run(bytes) { offset, _ in
            failure = offset
            return false
        }
        if let failure { throw .invalidUTF8(byteOffset: failure) }
        return units
    }

    /// Decodes `bytes`, replacing each invalid sequence with U+FFFD.
    public static func decodeLossy<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> LossyResult {
        var issues: [DecodingIssue] = []
        let units = run(bytes) { offset, length in
            issues.append(DecodingIssue(byteOffset: offset, byteCount: length))
            return true
        }
        return LossyResult(units: units, issues: issues)
    }

    /// The decoding loop. `onInvalid(offset, length)` is called for each maximal
    /// invalid subpart; returning false stops decoding.
    private static func run<Bytes: Collection<UInt8>>(
        _ input: Bytes, onInvalid: (Int, Int) -> Bool
    ) -> [UInt16] {
        let fast: [UInt16]? = input.withContiguousStorageIfAvailable { decodeBuffer($0, onInvalid: onInvalid) }
        if let fast { return fast }
        let copy = Array(input)
        return copy.withUnsafeBufferPointer { decodeBuffer($0, onInvalid: onInvalid) }
    }

    private static func decodeBuffer(
        _ bytes: UnsafeBufferPointer<UInt8>, onInvalid: (Int, Int) -> Bool
    ) -> [UInt16] {
        let count = bytes.count
        var units: [UInt16] = []
        units.reserveCapacity(count)
        var i = 0
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < count {
            let b0 = bytes[i]
            if b0 < 0x80 {
                units.append(UInt16(b0))
                i += 1
                continue
            }
            // Expected length and the valid range of the second byte (Unicode Table 3-7).
            var length = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0
            }
            if length == 0 {
                if !onInvalid(i, 1) { return units }
                units.append(0xFFFD)
                i += 1
                continue
            }
            // Count how many bytes of the sequence are valid (the maximal subpart).
            var valid = 1
            var scalar = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            while valid < length, i + valid < count {
                let b = bytes[i + valid]
                let lo: UInt8 = valid == 1 ? low : 0x80
                let hi: UInt8 = valid == 1 ? high : 0xBF
                guard b >= lo, b <= hi else { break }
                scalar = (scalar << 6) | UInt32(b & 0x3F)
                valid += 1
            }
            if valid < length {
                if !onInvalid(i, valid) { return units }
                units.append(0xFFFD)
                i += valid
                continue
            }
            if scalar < 0x10000 {
                units.append(UInt16(scalar))
            } else {
                let v = scalar - 0x10000
                units.append(UInt16(0xD800 + (v >> 10)))
                units.append(UInt16(0xDC00 + (v & 0x3FF)))
            }
            i += length
        }
        return units
    }
}

/// An invalid UTF-8 sequence that lossy decoding replaced with U+FFFD.
public struct DecodingIssue: Sendable, Equatable, CustomStringConvertible {
    /// Offset of the first replaced byte in the input bytes.
    public var byteOffset: Int
    /// How many bytes were replaced by this one U+FFFD.
    public var byteCount: Int

    /// Creates an issue record.
    public init(byteOffset: Int, byteCount: Int) {
        self.byteOffset = byteOffset
        self.byteCount = byteCount
    }

    public var description: String {
        "invalid UTF-8 at byte \(byteOffset) (\(byteCount) byte\(byteCount == 1 ? "" : "s") replaced by U+FFFD)"
    }
}
