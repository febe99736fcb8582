/// Which normalization steps run, and how.
///
/// Every step is on by default; each can be switched off. The order is fixed:
/// invisible characters, look-alikes, punctuation, NFC, tone marks, white space.
public struct NormalizationOptions: Sendable, Equatable {
    /// Delete zero-width characters, soft hyphens, inner BOMs and bidi controls.
    public var removeInvisibles = true
    /// Map "Ð" (U+00D0) to "Đ" (U+0110), NBSP and other spaces to " ".
    public var foldLookalikes = true
    /// Map typographic quotes, dashes and the ellipsis to ASCII forms.
    public var canonicalizePunctuation = true
    /// Normalize to Unicode NFC through ICU.
    public var unicodeNFC = true
    /// Where tone marks go; nil leaves them as written.
    public var toneMarkStyle: ToneMarkStyle? = .traditional
    /// Collapse runs of white space to one " " or "\n".
    public var collapseWhitespace = true

    /// The default options: every step on, traditional tone placement ("hóa").
    public init() {}
}

/// Runs the normalization steps over a text and keeps the map back to it.
public struct Normalizer: Sendable {
    /// The steps, in the order they run.
    public let steps: [any NormalizationStep]

    /// A normalizer with the steps `options` selects.
    public init(options: NormalizationOptions = NormalizationOptions()) {
        var steps: [any NormalizationStep] = []
        if options.removeInvisibles { steps.append(CharacterMappingStep.invisibleCharacters) }
        if options.foldLookalikes { steps.append(CharacterMappingStep.lookalikes) }
        if options.canonicalizePunctuation { steps.append(CharacterMappingStep.punctuation) }
        if options.unicodeNFC { steps.append(UnicodeNFC()) }
        if let style = options.toneMarkStyle { steps.append(ToneMarkCanonicalizer(style: style)) }
        if options.collapseWhitespace { steps.append(WhitespaceCollapser()) }
        self.steps = steps
    }

    /// A normalizer running exactly `steps`, in order.
    public init(steps: [any NormalizationStep]) {
        self.steps = steps
    }

    /// Normalizes decoded text (UTF-16 code units).
    public func normalize(_ original: [UInt16]) throws(TextError) -> NormalizedText {
        var units = original
        var map = OffsetMap(identityOver: original.count)
        for step in steps {
            guard let output = try step.apply(units) else { continue }
            if let alignment = output.alignment { map.compose(alignment) }
            units = output.text
        }
        return NormalizedText(original: original, units: units, offsetMap: map)
    }

    /// Normalizes a string; a convenience for callers and tests.
    public func normalize(_ original: String) throws(TextError) -> NormalizedText {
        try normalize(Array(original.utf16))
    }
}

/// A text in normalized form, with the original it came from.
public struct NormalizedText: Sendable {
    /// The original text, UTF-16.
    public let original: [UInt16]
    /// The normalized text, UTF-16.
    public let units: [UInt16]
    /// Maps normalized positions to original positions (UTF-16).
    public let offsetMap: OffsetMap
    /// Converts original UTF-16 offsets into Unicode scalar offsets.
    public let originalScalars: ScalarOffsets

    /// Bundles a normalized text with its original and offset map.
    public init(original: [UInt16], units: [UInt16], offsetMap: OffsetMap) {
        self.original = original
        self.units = units
        self.offsetMap = offsetMap
        self.originalScalars = ScalarOffsets(original)
    }

    /// The normalized text as a String.
    public var string: String { String(decoding: units, as: UTF16.self) }

    /// The original text as a String.
    public var originalString: String { String(decoding: original, as: UTF16.self) }

    /// The original range, in Unicode scalar offsets, of the normalized UTF-16 range `range`.
    public func originalScalarRange(ofNormalized range: Range<Int>) -> Range<Int> {
        let utf16 = offsetMap.originalRange(ofNormalized: range)
        return originalScalars.scalarOffset(utf16.lowerBound)..<originalScalars.scalarOffset(utf16.upperBound)
    }
}

extension ToneMarkCanonicalizer: NormalizationStep {
    public var name: String { "tone-marks" }

    public func apply(_ text: [UInt16]) -> StepOutput? {
        var output = text
        return canonicalize(&output) ? StepOutput(text: output, alignment: nil) : nil
    }
}
