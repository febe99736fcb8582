/// Builds JSON text into a byte buffer, for one output line at a time.
///
/// Hand-written instead of `JSONEncoder` because it is on the hot path: it
/// writes UTF-16 slices of the document straight to escaped UTF-8 with no
/// intermediate `String`s. Lone surrogates become U+FFFD so the output is
/// always valid UTF-8 JSON.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Forgets what was written, keeping the buffer.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Writes raw JSON syntax (`{`, `,`, `"key":` ...) that the caller knows is valid.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes `"key":`.
    public mutating func key(_ name: StaticString) {
        bytes.append(0x22)
        raw(name)
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    /// Writes an integer.
    public mutating func int(_ value: Int) {
        if value == 0 { bytes.append(0x30); return }
        var v = value.magnitude
        if value < 0 { bytes.append(0x2D) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[count] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
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
            bytes.append(0x22)
            for byte in utf8 { appendEscaped(byte) }
            bytes.append(0x22)
        }
    }

    /// Writes UTF-16 code units as a string value.
    public mutating func string<Units: Collection<UInt16>>(utf16 units: Units) {
        bytes.append(0x22)
        var pendingHigh: UInt32? = nil
        for unit in units {
            let u = UInt32(unit)
            if let high = pendingHigh {
                pendingHigh = nil
                if u & 0xFC00 == 0xDC00 {
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00))
                    continue
                }
                appendScalar(0xFFFD)
            }
            if u < 0x80 {
                appendEscaped(UInt8(u))
            } else if u & 0xFC00 == 0xD800 {
                pendingHigh = u
            } else if u & 0xFC00 == 0xDC00 {
                appendScalar(0xFFFD)
            } else {
                appendScalar(u)
            }
        }
        if pendingHigh != nil { appendScalar(0xFFFD) }
        bytes.append(0x22)
    }

    @inline(__always)
    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        case 0x00..<0x20, 0x7F:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }

    @inline(__always)
    private mutating func appendScalar(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            appendEscaped(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
