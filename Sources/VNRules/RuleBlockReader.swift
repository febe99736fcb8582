/// Reads the indented lines of one `rule` block: groups them into fields (with their `|`
/// continuation lines), parses each field's value and remembers what it found.
struct RuleBlockReader {
    /// A field line and its continuation lines.
    struct Field {
        let name: String
        let location: RuleSourceLocation
        let indentWidth: Int
        /// The field's value (a cursor just after the name), then each continuation line (a cursor on its `|`).
        var segments: [LineCursor]
    }

    /// Fields that may appear once.
    static let singleFields: Set<String> = ["type", "priority", "match", "emit"]

    let file: String
    private(set) var diagnostics: [RuleDiagnostic] = []
    private var seen: [String: RuleSourceLocation] = [:]
    private var type: String?
    private var priority = 0
    private var pattern: PatternNode?
    private var notBefore: [PatternNode] = []
    private var notAfter: [PatternNode] = []
    private var requiresBefore: [PatternNode] = []
    private var requiresAfter: [PatternNode] = []
    private var emit: ValueExpression?
    private var examples: [RuleExample] = []

    init(file: String) {
        self.file = file
    }

    /// Reads the block's lines (no blank or comment lines).
    mutating func read(_ body: [SourceLine]) {
        for field in fields(body) {
            if Self.singleFields.contains(field.name), let first = seen[field.name] {
                diagnostics.append(RuleDiagnostic(
                    "expected '\(field.name)' once per rule, found it again (first at \(first.line):\(first.column))", at: field.location))
                continue
            }
            seen[field.name] = field.location
            do throws(RuleDiagnostic) {
                try apply(field)
            } catch {
                diagnostics.append(error)
            }
        }
    }

    /// A diagnostic for each required field the rule lacks (a field written with a malformed value counts as present).
    func missingFields(ruleID: String, at location: RuleSourceLocation) -> [RuleDiagnostic] {
        RuleFileParser.requiredFieldNames.filter { seen[$0] == nil }.map {
            RuleDiagnostic("expected \($0 == "emit" ? "an" : "a") '\($0)' field in rule '\(ruleID)', found none (type, match and emit are required)",
                           at: location)
        }
    }

    /// The rule, when every required field was read without error.
    func declaration(id: String, at location: RuleSourceLocation) -> RuleDeclaration? {
        guard diagnostics.isEmpty, let type, let pattern, let emit else { return nil }
        return RuleDeclaration(id: id, type: type, priority: priority, pattern: pattern, notBefore: notBefore,
                               notAfter: notAfter, emit: emit, examples: examples, location: location,
                               requiresBefore: requiresBefore, requiresAfter: requiresAfter)
    }

    // MARK: Lines into fields

    private mutating func fields(_ body: [SourceLine]) -> [Field] {
        var fields: [Field] = []
        var lastFieldIsKnown = true
        for line in body {
            var cursor = LineCursor(file: file, line: line, index: line.indentEnd)
            if cursor.current == "|" {
                guard lastFieldIsKnown else { continue }
                if let problem = continuationProblem(line, cursor: cursor, continuing: fields.last) {
                    diagnostics.append(problem)
                } else {
                    fields[fields.count - 1].segments.append(cursor)
                }
                continue
            }
            let location = cursor.location()
            let name = cursor.read(while: RuleFileReader.isNameCharacter)
            lastFieldIsKnown = RuleFileParser.fieldNames.contains(name)
            guard lastFieldIsKnown else {
                diagnostics.append(RuleDiagnostic(
                    "unknown field \(SourceText.quoted(name)); expected one of \(RuleFileParser.fieldNames.joined(separator: ", "))",
                    at: location))
                continue
            }
            fields.append(Field(name: name, location: location, indentWidth: line.indentWidth, segments: [cursor]))
        }
        return fields
    }

    /// Why a `|` line cannot continue the previous field, or nil if it can.
    private func continuationProblem(_ line: SourceLine, cursor: LineCursor, continuing field: Field?) -> RuleDiagnostic? {
        guard let field else {
            return cursor.error(expected: "a field name")
        }
        guard RuleFileParser.continuableFieldNames.contains(field.name) else {
            return cursor.error(expected: "a field name ('\(field.name)' cannot continue on a '|' line; only match and the before/after patterns can)")
        }
        guard line.indentWidth > field.indentWidth else {
            return RuleDiagnostic(
                "expected a '|' line indented deeper than the field it continues ('\(field.name)' at \(field.location.line):\(field.location.column)), found one indented no deeper",
                at: cursor.location())
        }
        return nil
    }

    // MARK: Field values

    private mutating func apply(_ field: Field) throws(RuleDiagnostic) {
        switch field.name {
        case "type": type = try word(of: field, expected: "a type name like money ([a-z][a-z0-9_]*)", isValid: RuleNames.isTypeName)
        case "priority": priority = try integer(of: field)
        case "match": pattern = try self.pattern(of: field)
        case "not-before": notBefore.append(try self.pattern(of: field))
        case "not-after": notAfter.append(try self.pattern(of: field))
        case "requires-before": requiresBefore.append(try self.pattern(of: field))
        case "requires-after": requiresAfter.append(try self.pattern(of: field))
        case "emit": emit = try ValueExpressionParser.parseEmit(try value(of: field, expected: "a producer call like money(amount: n)"))
        case "example": examples.append(try ExampleParser.parse(field.segments[0], isCounter: false))
        case "counter": examples.append(try ExampleParser.parse(field.segments[0], isCounter: true))
        default: break
        }
    }

    /// The cursor at the start of the field's value; throws when the line ends after the field name.
    private func value(of field: Field, expected: String) throws(RuleDiagnostic) -> LineCursor {
        var cursor = field.segments[0]
        cursor.skipSpaces()
        guard !cursor.isAtEndOfContent else { throw cursor.error(expected: "\(expected) after '\(field.name)'") }
        return cursor
    }

    private func word(of field: Field, expected: String, isValid: (String) -> Bool) throws(RuleDiagnostic) -> String {
        var cursor = try value(of: field, expected: expected)
        let start = cursor.index
        let word = cursor.read(while: RuleFileReader.isNameCharacter)
        guard isValid(word) else {
            throw RuleDiagnostic("expected \(expected), found \(SourceText.quoted(word))", at: cursor.location(start))
        }
        cursor.skipSpaces()
        guard cursor.isAtEndOfContent else { throw cursor.error(expected: "end of line after '\(field.name) \(word)'") }
        return word
    }

    private func integer(of field: Field) throws(RuleDiagnostic) -> Int {
        let text = try word(of: field, expected: "an integer", isValid: { Int($0) != nil })
        return Int(text) ?? 0
    }

    /// A pattern field. When the field's own line is empty, its value starts on the first `|` line
    /// and that leading `|` only introduces it.
    private func pattern(of field: Field) throws(RuleDiagnostic) -> PatternNode {
        var segments = field.segments
        var first = segments[0]
        first.skipSpaces()
        if first.isAtEndOfContent, segments.count > 1 {
            segments[1].advance()
            segments.removeFirst()
        } else {
            _ = try value(of: field, expected: "a pattern")
        }
        return try PatternParser.parse(segments)
    }
}
