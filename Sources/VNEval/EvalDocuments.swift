import Foundation
import VNRules
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Musl)
import Musl
private let systemRead = Musl.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// One entity of a gold or predicted document (OUTPUT.md: `type`, `start`,
/// `end`, `text`, `value`, `rule`). Offsets count Unicode scalars of the
/// original document text, as Python's `str` indices do.
public struct EvalEntity: Sendable, Hashable {
    /// The entity type ("organization", "date", "quantity", "money", ...).
    public var type: String
    /// First scalar of the span.
    public var start: Int
    /// One past the last scalar of the span.
    public var end: Int
    /// The span's text as the producer wrote it; `nil` when absent (or not a string).
    public var text: String?
    /// The normalized value; `.null` when absent.
    public var value: JSONValue {
        didSet { original = nil }
    }
    /// The rule that produced the entity, shown in error listings.
    public var rule: String?
    /// The value exactly as read from a file (key order, integer or float),
    /// so that error listings print it as score.py does. Not part of equality.
    var original: OriginalValue?

    /// Creates an entity.
    public init(type: String, start: Int, end: Int, text: String? = nil, value: JSONValue = .null, rule: String? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.rule = rule
    }

    /// Equal type, span, text, value and rule.
    public static func == (a: EvalEntity, b: EvalEntity) -> Bool {
        a.type == b.type && a.start == b.start && a.end == b.end && a.text == b.text && a.value == b.value && a.rule == b.rule
    }

    /// Hashes type, span, text, value and rule.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(text)
        hasher.combine(value)
        hasher.combine(rule)
    }

    /// The value as Python would hold it.
    var pythonValue: PyValue { original?.value ?? PyValue(value) }
}

/// An entity value as read from a file (immutable, shared).
final class OriginalValue: Sendable {
    let value: PyValue
    init(_ value: PyValue) { self.value = value }
}

/// A document id as score.py keys documents: a string, an integer, or any
/// other JSON value keyed by its `json.dumps(..., sort_keys=True)` text.
/// A string id "1" and an integer id 1 are different documents; ids compare
/// by code points (no Unicode normalization).
public struct DocumentID: Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable { case string, integer }
    private let kind: Kind
    private let key: CodePoints

    /// A string id.
    public init(_ string: String) {
        kind = .string
        key = CodePoints(string)
    }

    /// An integer id.
    public init(_ integer: Int) {
        kind = .integer
        key = CodePoints(String(integer))
    }

    /// The id of a record's `"id"` field (score.py `_id_key`).
    init(python value: PyValue) {
        switch value {
        case .string(let s):
            kind = .string
            key = CodePoints(s)
        case .int(let digits):
            kind = .integer
            key = CodePoints(digits)
        default:
            kind = .string
            key = CodePoints(value.dumps(sortKeys: true))
        }
    }

    /// The id's text (the string, or the integer's digits).
    public var text: String { key.string }

    /// Whether the id is an integer.
    public var isInteger: Bool { kind == .integer }

    /// The id as score.py prints it (Python `repr`: `'000'`, `7`).
    public var description: String {
        kind == .integer ? key.string : PythonText.repr(key.string)
    }
}

/// An entity of an input record that score.py skips as malformed.
public struct MalformedEntity: Sendable, Hashable {
    /// Position in the record's `entities` list.
    public var index: Int
    /// What is wrong: "not an object", "missing or non-string type",
    /// "missing or non-integer start/end" (reversed or negative spans of
    /// well-typed entities are found by the scorer).
    public var problem: String
    /// The start of the entry's Python `repr`, for warnings.
    public var excerpt: String
}

/// One document: its id, the original text (gold files), and its entities.
public struct EvalDocument: Sendable {
    /// The document id.
    public var id: DocumentID
    /// The original text (a gold record's `"text"`), used to check predicted
    /// texts and to show context; `nil` when absent or not a string.
    public var text: String?
    /// The entities with the fields scoring needs, in record order.
    public var entities: [EvalEntity]
    /// Entries of the record's `entities` list that are not usable entities.
    public var malformed: [MalformedEntity]
    /// The 1-based line in the source file, when read from a file.
    public var line: Int?

    /// Creates a document (in-process predictions have no malformed entries).
    public init(id: DocumentID, text: String? = nil, entities: [EvalEntity], malformed: [MalformedEntity] = [], line: Int? = nil) {
        self.id = id
        self.text = text
        self.entities = entities
        self.malformed = malformed
        self.line = line
    }

