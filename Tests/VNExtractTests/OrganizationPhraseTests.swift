import Testing
import VNEval
import VNRules

/// `corpus/phrases/organizations.tsv`: the organization rules. Names agree as the scorer
/// compares them (case, white space and tone placement folded); kinds must be equal.
@Suite struct OrganizationPhraseTests {
    static let file = PhraseFile(
        path: "corpus/phrases/organizations.tsv", types: ["organization"],
        minimumPhrases: 200, minimumNegatives: 50,
        expectedFailures: OrganizationPhraseTests.expectedFailures,
        valuesAgree: { expected, found in
            ValueComparison.disagreements(gold: expected, predicted: found).isEmpty
                && expected.object?["kind"] == found.object?["kind"]
        })

    /// Lines the rules get wrong, with the reason.
    static let expectedFailures: [Int: String] = [:]

    /// Every line of the phrase file, one test case each.
    static let phrases: [Phrase] = file.loaded.phrases

    @Test func phraseFileIsWellFormed() { Self.file.checkWellFormed() }

    @Test(arguments: phrases)
    func phrase(_ phrase: Phrase) throws { try Self.file.check(phrase) }
}
