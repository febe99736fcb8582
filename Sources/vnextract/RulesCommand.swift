import ArgumentParser
import VNEngine
import VNExtract

/// `vnextract rules`: what the loaded rules are, and which producers they may call.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the loaded rules (id, type, priority, examples, where), or with --producers the producers rule files may call."
    )

    @Flag(help: "List the producers (value computations) that `emit` may call, with what they compute.")
    var producers = false

    @OptionGroup var rules: RuleOptions

    func run() throws {
        if producers {
            for producer in StandardProducers.registry.catalog {
                print("\(producer.name)\t\(producer.summary)")
            }
            return
        }
        let ruleSet = try rules.load()
        for rule in ruleSet.rules {
            let examples = rule.examples.filter { !$0.isCounter }.count
            let counters = rule.examples.count - examples
            print("\(rule.id)\t\(rule.type)\tpriority \(rule.priority)\t\(examples) examples, \(counters) counters\t\(rule.location)")
        }
    }
}
