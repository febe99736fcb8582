/// Quoted text in rule files: `"đô la Mỹ"`, with `\"` and `\\` as the only escapes.
enum QuotedText {
    /// One character of the decoded text and the index of the source character it came from.
    struct Piece {
        let char: Unicode.Scalar
        let index: Int
    }

    /// Reads quoted text; the cursor is on the opening quote and is left after the closing one.
    static func read(_ cursor: inout LineCursor) throws(RuleDiagnostic) -> [Piece] {
        let open = cursor.location()
        cursor.advance()
        var pieces: [Piece] = []
        while true {
            guard let c = cursor.current else {
                throw RuleDiagnostic("expected '\"' to close the text opened at \(open.line):\(open.column), found end of line",
                                     at: cursor.endLocation())
            }
            if c == "\"" {
                cursor.advance()
                return pieces
            }
            if c == "\\" {
                cursor.advance()
                guard let escaped = cursor.current, escaped == "\"" || escaped == "\\" else {
                    let found = cursor.current.map { SourceText.quoted(String($0)) } ?? "end of line"
                    throw RuleDiagnostic("expected '\"' or '\\' after '\\' (the only escapes in quoted text), found \(found)",
                                         at: cursor.current == nil ? cursor.endLocation() : cursor.location())
                }
                pieces.append(Piece(char: escaped, index: cursor.index - 1))
            } else {
                pieces.append(Piece(char: c, index: cursor.index))
            }
            cursor.advance()
        }
    }

    /// Reads quoted text as words: trimmed, white space collapsed.
    static func readWords(_ cursor: inout LineCursor) throws(RuleDiagnostic) -> [String] {
        SourceText.words(try read(&cursor).map(\.char))
    }
}
