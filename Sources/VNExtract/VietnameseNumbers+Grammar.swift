extension VietnameseNumbers {
    /// The exact value of a classified word sequence, nil if it is not a
    /// well-formed number. The grammar is described on ``VietnameseNumbers``.
    ///
    /// The number is read left to right as counts, each followed by a run of
    /// scale words ("nghìn", "triệu", "nghìn tỷ"), except the last, which may
    /// stand alone. Finished parts are kept as sections (value, exponent of
    /// their last scale word), from the largest down. A scale word multiplies
    /// the count before it together with every section below it, so "hai
    /// nghìn ba trăm tỷ" is (2000 + 300) tỷ while "ba tỷ năm trăm triệu" is
    /// 3 tỷ + 500 triệu; each new section must be smaller than the unit of the
    /// one before it ("ba tỷ hai tỷ" is malformed).
    static func exactValue(_ words: [Word]) -> Exact? {
        let count = words.count
        guard count > 0 else { return nil }
        var sections: [Section] = []
        var index = 0
        while true {
            let afterSection = !sections.isEmpty
            guard let part = parseCount(words, at: index, afterSection: afterSection) else { return nil }
            index = part.end

            if index == count || words[index] == .ruoi {
                // The last count, standing alone, perhaps with "rưỡi".
                var value = part.value
                if index < count {
                    // "rưỡi" ends the number; after a section only half a
                    // hundred or half a ten may follow ("một nghìn hai trăm rưỡi").
                    guard index == count - 1, let half = part.half, !afterSection || part.halfOfScale,
                          let sum = value + half
                    else { return nil }
                    value = sum
                }
                if let last = sections.last {
                    // After a section the last count must say where it stands:
                    // "hai nghìn mười chín", "một nghìn không trăm linh năm",
                    // "một nghìn lẻ một". A lone digit word ("hai nghìn hai":
                    // 2002 or 2200?) or digit string ("3 tỷ 500") is ambiguous.
                    guard part.shape.isPositioned, !part.value.isZero,
                          value < Exact(1, exponent: last.exponent)
                    else { return nil }
                } else if part.shape == .zero {
                    return nil  // "không" (or "không trăm") alone is not a number here
                }
                return total(sections, plus: value)
            }

            guard case .scale = words[index] else { return nil }
            // A run of scale words of increasing size: "triệu", "nghìn tỷ".
            var pending: Exact? = part.value
            var previous = 0
            var runExponent = 0
            while index < count, case .scale(let exponent) = words[index] {
                guard exponent > previous,
                      absorb(into: &sections, count: pending, shape: part.shape, exponent: exponent)
                else { return nil }
                pending = nil
                previous = exponent
                runExponent += exponent
                index += 1
            }
            if index == count { return total(sections, plus: .zero) }
            if words[index] == .ruoi {
                // "hai triệu rưỡi": half the unit of the run. Not after a
                // fractional count ("1,5 triệu rưỡi").
                guard index == count - 1, part.half != nil else { return nil }
                return total(sections, plus: Exact(5, exponent: runExponent - 1))
            }
        }
    }

    /// A finished part of a number: its value and the exponent of its unit.
    struct Section {
        var value: Exact
        var exponent: Int
    }

    /// How a count is built; decides where it may stand.
    enum Shape: Equatable {
        /// A digit string alone ("500").
        case digits
        /// "không" alone, or "không trăm" with nothing after.
        case zero
        /// One digit word ("hai").
        case bareDigit
        /// "mười ...", "<digit> mươi ...".
        case tens
        /// "linh"/"lẻ" and a digit word.
        case linh
        /// With a hundreds place ("hai trăm", "không trăm linh năm", "5 trăm").
        case hundreds
        /// "<digit> chục".
        case chuc
        /// With a "phẩy" fraction.
        case fraction

        /// Whether, after a section, the count's own words fix its place value.
        var isPositioned: Bool {
            switch self {
            case .tens, .linh, .hundreds, .chuc: true
            case .digits, .zero, .bareDigit, .fraction: false
            }
        }
    }

    /// A count: the words before a scale word, or the last words of a number.
    struct Count {
        var value: Exact
        var shape: Shape
        /// What "rưỡi" right after the count adds, nil if it cannot follow.
        var half: Exact?
        /// Whether `half` is half of a scale word ("trăm rưỡi", "chục rưỡi")
        /// rather than one half ("hai rưỡi").
        var halfOfScale = false
        /// The index after the count's last word.
        var end: Int
    }

    private static let oneHalf = Exact(5, exponent: -1)

    /// Applies the scale word `10^exponent` to `count` (nil inside a run of
    /// scale words) and to every section below it. False if nothing is
    /// counted, the count is zero, or the result does not fit under the
    /// section before it. A count joining sections must fix its own place
    /// below them, as at the end of a number: "hai nghìn ba trăm tỷ" is 2300
    /// tỷ, but "hai nghìn ba tỷ" and "500 triệu 3 tỷ" are malformed.
    private static func absorb(
        into sections: inout [Section], count: Exact?, shape: Shape, exponent: Int
    ) -> Bool {
        if let count, let last = sections.last, last.exponent < exponent {
            guard shape.isPositioned, count < Exact(1, exponent: last.exponent) else { return false }
        }
        var counted = count ?? .zero
        var hasCount = count != nil
        while let last = sections.last, last.exponent < exponent {
            guard let sum = counted + last.value else { return false }
            counted = sum
            sections.removeLast()
            hasCount = true
        }
        guard hasCount, !counted.isZero else { return false }
        let value = counted.timesPowerOfTen(exponent)
        if let previous = sections.last {
            guard previous.exponent > exponent, value < Exact(1, exponent: previous.exponent) else { return false }
        }
        sections.append(Section(value: value, exponent: exponent))
        return true
    }

    private static func total(_ sections: [Section], plus last: Exact) -> Exact? {
        var sum = last
        for section in sections {
            guard let next = sum + section.value else { return nil }
            sum = next
        }
        return sum
    }

    /// A count at `index`: a digit string (perhaps with "trăm"/"chục") or a
    /// spelled group below a thousand (perhaps with a "phẩy" fraction).
    private static func parseCount(_ words: [Word], at index: Int, afterSection: Bool) -> Count? {
        guard index < words.count else { return nil }
        if case .number(let value) = words[index] {
            var count = Count(value: value, shape: .digits, half: value.isInteger ? oneHalf : nil, end: index + 1)
            if index + 1 < words.count, words[index + 1] == .tram || words[index + 1] == .chuc {
                let exponent = words[index + 1] == .tram ? 2 : 1
                count.value = value.timesPowerOfTen(exponent)
                count.shape = exponent == 2 ? .hundreds : .chuc
                count.half = value.isInteger ? Exact(5, exponent: exponent - 1) : nil
                count.halfOfScale = true
                count.end = index + 2
            }
            return count
        }
        guard var count = parseGroup(words, at: index, afterSection: afterSection) else { return nil }
        if count.end < words.count, words[count.end] == .phay {
            guard let (fraction, end) = parseFraction(words, at: count.end + 1),
                  let value = count.value + fraction
            else { return nil }
            count = Count(value: value, shape: .fraction, half: nil, end: end)
        }
        return count
    }

    /// A spelled group below a thousand: [digit "trăm"] [tail], "<digit> chục",
    /// or one digit word. "không trăm" and a leading "linh" only after a section.
    private static func parseGroup(_ words: [Word], at index: Int, afterSection: Bool) -> Count? {
        let count = words.count
        if index + 1 < count, words[index + 1] == .tram {
            let hundreds: Int
            switch words[index] {
            case .digit(let digit): hundreds = digit
            case .zero where afterSection: hundreds = 0
            default: return nil
            }
            var group = Count(
                value: Exact(UInt64(hundreds * 100)), shape: .hundreds,
                half: Exact(50), halfOfScale: true, end: index + 2
            )
            if let tail = parseTail(words, at: index + 2, allowLinh: true) {
                group.value = Exact(UInt64(hundreds * 100 + tail.value))
                group.half = oneHalf
                group.halfOfScale = false
                group.end = tail.end
            } else if hundreds == 0 {
                group.shape = .zero
                group.half = nil
            }
            return group
        }
        if let tail = parseTail(words, at: index, allowLinh: afterSection) {
            return Count(value: Exact(UInt64(tail.value)), shape: tail.shape, half: oneHalf, end: tail.end)
        }
        switch words[index] {
        case .digit(let digit):
            if index + 1 < count, words[index + 1] == .chuc {
                return Count(
                    value: Exact(UInt64(digit * 10)), shape: .chuc,
                    half: Exact(5), halfOfScale: true, end: index + 2
                )
            }
            return Count(value: Exact(UInt64(digit)), shape: .bareDigit, half: oneHalf, end: index + 1)
        case .zero:
            return Count(value: .zero, shape: .zero, half: nil, end: index + 1)
        default:
            return nil
        }
    }

    /// The part of a group below a hundred that says its own place: "mười"
    /// [một...chín except năm, lăm], "<2...9> mươi" [một...chín except năm,
    /// mốt, tư, lăm, nhăm], or (if `allowLinh`) "linh"/"lẻ" [một...chín, tư].
    private static func parseTail(
        _ words: [Word], at index: Int, allowLinh: Bool
    ) -> (value: Int, shape: Shape, end: Int)? {
        let count = words.count
        guard index < count else { return nil }
        switch words[index] {
        case .linh where allowLinh:
            guard index + 1 < count else { return nil }
            switch words[index + 1] {
            case .digit(let digit): return (digit, .linh, index + 2)
            case .tu: return (4, .linh, index + 2)
            default: return nil
            }
        case .muoiTen:
            guard index + 1 < count else { return (10, .tens, index + 1) }
            switch words[index + 1] {
            case .digit(let digit) where digit != 5: return (10 + digit, .tens, index + 2)
            case .lam: return (15, .tens, index + 2)
            default: return (10, .tens, index + 1)
            }
        case .digit(let tens) where tens >= 2 && index + 1 < count && words[index + 1] == .muoi:
            let value = tens * 10
            guard index + 2 < count else { return (value, .tens, index + 2) }
            switch words[index + 2] {
            case .digit(let digit) where digit != 5: return (value + digit, .tens, index + 3)
            case .mot: return (value + 1, .tens, index + 3)
            case .tu: return (value + 4, .tens, index + 3)
            case .lam, .nham: return (value + 5, .tens, index + 3)
            default: return (value, .tens, index + 2)
            }
        default:
            return nil
        }
    }

    /// The digits after "phẩy": "không"s, then either a tens form ("ba phẩy
    /// mười bốn" = 3.14) or digit words one by one ("ba phẩy một bốn" = 3.14).
    private static func parseFraction(_ words: [Word], at start: Int) -> (Exact, end: Int)? {
        var digits: [Int] = []
        var index = start
        while index < words.count, words[index] == .zero {
            digits.append(0)
            index += 1
        }
        if let tens = parseTail(words, at: index, allowLinh: false) {
            digits += [tens.value / 10, tens.value % 10]
            index = tens.end
        } else {
            while index < words.count, case .digit(let digit) = words[index] {
                digits.append(digit)
                index += 1
            }
        }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        let mantissa = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        return (Exact(mantissa, exponent: -digits.count), index)
    }
}
