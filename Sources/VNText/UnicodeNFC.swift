import CVNICU

/// Unicode Normalization Form C through ICU.
///
/// ICU's quick check runs first: text that is already NFC (the usual case) is
/// not copied. Otherwise each output unit maps back to the normalization
/// segment (a starter and its combining marks) it came from.
public struct UnicodeNFC: NormalizationStep {
    public let name = "nfc"

    /// Creates the step.
    public init() {}

    public func apply(_ text: [UInt16]) throws(TextError) -> StepOutput? {
        guard text.count < Int(Int32.max) / 3 else { throw .documentTooLarge(utf16Length: text.count) }
        var status: Int32 = 0
        let span = text.withUnsafeBufferPointer {
            cvn_nfc_quick_check_span($0.baseAddress, Int32($0.count), &status)
        }
        if status > 0 { throw .icu(operation: "NFC quick check", code: status) }
        if Int(span) == text.count { return nil }

        let capacity = text.count * 3
        var output = [UInt16](repeating: 0, count: capacity)
        var alignment = StepAlignment()
        alignment.sourceStart = [Int32](repeating: 0, count: capacity)
        alignment.sourceEnd = [Int32](repeating: 0, count: capacity)
        let produced = text.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { dest in
                alignment.sourceStart.withUnsafeMutableBufferPointer { starts in
                    alignment.sourceEnd.withUnsafeMutableBufferPointer { ends in
                        cvn_nfc_normalize_mapped(
                            input.baseAddress, Int32(input.count), dest.baseAddress,
                            starts.baseAddress, ends.baseAddress, Int32(capacity), &status)
                    }
                }
            }
        }
        if status > 0 { throw .icu(operation: "NFC normalization", code: status) }
        let count = Int(produced)
        output.removeSubrange(count...)
        alignment.sourceStart.removeSubrange(count...)
        alignment.sourceEnd.removeSubrange(count...)
        return StepOutput(text: output, alignment: alignment)
    }
}
