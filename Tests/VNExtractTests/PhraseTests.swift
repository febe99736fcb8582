import Foundation
import Testing
import VNEngine
import VNExtract
import VNRules

/// The phrase corpus `corpus/phrases/numbers-money-quantities.tsv`: realistic report
/// phrases, none from the seed articles, each with the one money or quantity entity it
/// must yield (`text«mark»text<TAB>type<TAB>value`), or none at all (`text<TAB>none<TAB>`).
/// It checks that the number, money and quantity rules generalize beyond their own examples.
@Suite struct PhraseTests {
    /// Every line of the phrase file, one test case each.
    static let phrases: [Phrase] = Phrase.loadAll()

    @Test func phraseFileIsWellFormed() {
        #expect(Phrase.problems.isEmpty, "\(Phrase.problems.joined(separator: "\n"))")
        #expect(Self.phrases.count >= 170, "expected at least 170 phrases, found \(Self.phrases.count)")
        let negatives = Self.phrases.filter { $0.type == nil }.count
        #expect(negatives >= 40, "expected at least 40 negative phrases, found \(negatives)")
    }

    @Test(arguments: phrases)
    func phrase(_ phrase: Phrase) throws {
        let found = try SharedExtractor.shared.moneyAndQuantities(in: phrase.text)
        let shown = found.isEmpty ? "nothing" : found.map { "\($0.type) «\($0.text)» \($0.value) (\($0.rule))" }.joined(separator: "; ")
        guard let type = phrase.type, let mark = phrase.mark else {
            #expect(found.isEmpty, "line \(phrase.line): expected no money or quantity in «\(phrase.text)», got \(shown)")
            return
        }
        let marked = phrase.slice(mark)
        let overlapping = found.filter { $0.type == type && $0.start < mark.upperBound && $0.end > mark.lowerBound }
        guard overlapping.count == 1, let entity = overlapping.first else {
            Issue.record("line \(phrase.line): expected one \(type) covering «\(marked)», got \(shown)")
            return
        }
        #expect(entity.start == mark.lowerBound && entity.end == mark.upperBound,
                "line \(phrase.line): expected the span «\(marked)», got «\(entity.text)»")
        if let expected = phrase.expected {
            #expect(ExampleValues.equal(expected, entity.value),
                    "line \(phrase.line): «\(marked)»: expected \(expected), got \(entity.value)")
        }
        let others = found.filter { $0.start != entity.start || $0.end != entity.end || $0.type != entity.type }
        #expect(others.isEmpty,
                "line \(phrase.line): expected only «\(marked)», also got \(others.map { "\($0.type) «\($0.text)» (\($0.rule))" }.joined(separator: "; "))")
    }
}

/// One line of the phrase file.
struct Phrase: Sendable, CustomTestStringConvertible {
    /// The 1-based line number in the file.
    let line: Int
    /// The text without the «» marks.
    let text: String
    /// "money" or "quantity"; nil for a negative line.
    let type: String?
    /// The marked span in Unicode scalars of `text`; nil for a negative line.
    let mark: Range<Int>?
    /// The expected value; nil for a negative line.
    let expected: JSONValue?

    var testDescription: String { "line \(line): \(text)" }

    /// The part of `text` in `range` (Unicode scalar offsets).
    func slice(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[range])
        return String(view)
    }

    /// The repository root: three levels up from this file (Tests/VNExtractTests/PhraseTests.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let path = root.appendingPathComponent("corpus/phrases/numbers-money-quantities.tsv").path

    /// Lines of the file that could not be read as a phrase.
    static let problems: [String] = load().problems

    static func loadAll() -> [Phrase] { load().phrases }

    private static func load() -> (phrases: [Phrase], problems: [String]) {
        guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
            return ([], ["cannot read \(path)"])
        }
        var phrases: [Phrase] = []
        var problems: [String] = []
        for (index, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty || raw.hasPrefix("#") { continue }
            do {
                phrases.append(try parse(String(raw), line: line))
            } catch {
                problems.append("\(path):\(line): \(error.message)")
            }
        }
        return (phrases, problems)
    }

    struct Problem: Error { let message: String }

    private static func parse(_ raw: String, line: Int) throws(Problem) -> Phrase {
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
            return Phrase(line: line, text: plain, type: nil, mark: nil, expected: nil)
        }
        guard type == "money" || type == "quantity" else {
            throw Problem(message: "expected the type money, quantity or none, found \(type)")
        }
        guard opens.count == 1, closes.count == 1, opens[0] < closes[0] else {
            throw Problem(message: "expected exactly one «...» mark")
        }
        guard let expected = jsonValue(value), expected.object != nil else {
            throw Problem(message: "expected a JSON object as the value, found \(value)")
        }
        return Phrase(line: line, text: plain, type: type, mark: opens[0]..<closes[0], expected: expected)
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
            extractor = try Extractor.standard(ruleSet: RuleLoader.load(), outputTypes: ["money", "quantity"])
        } catch {
            fatalError("cannot build the extractor: \(error)")
        }
    }

    /// The money and quantity entities of `text`.
    func moneyAndQuantities(in text: String) throws -> [Entity] {
        lock.lock()
        defer { lock.unlock() }
        return try extractor.extract(text).entities.filter { $0.type == "money" || $0.type == "quantity" }
    }
}
