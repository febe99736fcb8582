/// Parses `.rules` files (rules/FORMAT.md) into a ``RuleFile``.
///
/// The parser checks everything a file shows on its own: the block structure, field names,
/// required fields, unique rule ids, names, the pattern and `emit` mini-languages,
/// quantifier bounds, token attributes, regular expressions, JSON literals and examples.
/// Which lexicons, producers and span types exist is left to the rule compiler.
public enum RuleFileParser {
    /// The fields a rule may have.
    public static let fieldNames = ["type", "priority", "match", "not-before", "not-after", "requires-before",
                                     "requires-after", "emit", "example", "counter"]
    /// The fields a rule must have.
    public static let requiredFieldNames = ["type", "match", "emit"]
    /// The fields whose value may continue on following lines that begin with `|`.
    public static let continuableFieldNames: Set<String> = ["match", "not-before", "not-after", "requires-before", "requires-after"]

    /// Parses the text of a rule file.
    ///
    /// Reading goes on after an error with the next line or declaration, so one call reports
    /// every problem it can find; it never traps, whatever the input.
    ///
    /// - Parameters:
    ///   - source: The file's text.
    ///   - path: The file's path, as diagnostics should name it.
    /// - Returns: The file's lexicons and rules, in order.
    /// - Throws: Every problem found, ordered by line and column; each message reads "expected X, found Y" where that fits.
    public static func parse(_ source: String, path: String) throws(RuleDiagnostics) -> RuleFile {
        var reader = RuleFileReader(path: path)
        let file = reader.read(SourceText.lines(source))
        guard reader.diagnostics.isEmpty else { throw RuleDiagnostics(reader.sortedDiagnostics) }
        return file
    }
}

/// Splits a rule file into declaration blocks and reads each.
struct RuleFileReader {
    /// A line at column 1 and the indented lines under it (blank and comment lines dropped).
    private struct Block {
        let header: SourceLine
        var body: [SourceLine]
    }

    let path: String
    private(set) var diagnostics: [RuleDiagnostic] = []
    private var lexicons: [LexiconDeclaration] = []
    private var rules: [RuleDeclaration] = []
    private var ruleIDs: [String: RuleSourceLocation] = [:]
    private var lexiconNames: [String: RuleSourceLocation] = [:]

    init(path: String) {
        self.path = path
    }

    /// The diagnostics in line and column order (ties keep the order they were found in).
    var sortedDiagnostics: [RuleDiagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
    }

    mutating func read(_ lines: [SourceLine]) -> RuleFile {
        for block in blocks(lines) { readBlock(block) }
        return RuleFile(path: path, lexicons: lexicons, rules: rules)
    }

    private mutating func blocks(_ lines: [SourceLine]) -> [Block] {
        var blocks: [Block] = []
        var reportedOrphan = false
        for line in lines where !line.isBlankOrComment {
            if line.indentEnd == 0 {
                blocks.append(Block(header: line, body: []))
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].body.append(line)
            } else if !reportedOrphan {
                reportedOrphan = true
                let cursor = LineCursor(file: path, line: line, index: line.indentEnd)
                diagnostics.append(cursor.error(
                    expected: "a 'rule' or 'lexicon' declaration at column 1 before this indented line"))
            }
        }
        return blocks
    }

    private mutating func readBlock(_ block: Block) {
        var cursor = LineCursor(file: path, line: block.header)
        let keyword = cursor.read(while: Self.isNameCharacter)
        switch keyword {
        case "rule": readRule(header: cursor, body: block.body)
        case "lexicon": readLexicon(header: cursor, body: block.body)
        default:
            let hint = RuleFileParser.fieldNames.contains(keyword) ? " (fields are indented under their rule)" : ""
            diagnostics.append(RuleDiagnostic("expected 'rule' or 'lexicon' at the start of a line, found \(SourceText.quoted(keyword))\(hint)",
                                              at: cursor.location(0)))
        }
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool { !c.isWhitespace && c != "#" }

    /// Reads the name after `rule` or `lexicon`; reports and returns nil when it is missing or malformed.
    private mutating func readHeaderName(_ header: LineCursor, keyword: String, expected: String,
                                         isValid: (String) -> Bool) -> (String, RuleSourceLocation)? {
        var cursor = header
        cursor.skipSpaces()
        guard !cursor.isAtEndOfContent else {
            diagnostics.append(cursor.error(expected: "\(expected) after '\(keyword)'"))
            return nil
        }
        let location = cursor.location()
        let name = cursor.read(while: Self.isNameCharacter)
        guard isValid(name) else {
            diagnostics.append(RuleDiagnostic("expected \(expected), found \(SourceText.quoted(name))", at: location))
            return nil
        }
        cursor.skipSpaces()
        if !cursor.isAtEndOfContent {
            diagnostics.append(cursor.error(expected: "end of line after the \(keyword) name"))
        }
        return (name, location)
    }

    // MARK: Rules

    private mutating func readRule(header: LineCursor, body: [SourceLine]) {
        let location = header.location(0)
        let id = readHeaderName(header, keyword: "rule",
                                expected: "a rule id like money.scaled_number ([a-z][a-z0-9_]*(.[a-z0-9_]+)*)",
                                isValid: RuleNames.isRuleID)
        var block = RuleBlockReader(file: path)
        block.read(body)
        diagnostics += block.diagnostics
        guard let (name, idLocation) = id else { return }
        diagnostics += block.missingFields(ruleID: name, at: location)
        if let first = ruleIDs[name] {
            diagnostics.append(RuleDiagnostic(
                "expected a rule id not used before in this file, found '\(name)' again (first at \(first.line):\(first.column))",
                at: idLocation))
            return
        }
        ruleIDs[name] = idLocation
        if let rule = block.declaration(id: name, at: location) { rules.append(rule) }
    }

    // MARK: Lexicons

    private mutating func readLexicon(header: LineCursor, body: [SourceLine]) {
        let location = header.location(0)
        let name = readHeaderName(header, keyword: "lexicon", expected: "a lexicon name like SCALE ([A-Z][A-Z0-9_]*)",
                                  isValid: RuleNames.isLexiconName)
        var reader = LexiconBodyReader(syntax: .inline)
        reader.read(body.map { LineCursor(file: path, line: $0, index: $0.indentEnd) })
        diagnostics += reader.diagnostics
        guard let (name, nameLocation) = name else { return }
        if let first = lexiconNames[name] {
            diagnostics.append(RuleDiagnostic(
                "expected a lexicon name not used before in this file, found '\(name)' again (first at \(first.line):\(first.column))",
                at: nameLocation))
            return
        }
        lexiconNames[name] = nameLocation
        if reader.entries.isEmpty, reader.diagnostics.isEmpty {
            diagnostics.append(RuleDiagnostic("expected at least one entry in lexicon \(name), found none", at: location))
        }
        lexicons.append(LexiconDeclaration(name: name, matchMode: reader.matchMode, entries: reader.entries, location: location))
    }
}
