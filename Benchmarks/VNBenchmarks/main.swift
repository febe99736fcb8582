// Library throughput on the bundled corpus repeated to about 10 MB (one
// document per article copy, as a batch would see them). Each benchmark
// iteration processes the whole 10 MB, so MB/s = corpus size / time.
import Benchmark
import Foundation
import VNEngine
import VNExtract
import VNText

let corpusFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus/seeds")

let articles: [[UInt8]] = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)
    .filter { $0.hasSuffix(".txt") }.sorted()
    .map { Array(try Data(contentsOf: corpusFolder.appendingPathComponent($0))) }

let targetBytes = 10_000_000
var documents: [[UInt8]] = []
var totalBytes = 0
while totalBytes < targetBytes {
    for article in articles where totalBytes < targetBytes {
        documents.append(article)
        totalBytes += article.count
    }
}
let decoded = try documents.map { try UTF8Decoder.decode($0) }
let normalizer = Normalizer()
let normalized = try decoded.map { try normalizer.normalize($0) }
let tokenizer = try Tokenizer()
let extractor = try Extractor(ruleSet: try RuleLoader.load())
let tokenizedDocuments = try normalized.map { try tokenizer.tokenize($0) }
let megabytes = Double(totalBytes) / 1_000_000
print("corpus: \(documents.count) documents, \(String(format: "%.2f", megabytes)) MB (UTF-8)")

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never) @_optimize(none)
func keep<T>(_ value: T) {}

func report(_ name: String, _ seconds: Double) {
    print(String(format: "%@: %.1f MB/s (%.3f s for %.2f MB)", name, megabytes / seconds, seconds, megabytes))
}

func timed(_ name: String, _ body: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<3 {
        let elapsed = try clock.measure(body)
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    report(name, best)
}

benchmark("decode UTF-8, 10 MB") {
    for document in documents { keep(try UTF8Decoder.decode(document)) }
}
benchmark("normalize, 10 MB") {
    for text in decoded { keep(try normalizer.normalize(text)) }
}
benchmark("tokenize (normalized input), 10 MB") {
    for text in normalized { keep(try tokenizer.tokenize(text)) }
}
benchmark("decode + normalize + tokenize, 10 MB") {
    for document in documents { keep(try tokenizer.tokenize(normalizer.normalize(UTF8Decoder.decode(document)))) }
}

benchmark("extract (rules only, tokenized input), 10 MB") {
    for text in tokenizedDocuments { keep(extractor.extract(text)) }
}
benchmark("extract (decode + normalize + tokenize + rules), 10 MB") {
    for document in documents { keep(try extractor.extract(UTF8Decoder.decode(document))) }
}

// A direct MB/s summary (best of 3), then the harness's statistics.
try timed("decode") { for document in documents { keep(try UTF8Decoder.decode(document)) } }
try timed("normalize") { for text in decoded { keep(try normalizer.normalize(text)) } }
try timed("tokenize") { for text in normalized { keep(try tokenizer.tokenize(text)) } }
try timed("decode+normalize+tokenize") {
    for document in documents { keep(try tokenizer.tokenize(normalizer.normalize(UTF8Decoder.decode(document)))) }
}
timed("rules only") { for text in tokenizedDocuments { keep(extractor.extract(text)) } }
try timed("extract end to end") { for document in documents { keep(try extractor.extract(UTF8Decoder.decode(document))) } }
Benchmark.main()
