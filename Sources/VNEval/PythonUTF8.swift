/// Where CPython 3.11 fails reading a file that is not valid UTF-8 line by
/// line in text mode, and with which message.
///
/// Python decodes a text file in chunks of 8192 bytes (an incomplete
/// sequence at a chunk's end waits for the next chunk); lines are handed out
/// as soon as their chunk decodes, so the lines before the failing chunk are
/// processed (and may fail first), and the error names the last line handed
/// out and the byte's position within the decoded chunk.
enum PythonUTF8 {
    /// A decoding failure: lines handed out before it, and the codec's message.
    struct Failure {
        var linesBefore: Int
        var message: String
    }

    /// The chunk size of Python's `TextIOWrapper`.
    static let chunkSize = 8192

    /// `nil` when `bytes` are valid UTF-8.
    static func failure(_ bytes: [UInt8]) -> Failure? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var pending: [UInt8] = []
        var lines = 0
        var pendingCR = false
        var position = 0
        while true {
            let chunk = bytes[position..<min(position + chunkSize, bytes.count)]
            let final = chunk.isEmpty
            let data = pending + chunk
            switch decode(data, final: final) {
            case .failure(let start, let end, let reason):
                let message: String
                if end == start + 1 {
                    let hex = String(data[start], radix: 16)
                    message = "'utf-8' codec can't decode byte 0x\(hex.count < 2 ? "0" + hex : hex) in position \(start): \(reason)"
                } else {
                    message = "'utf-8' codec can't decode bytes in position \(start)-\(end - 1): \(reason)"
                }
                return Failure(linesBefore: lines, message: message)
            case .success(let consumed):
                // IncrementalNewlineDecoder: a final "\r" waits for the next chunk.
                var text = Array(data[0..<consumed])
                if pendingCR && (!text.isEmpty || final) {
                    text.insert(0x0D, at: 0)
                    pendingCR = false
                }
                if !final, text.last == 0x0D {
                    text.removeLast()
                    pendingCR = true
                }
                var i = 0
                while i < text.count {
                    if text[i] == 0x0A {
                        lines += 1
                    } else if text[i] == 0x0D {
                        lines += 1
                        if i + 1 < text.count, text[i + 1] == 0x0A { i += 1 }
                    }
                    i += 1
                }
                pending = Array(data[consumed...])
            }
            if final { return nil }
            position += chunk.count
        }
    }

    private enum Outcome {
        case success(consumed: Int)
        case failure(start: Int, end: Int, reason: String)
    }

    /// CPython's UTF-8 decoder on `data`; when not `final`, an incomplete
    /// sequence at the end is left unconsumed.
    private static func decode(_ data: [UInt8], final: Bool) -> Outcome {
        let n = data.count
        var i = 0
        while i < n {
            let b0 = data[i]
            if b0 < 0x80 { i += 1; continue }
            if b0 < 0xC2 || b0 > 0xF4 { return .failure(start: i, end: i + 1, reason: "invalid start byte") }
            let need = b0 < 0xE0 ? 1 : (b0 < 0xF0 ? 2 : 3)
            for k in 1...need {
                if i + k >= n {
                    if final { return .failure(start: i, end: n, reason: "unexpected end of data") }
                    return .success(consumed: i)
                }
                let b = data[i + k]
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                if k == 1 {
                    switch b0 {
                    case 0xE0: low = 0xA0
                    case 0xED: high = 0x9F
                    case 0xF0: low = 0x90
                    case 0xF4: high = 0x8F
                    default: break
                    }
                }
                if b < low || b > high {
                    // A truncated surrogate at the end waits for more input.
                    if !final, k == 1, b0 == 0xED, n - i == 2, (0xA0...0xBF).contains(b) {
                        return .success(consumed: i)
                    }
                    return .failure(start: i, end: i + k, reason: "invalid continuation byte")
                }
            }
            i += need + 1
        }
        return .success(consumed: n)
    }
}
