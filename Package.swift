// swift-tools-version: 6.1
// vnextract: Vietnamese free-text reports in, structured JSON out.
import PackageDescription

let package = Package(
    name: "vnextract",
    products: [
        // The library other packages depend on; the CLI is a thin shell over it.
        .library(name: "VietExtract", targets: ["VNText", "VNBatch"]),
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
        // Batch input (files, folders, stdin, JSON Lines dumps), JSON output, error records.
        .target(name: "VNBatch", dependencies: ["VNText"]),
        .executableTarget(
            name: "vnextract",
            dependencies: [
                "VNText", "VNBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Library throughput (release builds only): swift run -c release VNBenchmarks
        .executableTarget(
            name: "VNBenchmarks",
            dependencies: [
                "VNText",
                .product(name: "Benchmark", package: "swift-benchmark"),
            ],
            path: "Benchmarks/VNBenchmarks"
        ),
        // Helpers shared by the test targets (temporary folders); not a product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "VNTextTests", dependencies: ["VNText"]),
        .testTarget(name: "VNBatchTests", dependencies: ["VNBatch", "VNText", "TestSupport"]),
        // End-to-end tests: they run the built `vnextract` binary.
        .testTarget(name: "CLITests", dependencies: ["vnextract", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
