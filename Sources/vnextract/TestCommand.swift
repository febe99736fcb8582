import ArgumentParser
import VNExtract

/// `vnextract test`: runs every rule's examples and counter-examples.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every example and counter-example of the rules; exit 1 if any fails.",
        discussion: "With a folder, its rules are tested together with the built-in ones (use --no-builtin-rules for only yours)."
    )

    @Argument(help: "A folder of rule files to test (same as --rules).")
    var folder: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        var options = rules
        if let folder { options.folders.append(folder) }
        let ruleSet = try options.load()
        let report = try ExampleRunner.run(ruleSet)
        for failure in report.failures { print(failure.description) }
        print("examples: \(report.passed) passed, \(report.failures.count) failed")
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
