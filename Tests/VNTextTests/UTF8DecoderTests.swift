import Testing
@testable import VNText

@Suite struct UTF8DecoderTests {
    @Test func decodesVietnamese() throws {
        let text = "Liên đoàn Lao động quận Hai Bà Trưng"
        #expect(try UTF8Decoder.decode(Array(text.utf8)) == Array(text.utf16))
    }

    @Test func dropsLeadingBOMOnly() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Hà Nội\u{FEFF}".utf8)
        #expect(try UTF8Decoder.decode(bytes) == Array("Hà Nội\u{FEFF}".utf16))
    }

    @Test func decodesAstralScalarsAsSurrogatePairs() throws {
        #expect(try UTF8Decoder.decode(Array("a😀b".utf8)) == [0x61, 0xD83D, 0xDE00, 0x62])
    }

    /// Invalid inputs and the offset of their first bad byte.
    static let invalidInputs: [([UInt8], Int)] = [
        (Array("Hà".utf8) + [0xFF] + Array("Nội".utf8), 3),      // a byte that never occurs
        (Array("ngày ".utf8) + [0xE1, 0xBB], 6),                  // truncated 3-byte sequence at the end
        (Array("x".utf8) + [0xC0, 0x80], 1),                      // overlong NUL
        ([0x41, 0xED, 0xA0, 0x80], 1),                            // an encoded surrogate
        ([0x41, 0x42, 0xF4, 0x90, 0x80, 0x80], 2),                // above U+10FFFF
        ([0x80], 0),                                              // a lone continuation byte
    ]

    @Test(arguments: invalidInputs)
    func reportsTheFirstBadByte(bytes: [UInt8], offset: Int) {
        #expect(throws: TextError.invalidUTF8(byteOffset: offset)) { try UTF8Decoder.decode(bytes) }
    }

    @Test func lossyReplacesMaximalSubparts() {
        // E1 BB is a truncated sequence (one U+FFFD), FF is another.
        let bytes: [UInt8] = Array("Hà ".utf8) + [0xE1, 0xBB] + Array(" x".utf8) + [0xFF]
        let result = UTF8Decoder.decodeLossy(bytes)
        #expect(String(decoding: result.units, as: UTF16.self) == "Hà \u{FFFD} x\u{FFFD}")
        #expect(result.issues == [DecodingIssue(byteOffset: 4, byteCount: 2), DecodingIssue(byteOffset: 8, byteCount: 1)])
    }

    @Test func lossyOnValidTextHasNoIssues() {
        let result = UTF8Decoder.decodeLossy(Array("Thanh Hóa".utf8))
        #expect(result.issues.isEmpty)
        #expect(result.units == Array("Thanh Hóa".utf16))
    }
}
