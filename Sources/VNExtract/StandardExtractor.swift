import VNEngine
import VNText

extension Extractor {
    /// The document passes every standard extraction runs after the rules.
    public static func standardPasses(referenceDate: GregorianDay? = nil) -> [any DocumentPass] {
        [DatePass(referenceDate: referenceDate)]
    }

    /// An extractor for `ruleSet` with the standard document passes: what
    /// `vnextract extract`, `eval` and `explain` run.
    public static func standard(ruleSet: RuleSet, outputTypes: Set<String> = Extractor.contractTypes,
                                referenceDate: GregorianDay? = nil) throws(TextError) -> Extractor {
        try Extractor(ruleSet: ruleSet, outputTypes: outputTypes, passes: standardPasses(referenceDate: referenceDate))
    }
}
