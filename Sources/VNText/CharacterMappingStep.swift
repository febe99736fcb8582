/// A step that replaces single characters through a fixed table: each listed
/// BMP character is deleted, replaced by one character, or expanded to several.
///
/// Three steps of the pipeline are such tables: ``invisibleCharacters``,
/// ``lookalikes`` and ``punctuation``. Matching only needs the canonical form;
/// the original text is untouched and offsets map back through the alignment.
public struct CharacterMappingStep: NormalizationStep {
    public let name: String
    /// The replacement of each mapped character (an empty array deletes it).
    public let replacements: [UInt16: [UInt16]]
    private let isMapped: [Bool]
    private let keepsLength: Bool

    /// Creates a step from a table of single BMP characters to replacements.
    public init(name: String, replacements: [Unicode.Scalar: String]) {
        self.name = name
        var table: [UInt16: [UInt16]] = [:]
        var isMapped = [Bool](repeating: false, count: 0x10000)
        for (scalar, replacement) in replacements {
            precondition(scalar.value < 0x10000, "only BMP characters can be mapped")
            let unit = UInt16(scalar.value)
            table[unit] = Array(replacement.utf16)
            isMapped[Int(unit)] = true
        }
        self.replacements = table
        self.isMapped = isMapped
        self.keepsLength = table.values.allSatisfy { $0.count == 1 }
    }

    public func apply(_ text: [UInt16]) -> StepOutput? {
        guard let first = text.firstIndex(where: { isMapped[Int($0)] }) else { return nil }
        if keepsLength {
            var output = text
            for i in first..<output.count where isMapped[Int(output[i])] {
                output[i] = replacements[output[i]]![0]
            }
            return StepOutput(text: output, alignment: nil)
        }
        var output: [UInt16] = []
        output.reserveCapacity(text.count + 8)
        var alignment = StepAlignment(capacity: text.count + 8)
        for i in 0..<text.count {
            let unit = text[i]
            if i >= first, isMapped[Int(unit)] {
                for replacement in replacements[unit]! {
                    output.append(replacement)
                    alignment.append(i, i + 1)
                }
            } else {
                output.append(unit)
                alignment.append(i, i + 1)
            }
        }
        return StepOutput(text: output, alignment: alignment)
    }
}

extension CharacterMappingStep {
    /// Deletes invisible characters that split words for matching: zero-width
    /// space, non-joiner and joiner, word joiner, soft hyphen, byte-order marks
    /// inside the text, and bidirectional controls.
    public static let invisibleCharacters = CharacterMappingStep(
        name: "invisibles",
        replacements: [
            "\u{200B}": "", "\u{200C}": "", "\u{200D}": "", "\u{2060}": "", "\u{00AD}": "",
            "\u{FEFF}": "", "\u{200E}": "", "\u{200F}": "", "\u{202A}": "", "\u{202B}": "",
            "\u{202C}": "", "\u{202D}": "", "\u{202E}": "", "\u{2066}": "", "\u{2067}": "",
            "\u{2068}": "", "\u{2069}": "", "\u{180E}": "",
        ])

    /// Maps look-alike letters and spaces to the ones Vietnamese uses: Icelandic
    /// eth "Ð"/"ð" and African "Ɖ" (legacy converters emit them for "Đ"/"đ") to
    /// "Đ"/"đ", and no-break and other fixed-width spaces to the ordinary space.
    public static let lookalikes = CharacterMappingStep(
        name: "lookalikes",
        replacements: [
            "\u{00D0}": "\u{0110}", "\u{00F0}": "\u{0111}", "\u{0189}": "\u{0110}",
            "\u{00A0}": " ", "\u{2007}": " ", "\u{202F}": " ", "\u{2000}": " ", "\u{2001}": " ",
            "\u{2002}": " ", "\u{2003}": " ", "\u{2004}": " ", "\u{2005}": " ", "\u{2006}": " ",
            "\u{2008}": " ", "\u{2009}": " ", "\u{200A}": " ", "\u{205F}": " ", "\u{3000}": " ",
        ])

    /// Maps typographic punctuation to one ASCII form for matching: double quotes
    /// and guillemets to `"`, single quotes and primes to `'`, hyphens, dashes
    /// and the minus sign to `-`, the ellipsis to `...`, the fraction slash to `/`.
    public static let punctuation = CharacterMappingStep(
        name: "punctuation",
        replacements: [
            "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"",
            "\u{00AB}": "\"", "\u{00BB}": "\"", "\u{2033}": "\"", "\u{FF02}": "\"",
            "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
            "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-",
            "\u{2015}": "-", "\u{2212}": "-", "\u{FE58}": "-", "\u{FE63}": "-", "\u{FF0D}": "-",
            "\u{2026}": "...", "\u{2044}": "/",
        ])
}
