import Foundation
import TestSupport
import Testing
@testable import VNBatch

@Suite("InputCollector")
struct InputCollectorTests {
    /// A tree with text files, JSON Lines files, hidden files and other files.
    private func makeTree() throws -> ScratchDirectory {
        let dir = try ScratchDirectory()
        for name in [
            "b.txt", "a.txt", "Z.txt", "e.txt", "é.txt", "f.txt", "sub-x.txt",
            "sub/c.txt", "sub/deeper/d.txt", "sub/.hidden.txt", ".hidden.txt",
            "notes.md", "UPPER.TXT", "txt", "data.jsonl", "sub/more.ndjson", "sub/.secret.jsonl",
        ] {
            try dir.write(name, "x")
        }
        // A directory whose name ends in .txt is not a file to read.
        try FileManager.default.createDirectory(atPath: dir.path("folder.txt"), withIntermediateDirectories: true)
        try dir.write("folder.txt/inner.txt", "x")
        return dir
    }

    private func relative(_ items: [InputItem], to root: String) -> [String] {
        items.map { item -> String in
            guard case .file(let path) = item else { return "<stdin>" }
            return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : "<outside> " + path
        }
    }

    @Test("text input: *.txt files, recursively, byte-wise sorted, hidden files skipped")
    func textDirectory() throws {
        let dir = try makeTree()
        let root = dir.url.path
        let (items, problems) = InputCollector.collect([root], format: .text)
        #expect(problems.isEmpty)
        // Byte order: "-" < "/" < "Z" < "a"; "f" < "é" (0xC3).
        #expect(relative(items, to: root) == [
            "UPPER.TXT", "Z.txt", "a.txt", "b.txt", "e.txt", "f.txt", "folder.txt/inner.txt",
            "sub-x.txt", "sub/c.txt", "sub/deeper/d.txt", "é.txt",
        ])
    }

    @Test("JSON Lines input: *.jsonl and *.ndjson files")
    func jsonlDirectory() throws {
        let dir = try makeTree()
        let root = dir.url.path
        let (items, problems) = InputCollector.collect([root], format: .jsonl)
        #expect(problems.isEmpty)
        #expect(relative(items, to: root) == ["data.jsonl", "sub/more.ndjson"])
    }

    @Test("files inside hidden folders are skipped too")
    func hiddenFolders() throws {
        let dir = try ScratchDirectory()
        try dir.write(".git/notes.txt", "x")
        try dir.write("sub/.cache/old.txt", "x")
        try dir.write("sub/kept.txt", "x")
        let (items, _) = InputCollector.collect([dir.url.path], format: .text)
        #expect(relative(items, to: dir.url.path) == ["sub/kept.txt"])
    }

    @Test("a trailing slash does not double the separator")
    func trailingSlash() throws {
        let dir = try ScratchDirectory()
        try dir.write("sub/a.txt", "x")
        let (items, _) = InputCollector.collect([dir.url.path + "/"], format: .text)
        #expect(items == [.file(dir.url.path + "/sub/a.txt")])
    }

    @Test("files stay as given whatever their extension; - is standard input; order is kept")
    func filesAndStandardInput() throws {
        let dir = try ScratchDirectory()
        let b = try dir.write("b.md", "x")
        let a = try dir.write("a.txt", "x")
        let (items, problems) = InputCollector.collect([b, "-", a], format: .text)
        #expect(problems.isEmpty)
        #expect(items == [.file(b), .standardInput, .file(a)])
        #expect(items.map(\.name) == [b, "-", a])
    }

    @Test("a missing path is a problem and the others are still collected")
    func missingPath() throws {
        let dir = try ScratchDirectory()
        let a = try dir.write("a.txt", "x")
        let missing = dir.path("missing/nothing.txt")
        let c = try dir.write("c.txt", "x")
        let (items, problems) = InputCollector.collect([a, missing, c], format: .text)
        #expect(items == [.file(a), .file(c)])
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.severity == .error)
        #expect(problem.location.source == missing)
        #expect(problem.message.contains("no such file"))
    }

    @Test("an empty directory gives no items and no problems")
    func emptyDirectory() throws {
        let dir = try ScratchDirectory()
        let (items, problems) = InputCollector.collect([dir.url.path], format: .text)
        #expect(items.isEmpty)
        #expect(problems.isEmpty)
    }
}
