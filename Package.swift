// swift-tools-version: 6.1
// vnextract: Vietnamese free-text reports in, structured JSON out.
import PackageDescription

let package = Package(
    name: "vnextract",
    products: [
        // The library other packages depend on; the CLI is a thin shell over it.
        .library(name: "VietExtract", targets: ["VNText", "VNRules", "VNEngine", "VNExtract", "VNEval", "VNBatch"]),
        .executable(name: "vnextract", targets: ["vnextract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/google/swift-benchmark", exact: "0.1.2"),
    ],
    targets: [
        // The system ICU. Used only by CVNICU; no Swift file imports it.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]
        ),
        // A small C shim whose public header uses plain C types only.
        .target(name: "CVNICU", dependencies: ["CICU"]),
        // Decoding, normalization with offset maps, tokenization, sentences.
        .target(name: "VNText", dependencies: ["CVNICU"]),
        // Rule files: syntax tree, parser with file:line:column diagnostics, lexicon files.
        .target(name: "VNRules", dependencies: ["VNText"]),
        // The matcher: rules compiled once (vocabularies, lexicon tries, pattern programs,
        // stages, trigger index), run over a document's tokens; overlap resolution; explanations.
        .target(name: "VNEngine", dependencies: ["VNText", "VNRules"]),
        // Value producers the rules call (the Vietnamese number grammar, money, quantity, ...).
        .target(name: "VNExtract", dependencies: ["VNText", "VNRules", "VNEngine", "VNEval"]),
        // Scoring extracted entities against gold files (the semantics of score.py).
        .target(name: "VNEval", dependencies: ["VNRules"]),
        // Batch input (files, folders, stdin, JSON Lines dumps), JSON output, error records.
        .target(name: "VNBatch", dependencies: ["VNText"]),
        // Keeps freed memory in the process (glibc's mallopt, not visible from Swift).
        .target(name: "CMallocTuning"),
        .executableTarget(
            name: "vnextract",
            dependencies: [
                "VNText", "VNRules", "VNEngine", "VNExtract", "VNEval", "VNBatch", "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Library throughput (release builds only): swift run -c release VNBenchmarks
        .executableTarget(
            name: "VNBenchmarks",
            dependencies: [
                "VNText", "VNEngine", "VNExtract",
                .product(name: "Benchmark", package: "swift-benchmark"),
            ],
            path: "Benchmarks/VNBenchmarks"
        ),
        // Helpers shared by the test targets (temporary folders); not a product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "VNTextTests", dependencies: ["VNText", "TestSupport"]),
        .testTarget(name: "VNRulesTests", dependencies: ["VNRules"]),
        .testTarget(name: "VNEngineTests", dependencies: ["VNEngine", "VNRules", "VNText"]),
        .testTarget(name: "VNExtractTests", dependencies: ["VNExtract", "VNEngine", "VNText", "TestSupport"]),
        .testTarget(name: "VNEvalTests", dependencies: ["VNEval", "VNRules"]),
        .testTarget(name: "VNBatchTests", dependencies: ["VNBatch", "VNText", "TestSupport"]),
        // End-to-end tests: they run the built `vnextract` binary.
        .testTarget(name: "CLITests", dependencies: ["vnextract", "TestSupport", "CMallocTuning"]),
    ],
    swiftLanguageModes: [.v6]
)
