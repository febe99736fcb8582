import CVNICU

/// Facts about the ICU library vnextract is linked against.
public enum ICU {
    /// The version of the linked system ICU, e.g. "72.1".
    public static let version: String = readVersion(cvn_icu_version)

    /// The Unicode version that ICU implements, e.g. "15.0".
    public static let unicodeVersion: String = readVersion(cvn_unicode_version)

    private static func readVersion(_ read: (UnsafeMutablePointer<CChar>, Int32) -> Void) -> String {
        var buffer = [CChar](repeating: 0, count: 32)
        buffer.withUnsafeMutableBufferPointer { read($0.baseAddress!, Int32($0.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
