extension VietnameseNumbers {
    /// An exact non-negative decimal, `mantissa × 10^exponent`, kept normalized
    /// (no trailing zeros in the mantissa; zero is `0 × 10^0`), so equal values
    /// are equal structs.
    ///
    /// Every number word and scale is a power of ten or a small integer, so the
    /// grammar computes in this form and rounds only once, when the result is
    /// turned into a `Double`: "5,5 tỷ" is `55 × 10^8`, exactly 5500000000, and
    /// "0,1" is `1 × 10^-1`, the `Double` nearest to 0.1 (the literal `0.1`).
    /// Arithmetic that would overflow the 64-bit mantissa yields nil.
    struct Exact: Equatable, Sendable {
        private(set) var mantissa: UInt64
        private(set) var exponent: Int

        static let zero = Exact(0)
        static let one = Exact(1)

        init(_ mantissa: UInt64, exponent: Int = 0) {
            self.mantissa = mantissa
            self.exponent = mantissa == 0 ? 0 : exponent
            while self.mantissa != 0 && self.mantissa % 10 == 0 {
                self.mantissa /= 10
                self.exponent += 1
            }
        }

        var isZero: Bool { mantissa == 0 }

        /// Whether the value has no fractional part.
        var isInteger: Bool { exponent >= 0 }

        /// The value times `10^power`.
        func timesPowerOfTen(_ power: Int) -> Exact {
            Exact(mantissa, exponent: exponent + power)
        }

        /// The sum, or nil if it does not fit a 64-bit mantissa.
        static func + (lhs: Exact, rhs: Exact) -> Exact? {
            if lhs.isZero { return rhs }
            if rhs.isZero { return lhs }
            let common = min(lhs.exponent, rhs.exponent)
            guard let left = lhs.mantissa(atExponent: common),
                  let right = rhs.mantissa(atExponent: common)
            else { return nil }
            let (sum, overflow) = left.addingReportingOverflow(right)
            return overflow ? nil : Exact(sum, exponent: common)
        }

        /// Whether `lhs` is smaller than `rhs`; exact for all values.
        static func < (lhs: Exact, rhs: Exact) -> Bool {
            if rhs.isZero { return false }
            if lhs.isZero { return true }
            let common = min(lhs.exponent, rhs.exponent)
            // Scaling up can only overflow the operand with the larger
            // exponent, and if it does, that operand is the larger value.
            guard let left = lhs.mantissa(atExponent: common) else { return false }
            guard let right = rhs.mantissa(atExponent: common) else { return true }
            return left < right
        }

        /// The nearest `Double`: one correctly rounded multiplication or
        /// division of two exactly representable numbers when the mantissa is
        /// below 2^53 and the exponent within ±22.
        var double: Double {
            var value = Double(mantissa)
            var power = exponent
            while power > 0 {
                let step = min(power, 22)
                value *= Exact.powersOfTen[step]
                power -= step
            }
            while power < 0 {
                let step = min(-power, 22)
                value /= Exact.powersOfTen[step]
                power += step
            }
            return value
        }

        /// The mantissa rewritten for a smaller or equal `target` exponent, nil on overflow.
        private func mantissa(atExponent target: Int) -> UInt64? {
            var result = mantissa
            var steps = exponent - target
            while steps > 0 {
                let (product, overflow) = result.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                result = product
                steps -= 1
            }
            return result
        }

        /// 10^0 ... 10^22, every one exactly representable as a `Double`.
        private static let powersOfTen: [Double] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ]
    }
}
