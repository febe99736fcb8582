import ArgumentParser
import VNEngine
import VNExtract

/// Options of the extraction itself (not of the rules): the reference date.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .customLong("reference-date"),
            help: ArgumentHelp("The date the texts were written (YYYY-MM-DD): the year for dates written without one when a document has no dateline, and the anchor of relative dates (\"hôm nay\", \"năm ngoái\"), which are left out without it.",
                               valueName: "date"))
    var referenceDate: String?

    /// The parsed reference date.
    var reference: GregorianDay? {
        referenceDate.flatMap { GregorianDay(iso: $0) }
    }

    func validate() throws {
        if let referenceDate, GregorianDay(iso: referenceDate) == nil {
            throw ValidationError("--reference-date '\(referenceDate)' is not a date; expected YYYY-MM-DD, such as 2024-05-28")
        }
    }

    /// The standard extractor for `ruleSet` with these options.
    func extractor(ruleSet: RuleSet, outputTypes: Set<String> = Extractor.contractTypes) throws -> Extractor {
        try Extractor.standard(ruleSet: ruleSet, outputTypes: outputTypes, referenceDate: reference)
    }
}
