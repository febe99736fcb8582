import VNText

/// How input files are read.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Each file (or standard input) is one document.
    case text
    /// JSON Lines: each line is a JSON object with an id and a text field.
    case jsonl
}

/// One document read from the input.
public struct SourceRecord: Sendable {
    /// The document's id: the record's id field (JSON Lines), else the file path as given.
    public var id: String
    /// The decoded text, UTF-16.
    public var text: [UInt16]
    /// Where it came from.
    public var location: RecordLocation
    /// Bytes that lossy decoding replaced with U+FFFD.
    public var decodingIssues: [DecodingIssue]

    /// Creates a record.
    public init(id: String, text: [UInt16], location: RecordLocation, decodingIssues: [DecodingIssue] = []) {
        self.id = id
        self.text = text
        self.location = location
        self.decodingIssues = decodingIssues
    }
}

/// Where a record or a problem is in the input.
public struct RecordLocation: Sendable, Equatable {
    /// The file path as given, or "-" for standard input.
    public var source: String
    /// The 1-based line (JSON Lines input), if any.
    public var line: Int?
    /// The byte offset of the record's first byte in its source.
    public var byteOffset: Int

    /// Creates a location.
    public init(source: String, line: Int? = nil, byteOffset: Int = 0) {
        self.source = source
        self.line = line
        self.byteOffset = byteOffset
    }
}

/// A record that could not be processed, or a warning about one.
public struct RecordProblem: Sendable, Equatable, Error, CustomStringConvertible {
    /// Whether the record was dropped (error) or processed anyway (warning).
    public enum Severity: String, Sendable { case error, warning }

    /// Error or warning.
    public var severity: Severity
    /// The source file and line.
    public var location: RecordLocation
    /// Byte offset of the problem in the source, when known.
    public var byteOffset: Int?
    /// The record's id, when it was read before the problem.
    public var id: String?
    /// What was wrong, for a person.
    public var message: String

    /// Creates a problem report.
    public init(_ severity: Severity, at location: RecordLocation, byteOffset: Int? = nil, id: String? = nil, message: String) {
        self.severity = severity
        self.location = location
        self.byteOffset = byteOffset
        self.id = id
        self.message = message
    }

    public var description: String {
        var text = location.source
        if let line = location.line { text += ":\(line)" }
        if let byteOffset { text += " (byte \(byteOffset))" }
        return "\(text): \(severity.rawValue): \(message)"
    }

    /// The problem as one JSON object (no newline):
    /// `{"source":..., "line":..., "byte":..., "id":..., "error"|"warning": ...}`.
    public func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.raw("{")
        writer.key("source")
        writer.string(location.source)
        if let line = location.line {
            writer.raw(",")
            writer.key("line")
            writer.int(line)
        }
        if let byteOffset {
            writer.raw(",")
            writer.key("byte")
            writer.int(byteOffset)
        }
        if let id {
            writer.raw(",")
            writer.key("id")
            writer.string(id)
        }
        writer.raw(",")
        if severity == .error { writer.key("error") } else { writer.key("warning") }
        writer.string(message)
        writer.raw("}")
        return writer.bytes
    }
}
