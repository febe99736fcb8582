import ArgumentParser
import VNEngine
import VNExtract
import VNRules

/// Which rules to load: the built-in ones and/or a user's folders.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder of rule files (*.rules, lexicons/*.txt) to add; may repeat.", valueName: "dir"))
    var folders: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Use only the rules given with --rules.")
    var noBuiltinRules = false

    /// Compiles the rules; a malformed rule file prints every problem (file:line:column) and exits 2.
    /// (Checked here, not in `validate()`: `vnextract test DIR` adds its folder first.)
    func load() throws -> RuleSet {
        if noBuiltinRules && folders.isEmpty { throw ValidationError("--no-builtin-rules needs at least one --rules folder") }
        do {
            return try RuleLoader.load(includeBuiltin: !noBuiltinRules, directories: folders)
        } catch {
            printError(error.description)
            printError("vnextract: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in the rules")
            throw ExitCode(2)
        }
    }
}
