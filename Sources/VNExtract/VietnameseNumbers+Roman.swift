extension VietnameseNumbers {
    /// Roman numeral symbols and subtractive pairs, largest first.
    private static let romanTable: [(value: Int, symbols: String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// The value of a roman numeral in canonical form, nil otherwise.
    static func romanValue(_ text: String) -> Int? {
        let upper: String
        if text.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            upper = text
        } else if text.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) {
            upper = text.uppercased()
        } else {
            return nil  // empty, mixed case ("Vi", "Mix") or not ASCII letters
        }
        // Read greedily, then accept only if writing the value back gives the
        // same text: that rejects "IIII", "VV", "IC", "XIIX" and the like.
        var rest = Substring(upper)
        var value = 0
        for (amount, symbols) in romanTable {
            while rest.hasPrefix(symbols) {
                value += amount
                rest = rest.dropFirst(symbols.count)
            }
        }
        guard rest.isEmpty, (1...3999).contains(value), romanText(value) == upper else { return nil }
        return value
    }

    /// The canonical roman numeral of 1...3999.
    private static func romanText(_ value: Int) -> String {
        var rest = value
        var text = ""
        for (amount, symbols) in romanTable {
            while rest >= amount {
                text += symbols
                rest -= amount
            }
        }
        return text
    }
}
