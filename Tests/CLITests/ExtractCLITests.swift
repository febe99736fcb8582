import Foundation
import TestSupport
import Testing

/// End-to-end tests of `vnextract extract`, `test`, `explain` and `eval`.
@Suite("vnextract extract, test, explain, eval")
struct ExtractCLITests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let gold = root.appendingPathComponent("corpus/gold/seeds.jsonl").path

    @Test func extractWritesOutputContractEntities() throws {
        let text = "Quỹ đã trao «trên 5,5 tỷ đồng» cho 1.332 công đoàn cơ sở, đạt 107,3% kế hoạch.".replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
        let result = try runVNExtract(["extract", "--quiet", "-"], stdin: Array(text.utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        let objects = result.outputObjects()
        #expect(objects.count == 1)
        let entities = try #require(objects.first?["entities"] as? [[String: Any]])
        let scalars = Array(text.unicodeScalars)
        var seen: [String] = []
        for entity in entities {
            let start = try #require(intValue(entity["start"])), end = try #require(intValue(entity["end"]))
            let slice = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(slice == entity["text"] as? String)
            #expect(entity["rule"] is String)
            seen.append("\(entity["type"]!):\(slice)")
        }
        #expect(seen == ["money:trên 5,5 tỷ đồng", "quantity:1.332 công đoàn cơ sở", "quantity:107,3%"])
        let money = try #require(entities.first?["value"] as? [String: Any])
        #expect(intValue(money["amount"]) == 5_500_000_000)
        #expect(money["currency"] as? String == "VND")
        #expect(money["qualifier"] as? String == "more_than")
    }

    @Test func typesSelectsAndUnknownTypesAreUsageErrors() throws {
        let text = Array("trên 5,5 tỷ đồng cho 150 đoàn viên".utf8)
        let onlyMoney = try runVNExtract(["extract", "--quiet", "--types", "money", "-"], stdin: text)
        let entities = try #require(onlyMoney.outputObjects().first?["entities"] as? [[String: Any]])
        #expect(entities.map { $0["type"] as? String } == ["money"])
        let bad = try runVNExtract(["extract", "--types", "moneys", "-"], stdin: text)
        #expect(bad.status == 2)
        #expect(bad.stderrText.contains("unknown type 'moneys'"))
    }

    @Test func extractOnTheCorpusFolderAndJSONLDump() throws {
        let folder = try runVNExtract(["extract", "--quiet", Self.root.appendingPathComponent("corpus/seeds").path])
        #expect(folder.status == 0)
        #expect(folder.outputObjects().count == 5)
        let dump = try runVNExtract(["extract", "--quiet", "--input-format", "jsonl", Self.gold])
        #expect(dump.outputObjects().map { $0["id"] as? String } == ["000", "001", "002", "003", "004"])
    }

    @Test func testCommandRunsTheBuiltinExamples() throws {
        let result = try runVNExtract(["test"])
        #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self))")
        let summary = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix("examples: ") && summary.hasSuffix(", 0 failed"), "\(summary)")
    }

    @Test func userRulesAreAddedWithoutRecompiling() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("rules/area.rules", """
            # A user's own type: land areas.
            rule area.hectare
              type      area
              match     <number>=n (ha | hecta)
              emit      quantity(amount: n, unit: "ha")
              example   "thu hồi «12 ha» đất" => {"amount": 12, "unit": "ha"}
              example   "«1,5 hecta» lúa" => {"amount": 1.5, "unit": "ha"}
              counter   "12 người"
            """)
        let tested = try runVNExtract(["test", scratch.path("rules")])
        #expect(tested.status == 0, "\(String(decoding: tested.stdout, as: UTF8.self))")
        let extracted = try runVNExtract(["extract", "--quiet", "--rules", scratch.path("rules"), "--types", "area", "-"],
                                         stdin: Array("thu hồi 12 ha đất".utf8))
        let entities = try #require(extracted.outputObjects().first?["entities"] as? [[String: Any]])
        #expect(entities.first?["rule"] as? String == "area.hectare")
    }

    @Test func referenceDateResolvesRelativeDatesAndWeekdayMismatchesAreWarnings() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("rules/date.rules", """
            rule date.this_year
              type      date
              match     năm nay
              emit      object(_relative_unit: "year", _relative_offset: 0)
              example   "«năm nay»" => {"_relative_unit": "year", "_relative_offset": 0}
              example   "trong «năm nay»"

            rule date.tuesday
              type      date
              match     thứ ba ^, {kind:number} ^/ ^{kind:number} ^/ ^{kind:number}
              emit      object(date: "2017-08-09", _weekday: 2)
              example   "«Thứ ba, 09/8/2017»" => {"date": "2017-08-09"}
              example   "«Thứ ba, 09/8/2017»" => {"date": "2017-08-09", "_weekday": 2}
            """)
        let rules = ["--no-builtin-rules", "--rules", scratch.path("rules")]
        let tested = try runVNExtract(["test", "--no-builtin-rules", scratch.path("rules")])
        #expect(tested.status == 0, "\(String(decoding: tested.stdout, as: UTF8.self))")
        let noRules = try runVNExtract(["extract", "--no-builtin-rules", "-"], stdin: [])
        #expect(noRules.status == 2)
        #expect(noRules.stderrText.contains("--no-builtin-rules needs at least one --rules folder"))
        let text = Array("Thứ ba, 09/8/2017. Kế hoạch năm nay.".utf8)
        let plain = try runVNExtract(["extract", "--quiet"] + rules + ["-"], stdin: text)
        let plainEntities = try #require(plain.outputObjects().first?["entities"] as? [[String: Any]])
        #expect(plainEntities.map { $0["text"] as? String } == ["Thứ ba, 09/8/2017"])  // no reference date: no relative dates
        // 2017-08-09 was a Wednesday.
        #expect(plainEntities.first?["warnings"] as? [String] == ["weekday mismatch: Thứ ba is written, but 2017-08-09 is a Thứ tư"])
        #expect((plainEntities.first?["value"] as? [String: Any])?.keys.sorted() == ["date"])  // "_weekday" is internal
        let dated = try runVNExtract(["extract", "--quiet", "--reference-date", "2026-11-23"] + rules + ["-"], stdin: text)
        let datedEntities = try #require(dated.outputObjects().first?["entities"] as? [[String: Any]])
        #expect(datedEntities.map { $0["text"] as? String } == ["Thứ ba, 09/8/2017", "năm nay"])
        #expect(datedEntities.last?["warnings"] == nil)
        #expect((datedEntities.last?["value"] as? [String: Any])?["date"] as? String == "2026")
        let bad = try runVNExtract(["extract", "--reference-date", "23/11/2026", "-"], stdin: text)
        #expect(bad.status == 2)
        #expect(bad.stderrText.contains("--reference-date '23/11/2026' is not a date; expected YYYY-MM-DD"))
    }

    @Test func failingExampleIsReportedWithItsLocationAndExits1() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("rules/bad.rules", """
            rule broken.example
              type      broken
              match     <number>=n người
              emit      quantity(amount: n, unit: "người")
              example   "có «5 người»" => {"amount": 6, "unit": "người"}
              example   "có «7 người»" => {"amount": 7, "unit": "người"}
            """)
        let result = try runVNExtract(["test", "--rules", scratch.path("rules")])
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(result.status == 1)
        #expect(output.contains("bad.rules:5:"), "\(output)")
        #expect(output.contains("expected {\"amount\": 6, \"unit\": \"người\"}, got {\"amount\": 5, \"unit\": \"người\"}"), "\(output)")
        #expect(output.contains(", 1 failed"))
    }

    @Test func malformedRuleFileIsAnErrorWithFileLineColumn() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("rules/oops.rules", """
            rule oops.unclosed
              type      oops
              match     (<number> người
              emit      quantity(amount: 1)
            """)
        let result = try runVNExtract(["extract", "--rules", scratch.path("rules"), "-"], stdin: Array("x".utf8))
        #expect(result.status == 2)
        #expect(result.stderrText.contains("oops.rules:3:"), "\(result.stderrText)")
        #expect(result.stderrText.contains("expected"), "\(result.stderrText)")
    }

    @Test func explainShowsCandidatesAndWinners() throws {
        let result = try runVNExtract(["explain", "trên 5,5 tỷ đồng"])
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(result.status == 0)
        #expect(output.contains("tokens:"))
        #expect(output.contains("money.amount «trên 5,5 tỷ đồng»"))
        #expect(output.contains("→ WON"))
        #expect(output.contains("lost to money.amount «trên 5,5 tỷ đồng» (a longer match)"), "\(output)")
    }

    @Test func rulesListsRulesAndProducers() throws {
        let listed = String(decoding: try runVNExtract(["rules"]).stdout, as: UTF8.self)
        #expect(listed.contains("money.amount\tmoney\t"))
        #expect(listed.contains("builtin/money.rules:"))
        let producers = String(decoding: try runVNExtract(["rules", "--producers"]).stdout, as: UTF8.self)
        #expect(producers.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
            .contains("money"))
    }

    @Test func evalScoresTheExtractorAndAPredictionFile() throws {
        // The acceptance bars of the money, quantity and date issues, checked the way users check them.
        let own = try runVNExtract(["eval", Self.gold, "--types", "money,quantity,date", "--min-f1", "0.95"])
        let table = String(decoding: own.stdout, as: UTF8.self)
        #expect(own.status == 0, "\(table)\n\(own.stderrText)")
        #expect(table.contains("money") && table.contains("quantity") && table.contains("date") && table.contains("OVERALL"))
        // The gold file scored against itself is perfect.
        let perfect = try runVNExtract(["eval", Self.gold, "--pred", Self.gold, "--json"])
        let report = try #require(parseJSONObject(perfect.stdout))
        let overall = try #require(report["overall"] as? [String: Any])
        #expect((overall["f1"] as? NSNumber)?.doubleValue == 1.0, "\(overall)")
        #expect(try runVNExtract(["eval", Self.gold, "--pred", "/nonexistent.jsonl"]).status == 2)
    }
}
