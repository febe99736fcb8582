/// The shapes of names in rule files (all ASCII).
enum RuleNames {
    /// `[a-z][a-z0-9_]*(\.[a-z0-9_]+)*`: `money.scaled_number`.
    static func isRuleID(_ s: String) -> Bool {
        let segments = s.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = segments.first, isTypeName(String(first)) else { return false }
        return segments.dropFirst().allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { isLower($0) || isDigit($0) || $0 == "_" } }
    }

    /// `[A-Z][A-Z0-9_]*`: `SCALE`, `UNIT_2`.
    static func isLexiconName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isUpper(first) else { return false }
        return s.unicodeScalars.allSatisfy { isUpper($0) || isDigit($0) || $0 == "_" }
    }

    /// `[a-z][a-z0-9_]*`: entity types such as `money` and `number`.
    static func isTypeName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isLower(first) else { return false }
        return s.unicodeScalars.allSatisfy { isLower($0) || isDigit($0) || $0 == "_" }
    }

    /// `[a-z][A-Za-z0-9_]*`: capture names, producer names, argument labels.
    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isLower(first) else { return false }
        return s.unicodeScalars.allSatisfy { isLower($0) || isUpper($0) || isDigit($0) || $0 == "_" }
    }

    /// An identifier, or "_" then one: argument labels (a leading "_" marks an
    /// internal value field, read by document passes and never output).
    static func isArgumentLabel(_ s: String) -> Bool {
        isIdentifier(s.hasPrefix("_") ? String(s.dropFirst()) : s)
    }

    /// Words that are JSON literals in `emit` and so cannot name captures.
    static let jsonKeywords: Set<String> = ["true", "false", "null"]

    private static func isLower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
    private static func isUpper(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
}
