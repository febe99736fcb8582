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
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Python `a == b` on `str`: the same code points (no canonical equivalence).
    static func same(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// Python `a < b` on `str`: code point order.
    static func less(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
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
    static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

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

    /// Python `str.lower()`: full lower-case mappings, with the Final_Sigma rule
    /// for U+03A3.
    static func lower(_ s: String) -> String {
        let chars = scalars(s)
        var out = String.UnicodeScalarView()
        for (i, c) in chars.enumerated() {
            if c.value == 0x03A3 {
                out.append(isFinalSigma(chars, at: i) ? "\u{03C2}" : "\u{03C3}")
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
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
        for c in string.unicodeScalars { hasher.combine(c.value) }
        hasher.combine(0xFFFF_FFFF as UInt32)
    }
}
