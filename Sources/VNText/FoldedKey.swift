/// The loose matching key of a token: lower case, diacritics removed, "đ" → "d".
///
/// "Thủy" → "thuy", "LĐLĐ" → "ldld", "Hóa"/"Hoá" → "hoa". Rules that match
/// loosely compare keys, so tone placement, case and missing diacritics do not
/// matter there.
public enum FoldedKey {
    /// Appends the key of `units` to `key`.
    @inline(__always)
    public static func append<Units: Collection<UInt16>>(_ units: Units, to key: inout [UInt16]) {
        let folds = CharacterTables.folds
        for unit in units {
            let folded = folds[Int(unit)]
            if folded != 0 { key.append(folded) }
        }
    }

    /// Calls `body` with the simple-lower-case table: entry u is the lower case of
    /// BMP code unit u (for loops that lower-case many short runs).
    public static func withLowercaseTable<Result>(_ body: (UnsafeBufferPointer<UInt16>) throws -> Result) rethrows -> Result {
        try CharacterTables.lowers.withUnsafeBufferPointer(body)
    }

    /// Appends the simple lower case of `units` to `output` ("LĐLĐ" → "lđlđ"; diacritics kept).
    @inline(__always)
    public static func appendLowercased(_ units: ArraySlice<UInt16>, to output: inout [UInt16]) {
        let lowers = CharacterTables.lowers
        lowers.withUnsafeBufferPointer { table in
            for unit in units { output.append(table[Int(unit)]) }
        }
    }

    /// The key of a string.
    public static func key(_ text: String) -> String {
        var key: [UInt16] = []
        append(text.utf16, to: &key)
        return String(decoding: key, as: UTF16.self)
    }
}
