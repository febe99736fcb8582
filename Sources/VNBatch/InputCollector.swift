import Foundation

/// One input named on the command line, after directories are expanded.
public enum InputItem: Sendable, Equatable {
    /// A file, by path as given (or joined under a given directory).
    case file(String)
    /// Standard input.
    case standardInput

    /// The name used for ids and problem reports ("-" for standard input).
    public var name: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        }
    }
}

/// Expands command-line inputs: files stay as given, directories become their
/// `*.txt` files (`*.jsonl`/`*.ndjson` for JSON Lines input), recursively, in
/// byte-wise sorted path order, skipping hidden files and folders; "-" is
/// standard input.
public enum InputCollector {
    /// The inputs in order, and the problems met (a path that does not exist).
    public static func collect(_ arguments: [String], format: InputFormat) -> (items: [InputItem], problems: [RecordProblem]) {
        var items: [InputItem] = []
        var problems: [RecordProblem] = []
        let fileManager = FileManager.default
        for argument in arguments {
            if argument == "-" {
                items.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(RecordProblem(.error, at: RecordLocation(source: argument), message: "no such file or directory"))
                continue
            }
            if !isDirectory.boolValue {
                items.append(.file(argument))
                continue
            }
            let extensions: Set<String> = format == .text ? ["txt"] : ["jsonl", "ndjson"]
            guard let enumerator = fileManager.enumerator(atPath: argument) else {
                problems.append(RecordProblem(.error, at: RecordLocation(source: argument), message: "cannot read directory"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    // Hidden files and folders (.git, .cache) are not inputs.
                    if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                let path = argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
                var isSubdirectory: ObjCBool = false
                if fileManager.fileExists(atPath: path, isDirectory: &isSubdirectory), !isSubdirectory.boolValue {
                    found.append(path)
                }
            }
            // Byte-wise order, the same on every machine and locale.
            found.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            items.append(contentsOf: found.map { .file($0) })
        }
        return (items, problems)
    }
}
