extension VietnameseNumbers {
    /// The exact value of a digit string; see ``parseDigits(_:)`` for the conventions.
    static func exactDigits(_ text: String) -> Exact? {
        // Split into runs of ASCII digits and the separators between them.
        var groups: [[UInt8]] = [[]]
        var separators: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                groups[groups.count - 1].append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."), UInt8(ascii: ","):
                // An empty run: the text starts with a separator or has two in a row.
                if groups[groups.count - 1].isEmpty { return nil }
                separators.append(byte)
                groups.append([])
            default:
                return nil
            }
        }
        if groups[groups.count - 1].isEmpty { return nil }  // empty text or a trailing separator

        guard let last = separators.last else { return makeExact(integer: groups[0], fraction: []) }
        let dot = UInt8(ascii: "."), comma = UInt8(ascii: ",")

        if separators.allSatisfy({ $0 == last }) {
            // One kind of separator. Several: thousands grouping, whichever the kind.
            if separators.count > 1 {
                return isThousandsGrouping(groups) ? makeExact(integer: groups.joined(), fraction: []) : nil
            }
            // One comma is the decimal mark. One dot groups thousands only when
            // it reads as grouping ("1.332"); otherwise ("2.7", "0.1",
            // "1234.567", "0.500") the text uses the other convention.
            if last == dot && isThousandsGrouping(groups) {
                return makeExact(integer: groups.joined(), fraction: [])
            }
            return makeExact(integer: groups[0], fraction: groups[1])
        }

        // Both kinds: the last separator is the decimal mark, used once, and
        // every earlier one is the other kind grouping thousands
        // ("1.234,5" or, in the other convention, "1,234.5").
        let integerGroups = Array(groups.dropLast())
        let grouping = last == comma ? dot : comma
        guard separators.dropLast().allSatisfy({ $0 == grouping }), isThousandsGrouping(integerGroups)
        else { return nil }
        return makeExact(integer: integerGroups.joined(), fraction: groups[groups.count - 1])
    }

    /// Whether digit runs read as thousands grouping: a first run of one to three
    /// digits that are not all zeros, then runs of exactly three.
    private static func isThousandsGrouping(_ groups: [[UInt8]]) -> Bool {
        guard groups.count > 1, (1...3).contains(groups[0].count), groups[0].contains(where: { $0 != 0 })
        else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `integer.fraction` as an exact decimal, nil if the digits overflow 64 bits.
    private static func makeExact<Integer: Sequence<UInt8>>(integer: Integer, fraction: [UInt8]) -> Exact? {
        var mantissa: UInt64 = 0
        for digit in [integer.map { $0 }, fraction].joined() {
            let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return nil }
            mantissa = sum
        }
        return Exact(mantissa, exponent: -fraction.count)
    }
}
