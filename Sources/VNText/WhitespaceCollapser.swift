/// Collapses every run of white space to one character: a line break if the
/// run contains one (so headlines and paragraphs stay apart for sentence
/// splitting and datelines), else a single space. Tabs, CR and other spaces
/// become " " or "\n". Leading and trailing runs are collapsed, not removed.
public struct WhitespaceCollapser: NormalizationStep {
    public let name = "whitespace"

    /// Creates the step.
    public init() {}

    public func apply(_ text: [UInt16]) -> StepOutput? {
        guard needsRewrite(text) else { return nil }
        var output: [UInt16] = []
        output.reserveCapacity(text.count)
        var alignment = StepAlignment(capacity: text.count)
        var i = 0
        let count = text.count
        while i < count {
            let cls = CharacterTables.characterClass(text[i])
            guard cls == .space || cls == .newline else {
                output.append(text[i])
                alignment.append(i, i + 1)
                i += 1
                continue
            }
            let start = i
            var hasNewline = false
            while i < count {
                let c = CharacterTables.characterClass(text[i])
                guard c == .space || c == .newline else { break }
                if c == .newline { hasNewline = true }
                i += 1
            }
            output.append(hasNewline ? 0x0A : 0x20)
            alignment.append(start, i)
        }
        return StepOutput(text: output, alignment: alignment)
    }

    /// Whether some white space is not already a lone " " or "\n".
    private func needsRewrite(_ text: [UInt16]) -> Bool {
        var previousWasSpace = false
        for unit in text {
            let cls = CharacterTables.characterClass(unit)
            if cls == .space || cls == .newline {
                if previousWasSpace || (unit != 0x20 && unit != 0x0A) { return true }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        return false
    }
}
