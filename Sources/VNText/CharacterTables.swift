import CVNICU

/// Per-code-unit lookup tables built once from ICU's character data, so the hot
/// loops classify and fold characters with one array read.
enum CharacterTables {
    /// Character class of each BMP code point (see ``CharacterClass``).
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        table.withUnsafeMutableBufferPointer { cvn_fill_class_table($0.baseAddress!) }
        return table
    }()

    /// Folded matching key of each BMP code point (0 = dropped).
    static let folds: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x10000)
        table.withUnsafeMutableBufferPointer { cvn_fill_fold_table($0.baseAddress!) }
        return table
    }()

    /// Simple lower case of each BMP code point.
    static let lowers: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x10000)
        table.withUnsafeMutableBufferPointer { cvn_fill_lower_table($0.baseAddress!) }
        return table
    }()

    @inline(__always)
    static func characterClass(_ unit: UInt16) -> CharacterClass {
        CharacterClass(rawValue: classes[Int(unit)] & classMask) ?? .other
    }

    @inline(__always)
    static func isUppercase(_ unit: UInt16) -> Bool { classes[Int(unit)] & upperFlag != 0 }

    @inline(__always)
    static func isLowercase(_ unit: UInt16) -> Bool { classes[Int(unit)] & lowerFlag != 0 }

    static let classMask: UInt8 = 0x0F
    static let upperFlag: UInt8 = 0x10
    static let lowerFlag: UInt8 = 0x20
}

/// Coarse character classes (mirrors CVN_CLASS_* in cvnicu.h).
enum CharacterClass: UInt8 {
    case other = 0, letter, digit, mark, space, newline, punctuation, symbol, format, otherNumber
}
