import VNText

/// Counts of what a batch did.
public struct BatchStats: Sendable, Equatable {
    /// Records read (processed or failed).
    public var read = 0
    /// Output lines written.
    public var written = 0
    /// Records that failed and have no output line.
    public var failed = 0
    /// Warnings reported (records that were still processed).
    public var warnings = 0

    /// Zero counts.
    public init() {}

    /// The one-line summary printed on standard error.
    public var summary: String {
        "vnextract: \(read) record\(read == 1 ? "" : "s") read, \(written) written, \(failed) failed"
            + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
    }
}

/// Runs one job over every record of a batch: reads, processes, writes one
/// JSON line per record, reports each bad record and goes on.
///
/// Output is streamed: each record's line is written as soon as it is done, so
/// memory is bounded by the largest record.
public final class BatchRunner {
    private let reader: RecordReader
    private let output: LineSink
    private let problems: LineSink
    /// What happened so far.
    public private(set) var stats = BatchStats()

    /// A runner reading with `reader`, writing results to `output` and problems
    /// (one JSON object per line) to `problems`.
    public init(reader: RecordReader, output: LineSink, problems: LineSink) {
        self.reader = reader
        self.output = output
        self.problems = problems
    }

    /// Processes every record of `items`. `process` writes one JSON object for a
    /// record; a thrown error fails that record only. Problems found before
    /// reading (`initial`, e.g. missing files) are reported first.
    /// - Throws: ``OutputError`` when output cannot be written: the batch stops.
    public func run(_ items: [InputItem], initial: [RecordProblem] = [],
                    process: (SourceRecord, inout JSONWriter) throws -> Void) throws(OutputError) {
        for problem in initial { try fail(problem) }
        var writer = JSONWriter(capacity: 1 << 16)
        for item in items {
            var outputError: OutputError?
            reader.read(item) { result in
                guard outputError == nil else { return }
                do throws(OutputError) {
                    try handle(result, writer: &writer, process: process)
                } catch {
                    outputError = error
                }
            }
            if let outputError { throw outputError }
        }
        try output.flush()
        try problems.flush()
    }

    private func handle(_ result: Result<SourceRecord, RecordProblem>, writer: inout JSONWriter,
                        process: (SourceRecord, inout JSONWriter) throws -> Void) throws(OutputError) {
        switch result {
        case .failure(let problem):
            try fail(problem)
        case .success(let record):
            for issue in record.decodingIssues {
                stats.warnings += 1
                try problems.writeLine(RecordProblem(.warning, at: record.location, byteOffset: issue.byteOffset,
                                                     id: record.id, message: issue.description).json())
            }
            writer.reset()
            do {
                try process(record, &writer)
            } catch {
                try fail(RecordProblem(.error, at: record.location, id: record.id, message: "\(error)"))
                return
            }
            stats.read += 1
            try output.writeLine(writer)
            stats.written += 1
        }
    }

    private func fail(_ problem: RecordProblem) throws(OutputError) {
        stats.read += 1
        stats.failed += 1
        try problems.writeLine(problem.json())
    }
}