    /// Each entity's position in the record's original `entities` list
    /// (entities and malformed entries interleaved as they were read).
    var entityIndices: [Int] {
        if malformed.isEmpty { return Array(entities.indices) }
        let skipped = Set(malformed.map(\.index))
        var out: [Int] = []
        out.reserveCapacity(entities.count)
        var position = 0
        while out.count < entities.count {
            if !skipped.contains(position) { out.append(position) }
            position += 1
        }
        return out
    }
}

/// Which file a document set comes from; it names the file in messages.
public enum EvalRole: String, Sendable {
    /// The gold (reference) file: a duplicate id is an error.
    case gold
    /// The prediction file: a duplicate id is a warning (first one kept).
    case prediction
}

/// An input file that cannot be read or is not JSON Lines of the expected
/// shape (score.py exits with status 2). The message names file and line,
/// e.g. `gold file g.jsonl, line 3: invalid JSON: Expecting value: line 1 column 1 (char 0)`.
public struct EvalInputError: Error, Sendable, CustomStringConvertible {
    /// The message (score.py prints it after "score.py: error: ").
    public var message: String
    /// The message.
    public var description: String { message }
}

/// The documents of one gold or prediction file, in file order, by id.
public struct EvalDocumentSet: Sendable {
    /// The file path as given ("-" for standard input), used in the report.
    public var source: String
    /// The documents in order; ids are unique.
    public private(set) var documents: [EvalDocument]
    /// Warnings from reading (duplicate prediction ids).
    public var warnings: [String]
    private var positions: [DocumentID: Int]

    /// A set of documents; of documents with the same id the first is kept.
    public init(source: String, documents: [EvalDocument], warnings: [String] = []) {
        self.source = source
        self.documents = []
        self.warnings = warnings
        self.positions = [:]
        for document in documents where positions[document.id] == nil {
            positions[document.id] = self.documents.count
            self.documents.append(document)
        }
    }

    /// Predictions made in-process: entities by (string) document id. The
    /// documents are ordered by id (code point order).
    public static func predictions(_ entitiesByID: [String: [EvalEntity]], source: String = "-") -> EvalDocumentSet {
        let ids = entitiesByID.keys.sorted(by: PythonText.less)
        return EvalDocumentSet(source: source, documents: ids.map {
            EvalDocument(id: DocumentID($0), entities: entitiesByID[$0]!)
        })
    }

    /// Predictions made in-process, in the given document order.
    public static func predictions(_ entitiesByID: [(id: DocumentID, entities: [EvalEntity])], source: String = "-") -> EvalDocumentSet {
        EvalDocumentSet(source: source, documents: entitiesByID.map { EvalDocument(id: $0.id, entities: $0.entities) })
    }

    /// The document with `id`, if any.
    public subscript(id: DocumentID) -> EvalDocument? {
        positions[id].map { documents[$0] }
    }

    /// Whether a document has `id`.
    public func contains(_ id: DocumentID) -> Bool { positions[id] != nil }

