import ArgumentParser
import VNEngine
import VNExtract
import VNRules
import VNText

/// `vnextract explain "text"`: tokens, every candidate match, and which won and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the tokens of a text, every candidate match with its rule, and which won and why."
    )

    @Argument(help: "The text to explain.")
    var text: String

    @OptionGroup var rules: RuleOptions
    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let ruleSet = try rules.load()
        let extractor = try extraction.extractor(ruleSet: ruleSet)
        let result = try extractor.extract(text, keepCandidates: true)
        let tokenized = result.tokenized
        print("tokens:")
        for (index, token) in tokenized.tokens.enumerated() {
            let range = tokenized.scalarRange(of: token)
            let glue = token.spaceBefore || index == 0 ? " " : "^"
            print("  \(pad(index, 3)) \(glue)\(tokenized.originalText(of: token))  [\(range.lowerBound)-\(range.upperBound)] \(token.kind.rawValue)/\(token.shape.rawValue) key=\(tokenized.key(of: token))")
        }
        print("candidates (type: rule «text» value → outcome):")
        func words(_ tokens: Range<Int>) -> String {
            guard !tokens.isEmpty else { return "" }
            let first = tokenized.tokens[tokens.lowerBound], last = tokenized.tokens[tokens.upperBound - 1]
            return String(decoding: tokenized.text.original[first.originalRange.lowerBound..<last.originalRange.upperBound], as: UTF16.self)
        }
        for candidate in result.candidates {
            let outcome: String
            switch candidate.outcome {
            case .won: outcome = "WON"
            case .lost(let winner, let reason):
                let w = result.candidates[winner]
                outcome = "lost to \(w.rule) «\(words(w.tokens))» (\(reason))"
            case .rejected: outcome = "rejected by its producer"
            case .excluded(let reason): outcome = "excluded: \(reason)"
            }
            print("  \(candidate.type): \(candidate.rule) «\(words(candidate.tokens))» \(candidate.value) → \(outcome)")
        }
        print("entities:")
        for entity in result.entities {
            print("  \(entity.type) [\(entity.start)-\(entity.end)] «\(entity.text)» \(entity.value) (\(entity.rule))"
                  + entity.warnings.map { "\n    warning: \($0)" }.joined())
        }
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
