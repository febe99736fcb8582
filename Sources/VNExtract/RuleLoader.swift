import Foundation
import VNEngine
import VNRules

/// One rule or lexicon file's text.
public struct RuleSourceFile: Sendable, Equatable {
    /// The path as given (or "builtin/..." for the embedded rules).
    public var path: String
    /// The file's text.
    public var contents: String

    /// Creates a source file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Whether this is a lexicon word list (`lexicons/NAME.txt`) rather than a `.rules` file.
    public var isLexicon: Bool { path.hasSuffix(".txt") && path.split(separator: "/").contains("lexicons") }
}

/// Finds, parses and compiles rule folders: the built-in rules embedded in the
/// binary, and any folder a user gives with `--rules`.
public enum RuleLoader {
    /// The built-in rules (the repository's rules/ folder, embedded at build time).
    public static var builtinSources: [RuleSourceFile] {
        BuiltinRules.files.map { RuleSourceFile(path: "builtin/" + $0.path, contents: $0.contents) }
    }

    /// The `.rules` files and `lexicons/*.txt` files under `directory`, recursively, in byte-wise path order.
    public static func sources(inDirectory directory: String) throws(RuleDiagnostics) -> [RuleSourceFile] {
        let location = RuleSourceLocation(file: directory, line: 0, column: 0)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw RuleDiagnostics([RuleDiagnostic("expected a folder of rule files, found no folder here", at: location)])
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let candidate = RuleSourceFile(path: relative, contents: "")
            if relative.hasSuffix(".rules") || candidate.isLexicon { paths.append(relative) }
        }
        paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var files: [RuleSourceFile] = []
        var problems: [RuleDiagnostic] = []
        for relative in paths {
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(RuleDiagnostic("cannot read the file", at: RuleSourceLocation(file: path, line: 0, column: 0)))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(RuleDiagnostic("expected UTF-8 text, found invalid bytes", at: RuleSourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            files.append(RuleSourceFile(path: path, contents: text))
        }
        if !problems.isEmpty { throw RuleDiagnostics(problems) }
        return files
    }

    /// Parses and compiles `files` with `producers`; every problem of every file is reported together.
    public static func compile(_ files: [RuleSourceFile], producers: ProducerRegistry = StandardProducers.registry) throws(RuleDiagnostics) -> RuleSet {
        var ruleFiles: [RuleFile] = []
        var lexicons: [LexiconDeclaration] = []
        var problems: [RuleDiagnostic] = []
        for file in files {
            do {
                if file.isLexicon {
                    lexicons.append(try LexiconFileParser.parse(file.contents, path: file.path))
                } else {
                    ruleFiles.append(try RuleFileParser.parse(file.contents, path: file.path))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw RuleDiagnostics(problems) }
        return try RuleSet(files: ruleFiles, lexicons: lexicons, producers: producers)
    }

    /// The built-in rules (unless `includeBuiltin` is false) plus the rules in `directories`, compiled.
    public static func load(includeBuiltin: Bool = true, directories: [String] = []) throws(RuleDiagnostics) -> RuleSet {
        var files = includeBuiltin ? builtinSources : []
        for directory in directories { files += try sources(inDirectory: directory) }
        return try compile(files)
    }
}
