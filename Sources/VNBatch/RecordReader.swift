import Foundation
import VNText

/// How records are read from inputs.
public struct ReaderOptions: Sendable {
    /// Plain text files or JSON Lines dumps.
    public var format: InputFormat = .text
    /// The JSON Lines field holding the record id.
    public var idField = "id"
    /// The JSON Lines field holding the text.
    public var textField = "text"
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing the record.
    public var lossy = false

    /// Default options: text input, fields `id` and `text`, strict UTF-8.
    public init() {}
}

/// Reads the records of one input, reporting each bad record as a
/// ``RecordProblem`` and going on with the next.
public struct RecordReader: Sendable {
    /// The options in force.
    public let options: ReaderOptions

    /// Creates a reader.
    public init(options: ReaderOptions) {
        self.options = options
        if options.idField.utf16.allSatisfy({ $0 < 0x80 }), options.textField.utf16.allSatisfy({ $0 < 0x80 }) {
            fastPathFields = (Array(options.idField.utf16), Array(options.textField.utf16))
        } else {
            fastPathFields = nil
        }
    }

    /// Calls `body` with every record or problem of `item`, in input order.
    /// Memory is bounded by the largest record, not the input.
    public func read(_ item: InputItem, _ body: (Result<SourceRecord, RecordProblem>) throws -> Void) rethrows {
        let stream: ByteStream
        do {
            stream = try ByteStream(item)
        } catch {
            try body(.failure(RecordProblem(.error, at: RecordLocation(source: item.name), message: error.message)))
            return
        }
        switch options.format {
        case .text: try readText(item, stream, body)
        case .jsonl: try readLines(item, stream, body)
        }
    }

    private func readText(_ item: InputItem, _ stream: ByteStream,
                          _ body: (Result<SourceRecord, RecordProblem>) throws -> Void) rethrows {
        let location = RecordLocation(source: item.name)
        let bytes: [UInt8]
        do {
            bytes = try stream.readAll()
        } catch {
            try body(.failure(RecordProblem(.error, at: location, message: error.message)))
            return
        }
        switch decode(bytes) {
        case .success(let (units, issues)):
            try body(.success(SourceRecord(id: item.name, text: units, location: location, decodingIssues: issues)))
        case .failure(let problem):
            try body(.failure(RecordProblem(.error, at: location, byteOffset: problem.byteOffset, id: item.name,
                                            message: problem.message)))
        }
    }

    private func readLines(_ item: InputItem, _ stream: ByteStream,
                           _ body: (Result<SourceRecord, RecordProblem>) throws -> Void) rethrows {
        var lines = LineSplitter(stream)
        while true {
            let next: (bytes: ArraySlice<UInt8>, offset: Int)?
            do {
                next = try lines.next()
            } catch {
                try body(.failure(RecordProblem(.error, at: RecordLocation(source: item.name, line: lines.lineNumber + 1, byteOffset: lines.offset),
                                                message: error.message)))
                return
            }
            guard let (bytes, offset) = next else { return }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let location = RecordLocation(source: item.name, line: lines.lineNumber, byteOffset: offset)
            try body(parseLine(bytes, at: location))
        }
    }

    /// Decodes bytes per the lossy option.
    private func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Result<([UInt16], [DecodingIssue]), DecodeFailure> {
        if options.lossy {
            let result = UTF8Decoder.decodeLossy(bytes)
            return .success((result.units, result.issues))
        }
        do {
            return .success((try UTF8Decoder.decode(bytes), []))
        } catch {
            if case .invalidUTF8(let offset) = error {
                return .failure(DecodeFailure(byteOffset: offset, message: "invalid UTF-8 at byte \(offset) (use --lossy to replace bad bytes with U+FFFD)"))
            }
            return .failure(DecodeFailure(byteOffset: 0, message: error.description))
        }
    }

    /// The field names as UTF-16 for ``JSONLineScanner``, when both are ASCII
    /// (then comparing code units is comparing strings; otherwise canonically
    /// equivalent spellings must match, and only the full parser does that).
    private let fastPathFields: (id: [UInt16], text: [UInt16])?

    private struct DecodeFailure: Error {
        var byteOffset: Int
        var message: String
    }

    private func parseLine(_ bytes: ArraySlice<UInt8>, at location: RecordLocation) -> Result<SourceRecord, RecordProblem> {
        func problem(_ message: String, byte: Int? = nil, id: String? = nil) -> Result<SourceRecord, RecordProblem> {
            .failure(RecordProblem(.error, at: location, byteOffset: byte ?? location.byteOffset, id: id, message: message))
        }
        // The line is decoded (and its UTF-8 checked) once; the common record
        // shape is then read straight from the decoded units, anything else
        // goes through JSONSerialization.
        let decoded: [UInt16], lineIssues: [DecodingIssue]
        switch decode(bytes) {
        case .success(let (units, issues)):
            decoded = units
            lineIssues = issues.map { DecodingIssue(byteOffset: location.byteOffset + $0.byteOffset, byteCount: $0.byteCount) }
        case .failure(let failure):
            let fileOffset = location.byteOffset + failure.byteOffset
            return problem("invalid UTF-8 at byte \(fileOffset) (use --lossy to replace bad bytes with U+FFFD)", byte: fileOffset)
        }
        if let fields = fastPathFields, let record = JSONLineScanner.scan(decoded, idField: fields.id, textField: fields.text) {
            return .success(SourceRecord(id: record.id ?? "\(location.source):\(location.line ?? 0)", text: record.text,
                                         location: location, decodingIssues: lineIssues))
        }
        let data = lineIssues.isEmpty ? Data(bytes) : Data(String(decoding: decoded, as: UTF16.self).utf8)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return problem("invalid JSON" + (detail.map { ": \($0)" } ?? ""))
        }
        guard let record = object as? [String: Any] else {
            return problem("expected a JSON object with fields \"\(options.idField)\" and \"\(options.textField)\"")
        }
        let id: String
        switch record[options.idField] {
        case nil, is NSNull:
            id = "\(location.source):\(location.line ?? 0)"
        case let string as String:
            id = string
        case let number as NSNumber where String(cString: number.objCType) != "c":  // "c": a JSON boolean
            id = number.stringValue
        default:
            return problem("id field \"\(options.idField)\" must be a string or a number")
        }
        guard let value = record[options.textField] else {
            return problem("missing text field \"\(options.textField)\"", id: id)
        }
        guard let text = value as? String else {
            return problem("text field \"\(options.textField)\" is not a string", id: id)
        }
        // Transcoding the string's UTF-8 is several times faster than walking its UTF-16 view.
        var utf8Text = text
        let units = utf8Text.withUTF8 { (try? UTF8Decoder.decode($0)) ?? Array(text.utf16) }
        return .success(SourceRecord(id: id, text: units, location: location, decodingIssues: lineIssues))
    }
}
