import Foundation
import Testing
import VNEngine
import VNExtract
import VNRules

/// The phrase corpora under `corpus/phrases/`: realistic report phrases, none from the
/// seed articles, each with the one entity of the file's types it must yield
/// (`text«mark»text<TAB>type<TAB>value`), or none at all (`text<TAB>none<TAB>`). They check
/// that the rules generalize beyond their own examples. Each file is checked on its own
/// types only: the date phrases also contain money and quantities, and the other way round.
@Suite struct PhraseTests {
    /// Every phrase file with what it checks.
    static let files: [PhraseFile] = [
        PhraseFile(name: "numbers-money-quantities.tsv", types: ["money", "quantity"], minimumPhrases: 170, minimumNegatives: 40),
        PhraseFile(name: "dates.tsv", types: ["date"], minimumPhrases: 250, minimumNegatives: 60),
    ]

    /// Lines known to fail, by file name and line, each with the reason. Keep it short:
    /// a line here that starts passing is reported, so the list cannot go stale.
    static let expectedFailures: [String: [Int: String]] = [
        "numbers-money-quantities.tsv": [:],
        "dates.tsv": [:],
    ]

    /// Every line of every phrase file, one test case each.
    static let phrases: [Phrase] = files.flatMap { $0.load().phrases }

    @Test(arguments: files)
    func phraseFileIsWellFormed(_ file: PhraseFile) {
        let loaded = file.load()
        #expect(loaded.problems.isEmpty, "\(loaded.problems.joined(separator: "\n"))")
        #expect(loaded.phrases.count >= file.minimumPhrases,
                "\(file.name): expected at least \(file.minimumPhrases) phrases, found \(loaded.phrases.count)")
        let negatives = loaded.phrases.filter { $0.type == nil }.count
        #expect(negatives >= file.minimumNegatives,
                "\(file.name): expected at least \(file.minimumNegatives) negative phrases, found \(negatives)")
    }

    @Test(arguments: phrases)
    func phrase(_ phrase: Phrase) throws {
        if let reason = Self.expectedFailures[phrase.file.name]?[phrase.line] {
            withKnownIssue("\(phrase.file.name):\(phrase.line): \(reason)") { try check(phrase) }
        } else {
            try check(phrase)
        }
    }

    private func check(_ phrase: Phrase) throws {
        let file = phrase.file
        let found = try SharedExtractor.shared.entities(in: phrase.text).filter { file.types.contains($0.type) }
        let shown = found.isEmpty ? "nothing" : found.map { "\($0.type) «\($0.text)» \($0.value) (\($0.rule))" }.joined(separator: "; ")
        let place = "\(file.name):\(phrase.line)"
        guard let type = phrase.type, let mark = phrase.mark else {
            #expect(found.isEmpty, "\(place): expected no \(file.types.sorted().joined(separator: " or ")) in «\(phrase.text)», got \(shown)")
            return
        }
        let marked = phrase.slice(mark)
        let overlapping = found.filter { $0.type == type && $0.start < mark.upperBound && $0.end > mark.lowerBound }
        guard overlapping.count == 1, let entity = overlapping.first else {
            Issue.record("\(place): expected one \(type) covering «\(marked)», got \(shown)")
            return
        }
        #expect(entity.start == mark.lowerBound && entity.end == mark.upperBound,
                "\(place): expected the span «\(marked)», got «\(entity.text)»")
        if let expected = phrase.expected {
            #expect(ExampleValues.equal(expected, entity.value),
                    "\(place): «\(marked)»: expected \(expected), got \(entity.value)")
        }
        let others = found.filter { $0.start != entity.start || $0.end != entity.end || $0.type != entity.type }
        #expect(others.isEmpty,
                "\(place): expected only «\(marked)», also got \(others.map { "\($0.type) «\($0.text)» (\($0.rule))" }.joined(separator: "; "))")
    }
}

/// A phrase file and what it checks.
struct PhraseFile: Sendable, CustomTestStringConvertible {
    /// The file name under `corpus/phrases/`.
    let name: String
    /// The entity types its lines name (besides `none`); only these are compared.
    let types: Set<String>
    let minimumPhrases: Int
    let minimumNegatives: Int

    var testDescription: String { name }

