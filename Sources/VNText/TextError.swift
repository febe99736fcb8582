/// Errors raised while decoding and analysing text.
public enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is not valid UTF-8; `byteOffset` is the offset of the first bad byte.
    case invalidUTF8(byteOffset: Int)
    /// ICU reported an error (`code` is ICU's UErrorCode) while doing `operation`.
    case icu(operation: String, code: Int32)
    /// The document is too large to address with 32-bit offsets.
    case documentTooLarge(utf16Length: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset):
            return "invalid UTF-8 at byte \(offset) (use --lossy to replace bad bytes with U+FFFD)"
        case .icu(let operation, let code):
            return "ICU error \(code) during \(operation)"
        case .documentTooLarge(let length):
            return "document too large (\(length) UTF-16 code units; the limit is \(Int32.max))"
        }
    }
}
