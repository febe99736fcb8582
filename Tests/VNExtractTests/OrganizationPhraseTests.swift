import Testing
import VNEval
import VNRules

/// `corpus/phrases/organizations.tsv`: the organization rules, on phrases none of
/// which comes from the seed articles. Checked like the other phrase files
/// (``PhraseTests``), except that names agree as the scorer compares them (case,
/// white space and tone placement folded) and kinds must be equal.
@Suite struct OrganizationPhraseTests {
    static let file = PhraseFile(name: "organizations.tsv", types: ["organization"], minimumPhrases: 200, minimumNegatives: 50)

    /// Lines the rules get wrong, by line, each with the reason.
    static let expectedFailures: [Int: String] = [:]

    /// Every line of the file, one test case each.
    static let phrases: [Phrase] = file.load().phrases

    @Test func phraseFileIsWellFormed() {
        let loaded = Self.file.load()
        #expect(loaded.problems.isEmpty, "\(loaded.problems.joined(separator: "\n"))")
        #expect(loaded.phrases.count >= Self.file.minimumPhrases)
        #expect(loaded.phrases.filter { $0.type == nil }.count >= Self.file.minimumNegatives)
    }

    @Test(arguments: phrases)
    func phrase(_ phrase: Phrase) throws {
        if let reason = Self.expectedFailures[phrase.line] {
            withKnownIssue("organizations.tsv:\(phrase.line): \(reason)") { try check(phrase) }
        } else {
            try check(phrase)
        }
    }

    private func check(_ phrase: Phrase) throws {
        let found = try SharedExtractor.shared.entities(in: phrase.text).filter { $0.type == "organization" }
        let shown = found.isEmpty ? "nothing" : found.map { "«\($0.text)» \($0.value) (\($0.rule))" }.joined(separator: "; ")
        let place = "organizations.tsv:\(phrase.line)"
        guard let mark = phrase.mark else {
            #expect(found.isEmpty, "\(place): expected no organization in «\(phrase.text)», got \(shown)")
            return
        }
        let marked = phrase.slice(mark)
        guard found.count == 1, let entity = found.first else {
            Issue.record("\(place): expected one organization, «\(marked)», got \(shown)")
            return
        }
        #expect(entity.start == mark.lowerBound && entity.end == mark.upperBound, "\(place): expected the span «\(marked)», got «\(entity.text)»")
        if let expected = phrase.expected {
            #expect(ValueComparison.disagreements(gold: expected, predicted: entity.value).isEmpty
                        && expected.object?["kind"] == entity.value.object?["kind"],
                    "\(place): «\(marked)»: expected \(expected), got \(entity.value)")
        }
    }
}
