/// Reads `example "text"`, `example "text" => JSON` and `counter "text"` values.
enum ExampleParser {
    static let openMark: Unicode.Scalar = "«"
    static let closeMark: Unicode.Scalar = "»"

    /// Parses the value of an `example` (or, with `isCounter`, a `counter`) field; the cursor is after the field name.
    static func parse(_ start: LineCursor, isCounter: Bool) throws(RuleDiagnostic) -> RuleExample {
        let field = isCounter ? "counter" : "example"
        var cursor = start
        cursor.skipSpaces()
        guard cursor.current == "\"" else { throw cursor.error(expected: "a quoted text after '\(field)'") }
        let location = cursor.location()
        let pieces = try QuotedText.read(&cursor)
        let closingQuote = cursor.location(cursor.index - 1)
        let (text, marked) = try removeMarks(pieces, cursor: cursor, closingQuote: closingQuote)
        guard !text.isEmpty else {
            throw RuleDiagnostic("expected some text between the quotes, found empty text", at: location)
        }
        cursor.skipSpaces()
        var expected: JSONValue?
        if !cursor.isAtEndOfContent {
            guard !isCounter else { throw cursor.error(expected: "end of line after the counter text") }
            guard cursor.current == "=", cursor.peek() == ">" else {
                throw cursor.error(expected: "'=>' or end of line after the example text")
            }
            cursor.advance(2)
            var json = JSONLiteralParser(cursor: cursor)
            expected = try json.parseValue()
            cursor = json.cursor
            cursor.skipSpaces()
            guard cursor.isAtEndOfContent else { throw cursor.error(expected: "end of line after the expected value") }
        }
        return RuleExample(text: text, marked: marked, expected: expected, isCounter: isCounter, location: location)
    }

    /// The text without `«` and `»`, and the marked range in Unicode scalar offsets.
    private static func removeMarks(_ pieces: [QuotedText.Piece], cursor: LineCursor,
                                    closingQuote: RuleSourceLocation) throws(RuleDiagnostic) -> (String, Range<Int>?) {
        var text = String.UnicodeScalarView()
        var scalars = 0
        var open: (offset: Int, index: Int)?
        var marked: Range<Int>?
        for piece in pieces {
            switch piece.char {
            case openMark:
                guard open == nil, marked == nil else {
                    throw RuleDiagnostic("expected at most one «marked» part, found a second '«'", at: cursor.location(piece.index))
                }
                open = (scalars, piece.index)
            case closeMark:
                guard let start = open else {
                    throw RuleDiagnostic("expected '«' before '»', found '»'", at: cursor.location(piece.index))
                }
                guard start.offset < scalars else {
                    throw RuleDiagnostic("expected some text between '«' and '»', found '»'", at: cursor.location(piece.index))
                }
                marked = start.offset..<scalars
                open = nil
            default:
                text.append(piece.char)
                scalars += 1
            }
        }
        if let start = open {
            let at = cursor.location(start.index)
            throw RuleDiagnostic("expected '»' to close the '«' at \(at.line):\(at.column), found the end of the text", at: closingQuote)
        }
        return (String(text), marked)
    }
}
