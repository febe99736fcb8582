/// Builds JSON text into a byte buffer, for one output line at a time.
///
/// Hand-written instead of `JSONEncoder` because it is on the hot path: it
/// writes UTF-16 slices of the document straight to escaped UTF-8, with no
/// intermediate `String`s, through one bounds-and-capacity check per value
/// rather than per byte. Lone surrogates become U+FFFD so the output is always
/// valid UTF-8 JSON.
public struct JSONWriter: Sendable {
    /// Zero-filled storage; the first `length` bytes are the output.
    private var storage: [UInt8]
    private var length = 0

    /// An empty writer.
    public init(capacity: Int = 1024) {
        storage = [UInt8](repeating: 0, count: max(capacity, 64))
    }

    /// The bytes written so far (a copy; see ``withBytes(_:)`` for the fast path).
    public var bytes: [UInt8] { Array(storage[0..<length]) }

    /// Calls `body` with the bytes written so far, without copying them.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
    }

    /// Forgets what was written, keeping the buffer.
    public mutating func reset() { length = 0 }

    /// Reserves room for `maxBytes` bytes and lets `body` write them at the end;
    /// `body` returns how many it wrote.
    @inline(__always)
    private mutating func append(maxBytes: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if length + maxBytes > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(maxBytes, storage.count)))
        }
        let start = length
        length += storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
    }

    /// Writes raw JSON syntax (`{`, `,`, `"key":` ...) that the caller knows is valid.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        let source = text.utf8Start
        append(maxBytes: count) { out in
            out.update(from: source, count: count)
            return count
        }
    }

    /// Writes `"key":`.
    public mutating func key(_ name: StaticString) {
        let count = name.utf8CodeUnitCount
        let source = name.utf8Start
        append(maxBytes: count + 3) { out in
            out[0] = 0x22
            (out + 1).update(from: source, count: count)
            out[count + 1] = 0x22
            out[count + 2] = 0x3A
            return count + 3
        }
    }

    /// Writes an integer.
    public mutating func int(_ value: Int) {
        append(maxBytes: 20) { out in
            var v = value.magnitude
            var n = 0
            if value < 0 { out[0] = 0x2D; n = 1 }
            // Digits backwards into the tail of the reserved space, then moved down.
            var digits = 0
            repeat {
                out[19 - digits] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                digits += 1
            } while v > 0
            for k in 0..<digits { out[n + k] = out[20 - digits + k] }
            return n + digits
        }
    }

    /// Writes a number: integral values as integers ("5500000000"), others in
    /// the shortest form that reads back exactly ("107.3"); non-finite values as null.
    public mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 9.007_199_254_740_992e15 {
            int(Int(value))
        } else if value.isFinite {
            let text = Array(value.description.utf8)
            append(maxBytes: text.count) { out in
                out.update(from: text, count: text.count)
                return text.count
            }
        } else {
            null()
        }
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// Writes `null`.
    public mutating func null() { raw("null") }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            append(maxBytes: utf8.count * 6 + 2) { out in
                out[0] = 0x22
                var n = 1
                for byte in utf8 { Self.put(byte, out, &n) }
                out[n] = 0x22
                return n + 1
            }
        }
    }

    /// Writes UTF-16 code units as a string value.
    public mutating func string<Units: Collection<UInt16>>(utf16 units: Units) {
        append(maxBytes: units.count * 6 + 5) { out in
            out[0] = 0x22
            var n = 1
            var pendingHigh: UInt32? = nil
            for unit in units {
                let u = UInt32(unit)
                if let high = pendingHigh {
                    pendingHigh = nil
                    if u & 0xFC00 == 0xDC00 {
                        Self.putScalar(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00), out, &n)
                        continue
                    }
                    Self.putScalar(0xFFFD, out, &n)
                }
                if u < 0x80 {
                    Self.put(UInt8(u), out, &n)
                } else if u & 0xFC00 == 0xD800 {
                    pendingHigh = u
                } else if u & 0xFC00 == 0xDC00 {
                    Self.putScalar(0xFFFD, out, &n)
                } else {
                    Self.putScalar(u, out, &n)
                }
            }
            if pendingHigh != nil { Self.putScalar(0xFFFD, out, &n) }
            out[n] = 0x22
            return n + 1
        }
    }

    /// Writes one byte of string content, escaped as JSON requires (at most 6 bytes).
    @inline(__always)
    private static func put(_ byte: UInt8, _ out: UnsafeMutablePointer<UInt8>, _ n: inout Int) {
        switch byte {
        case 0x22, 0x5C:
            out[n] = 0x5C; out[n + 1] = byte; n += 2
        case 0x0A:
            out[n] = 0x5C; out[n + 1] = 0x6E; n += 2
        case 0x0D:
            out[n] = 0x5C; out[n + 1] = 0x72; n += 2
        case 0x09:
            out[n] = 0x5C; out[n + 1] = 0x74; n += 2
        case 0x00..<0x20, 0x7F:
            let hex: StaticString = "0123456789abcdef"
            out[n] = 0x5C; out[n + 1] = 0x75; out[n + 2] = 0x30; out[n + 3] = 0x30
            out[n + 4] = hex.utf8Start[Int(byte >> 4)]
            out[n + 5] = hex.utf8Start[Int(byte & 0xF)]
            n += 6
        default:
            out[n] = byte; n += 1
        }
    }

    /// Writes one scalar as UTF-8 (escaped if it is ASCII).
    @inline(__always)
    private static func putScalar(_ scalar: UInt32, _ out: UnsafeMutablePointer<UInt8>, _ n: inout Int) {
        switch scalar {
        case 0..<0x80:
            put(UInt8(scalar), out, &n)
        case 0x80..<0x800:
            out[n] = UInt8(0xC0 | (scalar >> 6))
            out[n + 1] = UInt8(0x80 | (scalar & 0x3F))
            n += 2
        case 0x800..<0x10000:
            out[n] = UInt8(0xE0 | (scalar >> 12))
            out[n + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[n + 2] = UInt8(0x80 | (scalar & 0x3F))
            n += 3
        default:
            out[n] = UInt8(0xF0 | (scalar >> 18))
            out[n + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[n + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[n + 3] = UInt8(0x80 | (scalar & 0x3F))
            n += 4
        }
    }
}
