#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input read in chunks through C stdio.
final class ByteStream {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Opens `item`; throws a readable message (from `strerror`) on failure.
    init(_ item: InputItem) throws(ByteStreamError) {
        switch item {
        case .standardInput:
            // Our own stdio stream over descriptor 0 (Swift 6 forbids the C global `stdin`).
            guard let opened = fdopen(0, "rb") else { throw ByteStreamError(message: Self.systemError("cannot read standard input")) }
            file = opened
            ownsFile = false
        case .file(let path):
            guard let opened = fopen(path, "rb") else { throw ByteStreamError(message: Self.systemError("cannot open file")) }
            file = opened
            ownsFile = true
        }
    }

    deinit {
        if ownsFile { fclose(file) }
    }

    /// Reads the next chunk; an empty result means the end.
    func next() throws(ByteStreamError) -> ArraySlice<UInt8> {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 && ferror(file) != 0 { throw ByteStreamError(message: Self.systemError("read failed")) }
        return chunk[0..<count]
    }

    /// Reads everything that is left.
    func readAll() throws(ByteStreamError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let part = try next()
            if part.isEmpty { return bytes }
            bytes.append(contentsOf: part)
        }
    }

    static func systemError(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}

struct ByteStreamError: Error {
    var message: String
}

/// Splits a byte stream into lines without holding more than one line (and one
/// chunk) in memory.
struct LineSplitter {
    private let stream: ByteStream
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Byte offset of the next line's first byte.
    private(set) var offset = 0
    /// 1-based number of the line returned last.
    private(set) var lineNumber = 0

    init(_ stream: ByteStream) {
        self.stream = stream
    }

    /// The next line without its "\n" (and without a "\r" before it), or nil at the end.
    mutating func next() throws(ByteStreamError) -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                return take(upTo: newline, consumed: newline + 1)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                return take(upTo: buffer.count, consumed: buffer.count)
            }
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            let part = try stream.next()
            if part.isEmpty { atEnd = true } else { buffer.append(contentsOf: part) }
        }
    }

    private mutating func take(upTo end: Int, consumed: Int) -> (bytes: ArraySlice<UInt8>, offset: Int) {
        var lineEnd = end
        if lineEnd > position, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let line = buffer[position..<lineEnd]
        let lineOffset = offset
        offset += consumed - position
        position = consumed
        lineNumber += 1
        return (line, lineOffset)
    }
}
