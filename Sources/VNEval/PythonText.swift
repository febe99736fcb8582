import Foundation

/// String operations with the exact behaviour of the Python 3 functions the
/// reference scorer (`score.py`) uses: code-point lengths and equality,
/// `str.isspace`, `str.lower`, `str.casefold`, `repr`, `re` character classes.
///
/// Swift `String` equality is canonical equivalence and Swift's `lowercased()`
/// has no Final_Sigma rule, so the scorer never relies on them where Python
/// would behave differently.
enum PythonText {

    // MARK: Code points

    /// The string's Unicode scalars (Python's `str` elements).
    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    /// A string made of `scalars`.
    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for c in scalars { bytes.append(contentsOf: UTF8.encode(c)!) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Python `a == b` on `str`: the same code points (no canonical
    /// equivalence); equal UTF-8 bytes are equal code points.
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Python `a < b` on `str`: code point order (which UTF-8 byte order keeps).
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Python `len(s)`.
    static func length(_ s: String) -> Int { s.unicodeScalars.count }

    /// Python `s[lower:upper]` on a scalar array, with Python's clamping of
    /// out-of-range (non-negative) bounds.
    static func slice(_ s: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> String {
        let lo = min(max(lower, 0), s.count)
        let hi = min(max(upper, 0), s.count)
        return lo < hi ? string(s[lo..<hi]) : ""
    }

    // MARK: Normalization

    /// `unicodedata.normalize("NFC", s)`.
    static func nfc(_ s: String) -> String {
        isKnownNFC(s) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// Whether `s` is certainly in NFC: made only of characters below U+0300
    /// and precomposed Latin letters (U+1E00–U+1EFF), none of which combine.
    private static func isKnownNFC(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }

    /// `unicodedata.normalize("NFD", s)`.
    static func nfd(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }

    // MARK: White space

    /// Python `str.isspace()` for one character (also what `re`'s `\s` matches).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Python `s.strip()` (no argument).
    static func strip(_ s: String) -> String {
        let chars = scalars(s)
        var lo = 0, hi = chars.count
        while lo < hi, isSpace(chars[lo]) { lo += 1 }
        while hi > lo, isSpace(chars[hi - 1]) { hi -= 1 }
        return string(chars[lo..<hi])
    }

    /// score.py `fold_ws`: `re.sub(r"\s+", " ", s).strip()`.
    static func foldWhiteSpace(_ s: String) -> String {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        for c in s.unicodeScalars {
            if isSpace(c) {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return string(out)
    }

    // MARK: Tone placement

    /// The five Vietnamese tone marks as combining characters.
    private static func isToneMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0301, 0x0300, 0x0309, 0x0303, 0x0323: return true
        default: return false
        }
    }

    /// What `[^\W\d_]` matches in Python's `re` (a letter, or a numeric
    /// character that is not a decimal digit).
    static func isWordLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            if let kind = c.properties.numericType { return kind != .decimal }
            return false
        }
    }

    /// score.py `fold_tones`: in NFD, a tone mark written on the second vowel of
    /// "oa", "oe", "oy", "ua", "ue", "uy" (any case, not after "q", at the end of
    /// a word) moves to the first vowel; the result is NFC. "hoá" → "hóa".
    static func foldTones(_ s: String) -> String {
        if !mayNeedToneFolding(s) { return nfc(s) }
        let d = scalars(nfd(s))
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(d.count)
        var i = 0
        while i < d.count {
            let c = d[i]
            if "oOuU".unicodeScalars.contains(c),
               i == 0 || (d[i - 1] != "q" && d[i - 1] != "Q"),
               i + 2 < d.count,
               "aAeEyY".unicodeScalars.contains(d[i + 1]),
               isToneMark(d[i + 2]),
               i + 3 == d.count || !isWordLetter(d[i + 3]) {
                out.append(c)
                out.append(d[i + 2])
                out.append(d[i + 1])
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return nfc(string(out))
    }

    // MARK: Case

    /// Whether the NFD form of `s` can hold "o"/"u" + "a"/"e"/"y" + a tone
    /// mark: that needs a plain ASCII "o"/"u" followed by a non-ASCII
    /// character, or by "a"/"e"/"y" and then a non-ASCII character.
    private static func mayNeedToneFolding(_ s: String) -> Bool {
        let u = Array(s.utf8)
        for i in u.indices {
            switch u[i] {
            case UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                guard i + 1 < u.count else { continue }
                if u[i + 1] >= 0x80 { return true }
                switch u[i + 1] {
                case UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "y"), UInt8(ascii: "Y"):
                    if i + 2 < u.count, u[i + 2] >= 0x80 { return true }
                default:
                    break
                }
            default:
                continue
            }
        }
        return false
    }

    /// Python `str.lower()`: full lower-case mappings, with the Final_Sigma rule
    /// for U+03A3.
    static func lower(_ s: String) -> String {
        let chars = scalars(s)
        var out = String.UnicodeScalarView()
        for (i, c) in chars.enumerated() {
            if c.value == 0x03A3 {
                out.append(isFinalSigma(chars, at: i) ? "\u{03C2}" : "\u{03C3}")
            } else if c.value < 0x80 {
                out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 0x20)! : c)
            } else if let mapped = table(c.value) {
                out.append(contentsOf: mapped.lower.unicodeScalars)
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Lower case and case folding of one character, precomputed for the
    /// Latin ranges (Latin-1 to Latin Extended-B, Latin Extended Additional).
    private struct Mapping: Sendable {
        var lower: String
        var folded: String
    }

    private static let latinTable: [Mapping] = (0x80..<0x250).map(mapping)
    private static let latinAdditionalTable: [Mapping] = (0x1E00..<0x1F00).map(mapping)

    private static func mapping(_ value: Int) -> Mapping {
        let c = Unicode.Scalar(UInt32(value))!
        var folded = String.UnicodeScalarView()
        slowFold(c, to: &folded)
        return Mapping(lower: c.properties.lowercaseMapping, folded: String(folded))
    }

    private static func table(_ value: UInt32) -> Mapping? {
        switch value {
        case 0x80..<0x250: return latinTable[Int(value) - 0x80]
        case 0x1E00..<0x1F00: return latinAdditionalTable[Int(value) - 0x1E00]
        default: return nil
        }
    }

    /// CPython's Final_Sigma test: a cased letter before (skipping
    /// case-ignorable characters) and none after.
    private static func isFinalSigma(_ chars: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i - 1
        while j >= 0, chars[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0, chars[j].properties.isCased else { return false }
        j = i + 1
        while j < chars.count, chars[j].properties.isCaseIgnorable { j += 1 }
        return j == chars.count || !chars[j].properties.isCased
    }

    /// Python `str.casefold()`: full case folding (Unicode CaseFolding.txt,
    /// statuses C and F), character by character.
    static func casefold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { appendFolded(c, to: &out) }
        return String(out)
    }

    private static func appendFolded(_ c: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if c.value < 0x80 {
            out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 0x20)! : c)
        } else if let mapped = table(c.value) {
            out.append(contentsOf: mapped.folded.unicodeScalars)
        } else {
            slowFold(c, to: &out)
        }
    }

    private static func slowFold(_ c: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let props = c.properties
        guard props.changesWhenCaseFolded || props.changesWhenCaseMapped else { out.append(c); return }
        switch c.value {
        case 0x0131, 0x13A0...0x13F5:
            // Dotless i and the Cherokee capitals have no folding: they stay.
            out.append(c)
            return
        // Cherokee small letters fold to the capital letters.
        case 0xAB70...0xABBF:
            out.append(Unicode.Scalar(c.value - 0xAB70 + 0x13A0)!)
            return
        case 0x13F8...0x13FD:
            out.append(Unicode.Scalar(c.value - 8)!)
            return
        default:
            break
        }
        // Otherwise the folding is the lower case of the upper case of the lower
        // case ("ß" → "SS" → "ss", "ς" → "Σ" → "σ", "ẞ" → "ß" → "SS" → "ss",
        // "ǰ" → "J̌" → "ǰ" decomposed). Checked against Python 3.11's
        // casefold for every code point of Unicode 14.
        let once = props.lowercaseMapping
        var upper = ""
        for u in once.unicodeScalars { upper += u.properties.uppercaseMapping }
        for u in upper.unicodeScalars { out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars) }
    }

    // MARK: repr and str

    /// Python `str.isprintable()` for one character (as `repr` uses it).
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// Python `repr(s)` for a `str`.
    static func repr(_ s: String) -> String {
        let hasSingle = s.unicodeScalars.contains("'")
        let hasDouble = s.unicodeScalars.contains("\"")
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for c in s.unicodeScalars {
            switch c {
            case quote, "\\":
                out.append("\\"); out.append(c)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out.append(contentsOf: hexEscape(c.value, "x", 2).unicodeScalars)
                } else if c.value < 0x7F || isPrintable(c) {
                    out.append(c)
                } else if c.value <= 0xFF {
                    out.append(contentsOf: hexEscape(c.value, "x", 2).unicodeScalars)
                } else if c.value <= 0xFFFF {
                    out.append(contentsOf: hexEscape(c.value, "u", 4).unicodeScalars)
                } else {
                    out.append(contentsOf: hexEscape(c.value, "U", 8).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    private static func hexEscape(_ value: UInt32, _ letter: String, _ width: Int) -> String {
        let hex = String(value, radix: 16)
        return "\\" + letter + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }

    /// Python `repr(x)` for a `float`.
    static func floatRepr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        // Swift's shortest round-trip form is Python's repr (exponent from 1e16
        // and below 1e-4, written "1e+16", "1e-05").
        return "\(x)"
    }

    /// score.py `_clip`: newlines shown as "⏎", cut to `n` characters with "…".
    static func clip(_ s: String, _ n: Int) -> String {
        var chars: [Unicode.Scalar] = []
        for c in s.unicodeScalars {
            if c == "\n" { chars.append("\u{23CE}") } else { chars.append(c) }
        }
        if chars.count <= n { return string(chars) }
        return string(chars[0..<(n - 1)]) + "\u{2026}"
    }

    /// Python `"%-Ns" % s`: left-justified to `width` code points.
    static func padRight(_ s: String, _ width: Int) -> String {
        let n = length(s)
        return n >= width ? s : s + String(repeating: " ", count: width - n)
    }

    /// Python `"%Ns" % s` / `s.rjust(width)`: right-justified to `width` code points.
    static func padLeft(_ s: String, _ width: Int) -> String {
        let n = length(s)
        return n >= width ? s : String(repeating: " ", count: width - n) + s
    }
}

/// A string compared, hashed and ordered by its code points, as Python
/// compares `str` (two canonically equivalent spellings stay different).
struct CodePoints: Hashable, Comparable, Sendable {
    /// The string.
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: CodePoints, b: CodePoints) -> Bool { PythonText.same(a.string, b.string) }

    static func < (a: CodePoints, b: CodePoints) -> Bool { PythonText.less(a.string, b.string) }

    func hash(into hasher: inout Hasher) {
        for b in string.utf8 { hasher.combine(b) }
        hasher.combine(0xFF as UInt8)
    }
}