    var path: String { Phrase.root.appendingPathComponent("corpus/phrases/\(name)").path }

    /// The file's phrases and the lines that could not be read as one.
    func load() -> (phrases: [Phrase], problems: [String]) {
        guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
            return ([], ["cannot read \(path)"])
        }
        var phrases: [Phrase] = []
        var problems: [String] = []
        for (index, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty || raw.hasPrefix("#") { continue }
            do {
                phrases.append(try Phrase.parse(String(raw), line: line, file: self))
            } catch {
                problems.append("\(path):\(line): \(error.message)")
            }
        }
        return (phrases, problems)
    }
}

/// One line of a phrase file.
struct Phrase: Sendable, CustomTestStringConvertible {
    /// The file it comes from.
    let file: PhraseFile
    /// The 1-based line number in the file.
    let line: Int
    /// The text without the «» marks.
    let text: String
    /// One of the file's types; nil for a negative line.
    let type: String?
    /// The marked span in Unicode scalars of `text`; nil for a negative line.
    let mark: Range<Int>?
    /// The expected value; nil for a negative line.
    let expected: JSONValue?

    var testDescription: String { "\(file.name):\(line): \(text)" }

    /// The part of `text` in `range` (Unicode scalar offsets).
    func slice(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[range])
        return String(view)
    }

    /// The repository root: three levels up from this file (Tests/VNExtractTests/PhraseTests.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Problem: Error { let message: String }

    static func parse(_ raw: String, line: Int, file: PhraseFile) throws(Problem) -> Phrase {
        let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else { throw Problem(message: "expected 3 tab-separated fields, found \(fields.count)") }
        let (marked, type, value) = (fields[0], fields[1], fields[2])
        var text = String.UnicodeScalarView()
        var opens: [Int] = [], closes: [Int] = []
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "«": opens.append(text.count)
            case "»": closes.append(text.count)
            default: text.append(scalar)
            }
        }
        let plain = String(text)
        if type == "none" {
            guard opens.isEmpty, closes.isEmpty, value.isEmpty else {
                throw Problem(message: "expected a negative line to have no «» mark and no value")
            }
            return Phrase(file: file, line: line, text: plain, type: nil, mark: nil, expected: nil)
        }
        guard file.types.contains(type) else {
            throw Problem(message: "expected the type \(file.types.sorted().joined(separator: ", ")) or none, found \(type)")
        }
        guard opens.count == 1, closes.count == 1, opens[0] < closes[0] else {
            throw Problem(message: "expected exactly one «...» mark")
        }
        guard let expected = jsonValue(value), expected.object != nil else {
            throw Problem(message: "expected a JSON object as the value, found \(value)")
        }
        return Phrase(file: file, line: line, text: plain, type: type, mark: opens[0]..<closes[0], expected: expected)
    }

    /// A JSON text as a ``JSONValue`` (numbers as doubles), nil if it is not JSON.
    private static func jsonValue(_ text: String) -> JSONValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        return convert(object)
    }

    private static func convert(_ any: Any) -> JSONValue? {
        switch any {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let dictionary as [String: Any]:
            var fields: [String: JSONValue] = [:]
            for (key, value) in dictionary {
                guard let converted = convert(value) else { return nil }
                fields[key] = converted
            }
            return .object(fields)
        case let array as [Any]:
            var items: [JSONValue] = []
            for value in array {
                guard let converted = convert(value) else { return nil }
                items.append(converted)
            }
            return .array(items)
        case let number as NSNumber: return .number(number.doubleValue)
        default: return nil
        }
    }
}

/// One extractor for the built-in rules, built once and shared by every case. An
/// ``Extractor`` is not thread-safe, and test cases run in parallel, so calls take a lock.
final class SharedExtractor: @unchecked Sendable {
    static let shared = SharedExtractor()

    private let lock = NSLock()
    private let extractor: Extractor

    private init() {
        do {
            // The standard extractor: rules and document passes, no reference date.
            extractor = try Extractor.standard(ruleSet: RuleLoader.load())
        } catch {
            fatalError("cannot build the extractor: \(error)")
        }
    }

    /// The entities of `text` (every contract type).
    func entities(in text: String) throws -> [Entity] {
        lock.lock()
        defer { lock.unlock() }
        return try extractor.extract(text).entities
    }
}
