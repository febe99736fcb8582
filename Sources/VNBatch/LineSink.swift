#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for JSON Lines: standard output, standard error or a file.
/// Each call writes one whole line; a failed write is an error, never ignored.
public final class LineSink {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    /// A name for messages ("standard output", or the path).
    public let name: String

    private let flushesEachLine: Bool

    /// Standard output, buffered.
    public static func standardOutput() -> LineSink {
        LineSink(descriptor: 1, name: "standard output", flushesEachLine: false)
    }

    /// Standard error, flushed after every line so problems appear as they happen.
    public static func standardError() -> LineSink {
        LineSink(descriptor: 2, name: "standard error", flushesEachLine: true)
    }

    private init(descriptor: Int32, name: String, flushesEachLine: Bool) {
        // A stdio stream of our own over the descriptor: Swift 6 forbids touching
        // the C globals `stdout`/`stderr`. Nothing else in the process writes to
        // these descriptors through stdio buffers.
        self.file = fdopen(descriptor, "wb")!
        self.ownsFile = false
        self.name = name
        self.flushesEachLine = flushesEachLine
    }

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws(OutputError) {
        guard let opened = fopen(path, "wb") else {
            throw OutputError(destination: path, reason: String(cString: strerror(errno)))
        }
        file = opened
        ownsFile = true
        name = path
        flushesEachLine = false
    }

    deinit {
        if ownsFile { fclose(file) } else { fflush(file) }
    }

    /// Writes `bytes` followed by a newline.
    public func writeLine(_ bytes: [UInt8]) throws(OutputError) {
        try check(bytes.withUnsafeBytes { put($0) })
    }

    /// Writes what `writer` holds followed by a newline, without copying it.
    public func writeLine(_ writer: JSONWriter) throws(OutputError) {
        try check(writer.withBytes { put($0) })
    }

    /// Writes `bytes` followed by a newline.
    public func writeLine(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        try check(put(bytes))
    }

    /// Writes a line; false when the write failed (errno says why).
    private func put(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ok = bytes.isEmpty || fwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count
        return ok && fputc(0x0A, file) != EOF
    }

    private func check(_ ok: Bool) throws(OutputError) {
        if !ok { throw OutputError(destination: name, reason: String(cString: strerror(errno))) }
        if flushesEachLine { try flush() }
    }

    /// Writes a line of text.
    public func writeLine(_ text: String) throws(OutputError) {
        try writeLine(Array(text.utf8))
    }

    /// Flushes buffered output.
    public func flush() throws(OutputError) {
        if fflush(file) != 0 { throw OutputError(destination: name, reason: String(cString: strerror(errno))) }
    }
}

/// Writing output failed (disk full, closed pipe, ...).
public struct OutputError: Error, CustomStringConvertible {
    /// Where the output was going.
    public var destination: String
    /// The system's reason.
    public var reason: String

    public var description: String { "cannot write to \(destination): \(reason)" }
}