    /// Reads a JSON Lines file ("-" reads standard input).
    public static func read(path: String, role: EvalRole) throws -> EvalDocumentSet {
        let bytes: [UInt8]
        if path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            bytes = try readFile(path, role: role)
        }
        return try parse(bytes: bytes, source: path, role: role)
    }

    private static func roleName(_ role: EvalRole) -> String { role.rawValue }

    private static func readFile(_ path: String, role: EvalRole) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            throw EvalInputError(message: "\(roleName(role)) file \(path): cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                let reason = String(cString: strerror(code))
                if code == EISDIR {
                    throw EvalInputError(message: "\(roleName(role)) file \(path): cannot open: \(reason)")
                }
                throw EvalInputError(message: "\(roleName(role)) file \(path): read error: \(reason)")
            }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    /// Splits bytes into lines the way Python's text mode does (universal
    /// newlines: "\n", "\r\n" and a lone "\r" end a line; each line keeps
    /// one "\n" at its end).
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                lines.append(bytes[start..<i])
                i += 1
                start = i
            } else if bytes[i] == 0x0D {
                lines.append(bytes[start..<i])
                i += (i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { lines.append(bytes[start..<bytes.count]) }
        return lines
    }

    /// Parses JSON Lines bytes; `source` names the input in messages.
    public static func parse(bytes: [UInt8], source: String, role: EvalRole) throws -> EvalDocumentSet {
        let name = roleName(role)
        let rawLines = splitLines(bytes)
        // Python decodes in chunks: the lines before a bad chunk are read (and
        // may fail) before the decoding error.
        let decodingFailure = PythonUTF8.failure(bytes)
        let usable = decodingFailure.map { min($0.linesBefore, rawLines.count) } ?? rawLines.count
        var documents: [EvalDocument] = []
        var positions: [DocumentID: Int] = [:]
        var warnings: [String] = []
        for (k, raw) in rawLines.prefix(usable).enumerated() {
            let lineno = k + 1
            // The line as Python sees it, with its (translated) newline.
            var line = Array(raw)
            if k < rawLines.count - 1 || bytesEndWithNewline(bytes) { line.append(0x0A) }
            if String(decoding: line, as: UTF8.self).unicodeScalars.allSatisfy(PythonText.isSpace) { continue }
            let record: PyValue
            do {
                record = try PyJSONParser.loads(utf8: line)
            } catch let e as PyJSONError {
                throw EvalInputError(message: "\(name) file \(source), line \(lineno): invalid JSON: \(e.message)")
            }
            guard case .object = record else {
                throw EvalInputError(message: "\(name) file \(source), line \(lineno): expected a JSON object, got \(record.typeName)")
            }
            guard let rawID = record.field("id") else {
                throw EvalInputError(message: "\(name) file \(source), line \(lineno): record has no \"id\"")
            }
            var entityList: [PyValue] = []
            switch record.field("entities") {
            case nil, .null?: break
            case .array(let items)?: entityList = items
            default:
                throw EvalInputError(message: "\(name) file \(source), line \(lineno): \"entities\" is not a list")
            }
            let id = DocumentID(python: rawID)
            if positions[id] != nil {
                if role == .gold {
                    throw EvalInputError(message: "gold file \(source), line \(lineno): duplicate id \(rawID.repr)")
                }
                warnings.append("\(name) file \(source), line \(lineno): duplicate id \(rawID.repr) ignored (first one kept)")
                continue
            }
            var entities: [EvalEntity] = []
            var malformed: [MalformedEntity] = []
            for (index, raw) in entityList.enumerated() {
                switch entity(from: raw) {
                case .success(let e): entities.append(e)
                case .failure(let problem):
                    malformed.append(MalformedEntity(index: index, problem: problem.reason, excerpt: prefix(raw.repr, 60)))
                }
            }
            var docText: String? = nil
            if case .string(let s)? = record.field("text") { docText = s }
            positions[id] = documents.count
            documents.append(EvalDocument(id: id, text: docText, entities: entities, malformed: malformed, line: lineno))
        }
        if let decodingFailure {
            throw EvalInputError(message: "\(name) file \(source), after line \(usable): not UTF-8: \(decodingFailure.message)")
        }
        return EvalDocumentSet(source: source, documents: documents, warnings: warnings)
    }

    private static func bytesEndWithNewline(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last else { return false }
        return last == 0x0A || last == 0x0D
    }

    private static func prefix(_ s: String, _ n: Int) -> String {
        PythonText.string(s.unicodeScalars.prefix(n))
    }

    private struct Problem: Error { var reason: String }

    /// score.py `load_entities` (except the span check, done when scoring).
    private static func entity(from raw: PyValue) -> Result<EvalEntity, Problem> {
        guard case .object = raw else { return .failure(Problem(reason: "not an object")) }
        guard case .string(let type)? = raw.field("type") else {
            return .failure(Problem(reason: "missing or non-string type"))
        }
        guard case .int(let startDigits)? = raw.field("start"), case .int(let endDigits)? = raw.field("end") else {
            return .failure(Problem(reason: "missing or non-integer start/end"))
        }
        var text: String? = nil
        if case .string(let s)? = raw.field("text") { text = s }
        var rule: String? = nil
        if let r = raw.field("rule"), r.isTruthy { rule = r.str }
        let rawValue = raw.field("value") ?? .null
        var entity = EvalEntity(
            type: type,
            start: PyValue.saturatedInt(startDigits),
            end: PyValue.saturatedInt(endDigits),
            text: text,
            value: rawValue.jsonValue,
            rule: rule)
        entity.original = OriginalValue(rawValue)
        return .success(entity)
    }
}
