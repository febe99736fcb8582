/// One step of the normalization pipeline over UTF-16 text.
///
/// Steps are small and independent, so each can be tested, reordered or
/// switched off on its own (see ``NormalizationOptions``).
public protocol NormalizationStep: Sendable {
    /// A short identifier, e.g. "nfc" or "tone-marks".
    var name: String { get }

    /// Applies the step. Returns nil when the text is already in the step's
    /// canonical form, so the caller copies nothing (the fast path).
    func apply(_ text: [UInt16]) throws(TextError) -> StepOutput?
}

/// What a step made of its input.
public struct StepOutput: Sendable {
    /// The rewritten text.
    public var text: [UInt16]
    /// How `text` maps back to the step's input; nil when every unit was
    /// replaced by exactly one unit (same length, same positions).
    public var alignment: StepAlignment?

    /// Creates a step output.
    public init(text: [UInt16], alignment: StepAlignment?) {
        self.text = text
        self.alignment = alignment
    }
}
