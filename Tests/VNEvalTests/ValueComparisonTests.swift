import Foundation
import Testing
import VNEval
import VNRules

// Value comparisons checked against score.py's own functions
// (value_disagreements, has_value) on the same inputs.

/// key, gold, predicted, agrees (score.py).
let stringComparisons: [(String, String, String, Bool)] = [
        ("name", "Thanh Hoá", "Thanh Hóa", true),
        ("name", "Liên đoàn Lao động tỉnh Thanh Hóa", "LIÊN ĐOÀN  LAO ĐỘNG\nTỈNH THANH HOÁ", true),
        ("name", "Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh", true),
        ("name", "Quý", "Qúy", false),
        ("name", "hoạch", "hoạch", true),
        ("name", "Hòa Bình", "Hoà Bình", true),
        ("name", "Hòa", "Hoà2", false),
        ("name", "khỏe", "khoẻ", true),
        ("name", "Thủy", "Thuỷ", true),
        ("name", "Straße", "STRASSE", true),
        ("name", "ΟΔΟΣ", "οδοσ", true),
        ("name", "Đảng", "đảng ", true),
        ("name", "Đảng", "Đang", false),
        ("unit", "đoàn viên", "đoàn viên công đoàn", true),
        ("unit", "đoàn", "đoàni", false),
        ("unit", "công đoàn cơ sở", "Công Đoàn", true),
        ("unit", "đoàn viên", "đoàn  viên\t", true),
        ("unit", "%", "", false),
        ("unit", "năm", "nă", false),
        ("unit", "ΟΔΟΣ", "οδος", true),
        ("unit", "Straße", "strasse", false),
        ("unit", "hoá đơn", "hóa", true),
        ("unit", "người", "người lao động", true),
]

/// gold, predicted, gold has a value, disagreeing keys (score.py).
let valueComparisons: [(JSONValue, JSONValue, Bool, [String])] = [
        (.object(["amount": .number(150), "unit": .string("đoàn viên")]), .object(["amount": .number(150.00000000001), "unit": .string("đoàn viên"), "extra": .number(1)]), true, []),
        (.object(["amount": .number(150), "unit": .string("đoàn viên")]), .object(["amount": .number(150.000001), "unit": .string("đoàn viên")]), true, ["amount"]),
        (.object(["amount": .number(0), "currency": .string("VND")]), .object(["amount": .number(1e-300), "currency": .string("VND")]), true, ["amount"]),
        (.object(["amount": .number(0), "currency": .string("VND")]), .object(["amount": .number(-0.0), "currency": .string("VND")]), true, []),
        (.object(["amount": .number(1), "currency": .string("VND")]), .object(["amount": .bool(true), "currency": .string("VND")]), true, ["amount"]),
        (.object(["amount": .number(1), "currency": .string("VND")]), .object(["amount": .string("1"), "currency": .string("vnd")]), true, ["amount", "currency"]),
        (.object(["date": .string("2023-05-19"), "inferred_year": .bool(true)]), .object(["date": .string("2023-05-19")]), true, []),
        (.object(["name": .string("Đảng"), "kind": .string("party")]), .object(["name": .string("Đảng"), "kind": .string("union")]), true, []),
        (.object(["name": .string("Đảng"), "kind": .string("party")]), .object(["kind": .string("party")]), true, ["name"]),
        (.object(["name": .string("Đảng"), "kind": .string("party")]), .string("Đảng"), true, ["name"]),
        (.object(["start": .string("2018"), "end": .string("2023")]), .object(["start": .string("2018"), "end": .string("2024")]), true, ["end"]),
        (.object(["a": .array([.number(1), .object(["b": .string("Hóa")])])]), .object(["a": .array([.number(1.0), .object(["b": .string("Hóa")])])]), true, []),
        (.object(["a": .array([.number(1), .object(["b": .string("Hóa")])])]), .object(["a": .array([.number(1), .object(["b": .string("Hoá")])])]), true, ["a"]),
        (.object(["a": .object(["b": .number(1)])]), .object(["a": .object(["b": .number(1), "c": .number(2)])]), true, ["a"]),
        (.string("x"), .string("x"), true, []),
        (.null, .null, false, []),
        (.array([.number(1), .number(2)]), .array([.number(1), .number(2), .number(3)]), true, ["value"]),
        (.number(5), .number(5.0000000001), true, []),
]

@Suite struct ValueComparisonTests {
    @Test func namesAndUnitsFoldAsScorePyFoldsThem() {
        for (key, gold, predicted, agrees) in stringComparisons {
            let result = ValueComparison.agree(gold: .object([key: .string(gold)]), predicted: .object([key: .string(predicted)]))
            #expect(result == agrees, "\(key): \(gold) / \(predicted)")
        }
    }

    @Test func valuesCompareAsScorePyComparesThem() {
        for (gold, predicted, hasValue, keys) in valueComparisons {
            #expect(ValueComparison.hasValue(gold) == hasValue, "\(gold)")
            #expect(Set(ValueComparison.disagreements(gold: gold, predicted: predicted)) == Set(keys), "\(gold) / \(predicted)")
        }
    }

    @Test func tonePlacementFolding() {
        #expect(ValueComparison.foldName("Thanh Hoá") == ValueComparison.foldName("thanh hóa"))
        #expect(ValueComparison.foldName("Quý").unicodeScalars.elementsEqual("quý".unicodeScalars))
        #expect(!ValueComparison.foldName("Qúy").unicodeScalars.elementsEqual(ValueComparison.foldName("Quý").unicodeScalars))
        #expect(ValueComparison.foldUnit("  Đoàn \t Viên ") == "đoàn viên")
        #expect(!ValueComparison.hasValue(.object(["kind": .string("union"), "inferred_year": .bool(true)])))
    }
}
