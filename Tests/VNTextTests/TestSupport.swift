import Foundation
@testable import VNText

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample articles in corpus/seeds, as (name, text).
func corpusDocuments() throws -> [(name: String, text: String)] {
    let folder = repositoryRoot.appendingPathComponent("corpus/seeds")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
    return try names.map { name in
        (name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
}

/// Normalizes a string with the given options and returns the normalized string.
func normalized(_ text: String, _ options: NormalizationOptions = NormalizationOptions()) throws -> String {
    try Normalizer(options: options).normalize(text).string
}

/// The Unicode scalars of `text`, for slicing by scalar offsets as Python does.
func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

/// Slices `text` by Unicode scalar offsets.
func slice(_ text: String, _ range: Range<Int>) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars(text)[range])
    return String(result)
}


