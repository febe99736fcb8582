import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The package root: this file is in Tests/CLITests/.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The corpus/seeds folder, relative to the package root (the working directory of every run).
let seedsFolder = "corpus/seeds"

/// Where the built `vnextract` is: next to the test binary (`swift test` puts
/// every product of the package in the same build folder). Set
/// VNEXTRACT_BINARY to override.
enum Binary {
    static let location: Result<URL, BinaryNotFound> = find()

    struct BinaryNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "the built vnextract executable was not found next to the test binary; run the tests with "
                + "`swift test` (which builds it) or set VNEXTRACT_BINARY. Searched: "
                + searched.joined(separator: ", ")
        }
    }

    private static func find() -> Result<URL, BinaryNotFound> {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["VNEXTRACT_BINARY"], !override.isEmpty {
            return fileManager.isExecutableFile(atPath: override)
                ? .success(URL(fileURLWithPath: override)) : .failure(BinaryNotFound(searched: [override]))
        }
        var starts: [URL] = []
        if let executable = Bundle.main.executableURL { starts.append(executable.deletingLastPathComponent()) }
        starts.append(Bundle.main.bundleURL)
        if let first = CommandLine.arguments.first, !first.isEmpty {
            let url = URL(fileURLWithPath: first).standardizedFileURL
            starts.append(url.deletingLastPathComponent())
        }
        if let resolved = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: resolved).deletingLastPathComponent())
        }
        var searched: [String] = []
        for start in starts {
            // Walk up a few levels: on Darwin the test binary sits inside a .xctest bundle.
            var directory = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("vnextract")
                if !searched.contains(candidate.path) { searched.append(candidate.path) }
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fileManager.isExecutableFile(atPath: candidate.path) {
                    return .success(candidate)
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return .failure(BinaryNotFound(searched: searched))
    }
}

/// What one run of `vnextract` did.
struct RunResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]

    var stdoutLines: [[UInt8]] { splitLines(stdout) }
    var stderrLines: [String] { splitLines(stderr).map { String(decoding: $0, as: UTF8.self) } }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// Every stdout line parsed as a JSON object (an issue for any that is not).
    func outputObjects(sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]] {
        stdoutLines.compactMap { parseJSONObject($0, sourceLocation: sourceLocation) }
    }

    /// The stderr lines that are JSON objects (problem reports), parsed.
    var problemObjects: [[String: Any]] {
        splitLines(stderr).filter { $0.first == UInt8(ascii: "{") }.compactMap { parseJSONObject($0) }
    }
}

/// The lines of `bytes`, without the empty piece after a final newline.
func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if lines.last == [] { lines.removeLast() }
    return lines
}

/// Parses a JSON object, recording an issue if the bytes are not one.
func parseJSONObject(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any]? {
    guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: []),
          let object = value as? [String: Any] else {
        Issue.record("not a JSON object line: \(String(decoding: bytes.prefix(300), as: UTF8.self))",
                     sourceLocation: sourceLocation)
        return nil
    }
    return object
}

/// The integer value of a JSON number.
func intValue(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue }

/// Runs `vnextract` with `arguments` in the package root. Standard input is
/// `stdin` (or the null device), output goes to temporary files so large
/// outputs cannot block, and the process is killed after `timeout` seconds.
func runVNExtract(_ arguments: [String], stdin: [UInt8]? = nil, timeout: Double = 60) throws -> RunResult {
    let binary: URL
    switch Binary.location {
    case .success(let url): binary = url
    case .failure(let error): throw error
    }
    let scratch = try ScratchDirectory()
    let outURL = scratch.url.appendingPathComponent("stdout")
    let errURL = scratch.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    defer {
        try? outHandle.close()
        try? errHandle.close()
    }

    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardOutput = outHandle
    process.standardError = errHandle
    var inHandle: FileHandle? = nil
    if let stdin {
        let inURL = scratch.url.appendingPathComponent("stdin")
        try Data(stdin).write(to: inURL)
        inHandle = try FileHandle(forReadingFrom: inURL)
        process.standardInput = inHandle
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    defer { try? inHandle?.close() }

    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    if done.wait(timeout: .now() + timeout) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        _ = done.wait(timeout: .now() + 10)
        throw TimedOut(command: "vnextract " + arguments.joined(separator: " "), seconds: timeout)
    }
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: [UInt8](try Data(contentsOf: outURL)),
                     stderr: [UInt8](try Data(contentsOf: errURL)))
}

/// A run of `vnextract` that was killed because it took too long.
struct TimedOut: Error, CustomStringConvertible {
    var command: String
    var seconds: Double
    var description: String { "\(command) did not finish within \(Int(seconds)) s and was killed" }
}


/// Slices `scalars` as Python slices a str.
func scalarSlice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range])
    return String(view)
}

/// The summary line `vnextract: N records read, N written, N failed`.
func summary(read: Int, written: Int, failed: Int) -> String {
    "vnextract: \(read) record\(read == 1 ? "" : "s") read, \(written) written, \(failed) failed"
}
