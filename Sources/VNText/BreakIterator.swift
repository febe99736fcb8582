import CVNICU

/// An ICU break iterator (word or sentence), opened once and reused.
/// Not thread-safe: give each thread its own.
final class BreakIterator {
    enum Kind { case word, sentence }

    private let handle: OpaquePointer
    private(set) var boundaries: [Int32] = []

    init(_ kind: Kind) throws(TextError) {
        var status: Int32 = 0
        let opened = cvn_breaker_open(kind == .word ? Int32(CVN_BREAK_WORD) : Int32(CVN_BREAK_SENTENCE), &status)
        guard status <= 0, let opened else {
            throw .icu(operation: kind == .word ? "opening the word break iterator" : "opening the sentence break iterator", code: status)
        }
        handle = opened
    }

    deinit { cvn_breaker_close(handle) }

    /// Computes the boundaries of `text`; afterwards `boundaries[0..<count]`
    /// holds every boundary after 0, ending with `text.count`.
    func run(_ text: [UInt16]) throws(TextError) -> Int {
        let needed = text.count + 1
        if boundaries.count < needed {
            boundaries = [Int32](repeating: 0, count: needed)
        }
        var status: Int32 = 0
        let count = text.withUnsafeBufferPointer { input in
            boundaries.withUnsafeMutableBufferPointer { b in
                cvn_breaker_boundaries(handle, input.baseAddress, Int32(input.count), b.baseAddress, nil, &status)
            }
        }
        if status > 0 { throw .icu(operation: "text segmentation", code: status) }
        return Int(count)
    }
}
