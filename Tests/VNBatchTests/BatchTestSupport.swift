import Foundation
import TestSupport
import Testing
@testable import VNBatch


/// Every record or problem `reader` reports for `item`, in order.
func readAll(_ item: InputItem, _ options: ReaderOptions) -> [Result<SourceRecord, RecordProblem>] {
    var results: [Result<SourceRecord, RecordProblem>] = []
    RecordReader(options: options).read(item) { results.append($0) }
    return results
}

/// Reader options for JSON Lines input.
func jsonlOptions(lossy: Bool = false, idField: String = "id", textField: String = "text") -> ReaderOptions {
    var options = ReaderOptions()
    options.format = .jsonl
    options.lossy = lossy
    options.idField = idField
    options.textField = textField
    return options
}

/// Reader options for plain text input.
func textOptions(lossy: Bool = false) -> ReaderOptions {
    var options = ReaderOptions()
    options.format = .text
    options.lossy = lossy
    return options
}

extension Result {
    var record: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var problem: Failure? {
        if case .failure(let value) = self { return value }
        return nil
    }
}

extension SourceRecord {
    /// The text as a `String`.
    var string: String { String(decoding: text, as: UTF16.self) }
}

/// Parses one JSON line into an object, recording an issue when it is not one.
func parseObject(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any]? {
    do {
        let value = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        guard let object = value as? [String: Any] else {
            Issue.record("not a JSON object: \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
            return nil
        }
        return object
    } catch {
        Issue.record("invalid JSON \(error): \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        return nil
    }
}

/// The lines of a file (without the final empty piece after the last newline).
func fileLines(_ path: String) throws -> [[UInt8]] {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if lines.last == [] { lines.removeLast() }
    return lines
}

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
