import Foundation
import Testing
import VNEval

// A small hand-made gold and prediction file covering what the seed corpus
// does not: a tie between two overlaps (equal overlap and distance: the
// earlier prediction wins), empty spans, an integer id 7 against a string id
// "7", a document without gold text, a duplicate prediction id, malformed
// entities, a predicted text that differs from the gold text, an ignored type.
// The expected outputs were produced by score.py on these files:
//
//     python3 /work/shared/tools/score.py gold.jsonl pred.jsonl --show-errors 2
//     python3 /work/shared/tools/score.py gold.jsonl pred.jsonl --json --show-errors 5
//     python3 /work/shared/tools/score.py gold.jsonl pred.jsonl --types quantity,percent --show-errors 9

let handGold = #"""
{"id": "a", "text": "Ngày 19/5 LĐLĐ tỉnh Thanh Hoá trao 150 đoàn viên\tvà 5 tỷ đồng.\nHết.", "entities": [{"type": "date", "start": 5, "end": 9, "text": "19/5", "value": {"date": "2023-05-19", "inferred_year": true}}, {"type": "organization", "start": 10, "end": 29, "text": "LĐLĐ tỉnh Thanh Hoá", "value": {"name": "Liên đoàn Lao động tỉnh Thanh Hóa", "kind": "union"}}, {"type": "quantity", "start": 35, "end": 48, "text": "150 đoàn viên", "value": {"amount": 150, "unit": "đoàn viên"}}, {"type": "date", "start": 34, "end": 34, "text": "", "value": {"date": "x"}}, {"type": "money", "start": 52, "end": 61, "text": "5 tỷ đồng", "value": {"amount": 5000000000, "currency": "VND"}}, {"type": "date", "start": 10, "end": 5}]}
{"id": 7, "text": "Năm 2023, 6 tháng đầu năm.", "entities": [{"type": "date", "start": 0, "end": 8, "text": "Năm 2023", "value": {"date": "2023"}}, {"type": "quantity", "start": 10, "end": 17, "text": "6 tháng", "value": {"amount": 6, "unit": "tháng"}}]}
{"id": "b", "entities": [{"type": "organization", "start": 0, "end": 9, "text": "Công đoàn", "value": {"name": "Công đoàn", "kind": "union"}}]}

"""#

let handPredictions = #"""
{"id": "a", "entities": [{"type": "organization", "start": 10, "end": 29, "text": "LĐLĐ tỉnh Thanh Hoá", "value": {"name": "LIÊN ĐOÀN  LAO ĐỘNG TỈNH THANH HOÁ", "kind": "x"}, "rule": "org.1"}, {"type": "date", "start": 5, "end": 9, "text": "19/5", "value": {"date": "2023-05-19"}}, {"type": "quantity", "start": 36, "end": 49, "text": "50 đoàn viên\t", "value": {"amount": 150, "unit": "đoàni"}, "rule": "qty.2"}, {"type": "quantity", "start": 34, "end": 47, "text": " 150 đoàn viê", "value": {"amount": 150.0, "unit": "đoàn viên công đoàn"}}, {"type": "date", "start": 34, "end": 34, "text": "", "value": {"date": "x"}}, {"type": "money", "start": 52, "end": 61, "text": "5 tỷ", "value": {"amount": 5000000000.000001, "currency": "VND"}}, {"type": "money", "start": 63, "end": 66, "text": "Hết", "value": {"amount": 1}, "rule": "money.bad"}, {"type": "percent", "start": 35, "end": 38, "text": "150", "value": {"amount": 150}}, {"type": "date", "start": "1", "end": 2}, "junk"]}
{"id": "7", "entities": [{"type": "date", "start": 0, "end": 8, "text": "Năm 2023", "value": {"date": "2023"}}]}
{"id": "b", "entities": [{"type": "organization", "start": 0, "end": 9, "text": "Công đoàn", "value": {"name": "công  đoàn"}}, {"type": "organization", "start": 20, "end": 25, "value": {"name": "Y"}}]}
{"id": "a", "entities": []}

"""#

/// Runs `eval` on the hand-made files; paths in the output are made relative.
func runHandMade(types: String? = nil, json: Bool = false, showErrors: Int = 0) throws -> EvalRunResult {
    let dir = try TempDirectory()
    defer { dir.remove() }
    let goldFile = try dir.write("gold.jsonl", handGold)
    let predFile = try dir.write("pred.jsonl", handPredictions)
    var result = EvalCommand.run(goldPath: goldFile, predictionPath: predFile, types: types, json: json,
                                 showErrors: showErrors, program: "score.py")
    let prefix = dir.url.path + "/"
    result.standardOutput = result.standardOutput.replacingOccurrences(of: prefix, with: "")
    result.standardError = result.standardError.replacingOccurrences(of: prefix, with: "")
    return result
}

@Suite struct HandMadeFixtureTests {
    @Test func tableAndErrorListingAreScorePyOutput() throws {
        let result = try runHandMade(showErrors: 2)
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == [
            "type            gold   pred  found   miss     fp |     P     R    F1 |   exP   exR  exF1 | valAcc (n)",
            "-----------------------------------------------------------------------------------------------------",
            "organization       2      3      2      0      1 | 0.667 1.000 0.800 | 0.667 1.000 0.800 |  1.000 (2/2)",
            "date               3      2      2      1      0 | 1.000 0.667 0.800 | 1.000 0.667 0.800 |  1.000 (2/2)",
            "quantity           2      2      1      1      1 | 0.500 0.500 0.500 | 0.000 0.000 0.000 |  0.000 (0/1)",
            "money              1      2      1      0      1 | 0.500 1.000 0.667 | 0.500 1.000 0.667 |  1.000 (1/1)",
            "OVERALL            8      9      6      2      3 | 0.667 0.750 0.706 | 0.556 0.625 0.588 |  0.833 (5/6)",
            "",
            "documents: 3 gold, 3 predicted, 1 missing from prediction, 1 only in prediction",
            "validation: 8 predicted entities checked against the gold text: 1 text mismatches, 0 missing text, 0 offsets out of range; 2 not checked (gold has no text); 1 unsorted documents; 1 same-type overlaps",
            "  doc 'a' entity #5 (money): text '5 tỷ' != original[52:61] '5 tỷ đồng'",
            "",
            "== organization: false positives (1, showing 1)",
            "  - doc 'b' 20-25 ''",
            "      ",
            "",
            "== date: misses (1, showing 1)",
            "  - doc 7 0-8 'Năm 2023'  (document missing from prediction)",
            "      ⟦Năm 2023⟧, 6 tháng đầu năm.",
            "",
            "== quantity: misses (1, showing 1)",
            "  - doc 7 10-17 '6 tháng'  (document missing from prediction)",
            "      Năm 2023, ⟦6 tháng⟧ đầu năm.",
            "",
            "== quantity: false positives (1, showing 1)",
            "  - doc 'a' 34-47 ' 150 đoàn viê'",
            "      Ngày 19/5 LĐLĐ tỉnh Thanh Hoá trao⟦ 150 đoàn viê⟧n và 5 tỷ đồng.⏎Hết.",
            "",
            "== quantity: value mismatches (1, showing 1)",
            "  - doc 'a' 35-48 '150 đoàn viên' [unit]",
            "      gold: {\"amount\": 150, \"unit\": \"đoàn viên\"}",
            "      pred: {\"amount\": 150, \"unit\": \"đoàni\"}  (rule qty.2)",
            "",
            "== quantity: boundary differences (1, showing 1)",
            "  - doc 'a' gold 35-48 '150 đoàn viên' / pred 36-49 '50 đoàn viên\\t'  (rule qty.2)",
            "",
            "== money: false positives (1, showing 1)",
            "  - doc 'a' 63-66 'Hết'  (rule money.bad)",
            "      nh Hoá trao 150 đoàn viên và 5 tỷ đồng.⏎⟦Hết⟧.",
            "",
        ].joined(separator: "\n"))
        #expect(result.standardError == [
            "score.py: warning: prediction file pred.jsonl, line 4: duplicate id 'a' ignored (first one kept)",
            "score.py: warning: 1 document id(s) only in the prediction file are ignored, e.g. '7'",
            "score.py: warning: 1 gold document id(s) have no prediction; all their entities count as missed, e.g. 7",
            "score.py: warning: predicted entities of types outside the scored set were ignored: percent (1)",
            "score.py: warning: gold file: 1 malformed entity skipped (negative or reversed span), e.g. doc 'a' entity #5: 10-5",
            "score.py: warning: prediction file: 1 malformed entity skipped (missing or non-integer start/end), e.g. doc 'a' entity #8: {'type': 'date', 'start': '1', 'end': 2}",
            "score.py: warning: prediction file: 1 malformed entity skipped (not an object), e.g. doc 'a' entity #9: 'junk'",
            "",
        ].joined(separator: "\n"))
    }

    @Test func jsonIsScorePyOutput() throws {
        let result = try runHandMade(json: true, showErrors: 5)
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == [
            "{\"gold_file\": \"gold.jsonl\", \"pred_file\": \"pred.jsonl\", \"documents\": {\"gold\": 3, \"pred\": 3, \"missing_in_pred\": 1, \"only_in_pred\": 1}, \"types\": {\"organization\": {\"gold\": 2, \"pred\": 3, \"found\": 2, \"missed\": 0, \"false_positives\": 1, \"precision\": 0.6666666666666666, \"recall\": 1.0, \"f1\": 0.8, \"exact\": {\"matched\": 2, \"precision\": 0.6666666666666666, \"recall\": 1.0, \"f1\": 0.8}, \"value\": {\"scored\": 2, \"correct\": 2, \"accuracy\": 1.0}}, \"date\": {\"gold\": 3, \"pred\": 2, \"found\": 2, \"missed\": 1, \"false_positives\": 0, \"precision\": 1.0, \"recall\": 0.6666666666666666, \"f1\": 0.8, \"exact\": {\"matched\": 2, \"precision\": 1.0, \"recall\": 0.6666666666666666, \"f1\": 0.8}, \"value\": {\"scored\": 2, \"correct\": 2, \"accuracy\": 1.0}}, \"quantity\": {\"gold\": 2, \"pred\": 2, \"found\": 1, \"missed\": 1, \"false_positives\": 1, \"precision\": 0.5, \"recall\": 0.5, \"f1\": 0.5, \"exact\": {\"matched\": 0, \"precision\": 0.0, \"recall\": 0.0, \"f1\": 0.0}, \"value\": {\"scored\": 1, \"correct\": 0, \"accuracy\": 0.0}}, \"money\": {\"gold\": 1, \"pred\": 2, \"found\": 1, \"missed\": 0, \"false_positives\": 1, \"precision\": 0.5, \"recall\": 1.0, \"f1\": 0.6666666666666666, \"exact\": {\"matched\": 1, \"precision\": 0.5, \"recall\": 1.0, \"f1\": 0.6666666666666666}, \"value\": {\"scored\": 1, \"correct\": 1, \"accuracy\": 1.0}}}, \"overall\": {\"gold\": 8, \"pred\": 9, \"found\": 6, \"missed\": 2, \"false_positives\": 3, \"precision\": 0.6666666666666666, \"recall\": 0.75, \"f1\": 0.7058823529411765, \"exact\": {\"matched\": 5, \"precision\": 0.5555555555555556, \"recall\": 0.625, \"f1\": 0.5882352941176471}, \"value\": {\"scored\": 6, \"correct\": 5, \"accuracy\": 0.8333333333333334}}, \"validation\": {\"checked\": 8, \"not_checked_no_gold_text\": 2, \"text_mismatch\": 1, \"missing_text\": 0, \"offsets_out_of_range\": 0, \"unsorted_documents\": 1, \"same_type_overlaps\": 1, \"examples\": [\"doc 'a' entity #5 (money): text '5 tỷ' != original[52:61] '5 tỷ đồng'\"]}, \"malformed_entities\": {\"gold\": 1, \"pred\": 2}, \"ignored_pred_types\": {\"percent\": 1}, \"warnings\": [\"prediction file pred.jsonl, line 4: duplicate id 'a' ignored (first one kept)\", \"1 document id(s) only in the prediction file are ignored, e.g. '7'\", \"1 gold document id(s) have no prediction; all their entities count as missed, e.g. 7\", \"predicted entities of types outside the scored set were ignored: percent (1)\", \"gold file: 1 malformed entity skipped (negative or reversed span), e.g. doc 'a' entity #5: 10-5\", \"prediction file: 1 malformed entity skipped (missing or non-integer start/end), e.g. doc 'a' entity #8: {'type': 'date', 'start': '1', 'end': 2}\", \"prediction file: 1 malformed entity skipped (not an object), e.g. doc 'a' entity #9: 'junk'\"]}",
            "",
        ].joined(separator: "\n"))
        #expect(result.standardError == [
            "score.py: warning: prediction file pred.jsonl, line 4: duplicate id 'a' ignored (first one kept)",
            "score.py: warning: 1 document id(s) only in the prediction file are ignored, e.g. '7'",
            "score.py: warning: 1 gold document id(s) have no prediction; all their entities count as missed, e.g. 7",
            "score.py: warning: predicted entities of types outside the scored set were ignored: percent (1)",
            "score.py: warning: gold file: 1 malformed entity skipped (negative or reversed span), e.g. doc 'a' entity #5: 10-5",
            "score.py: warning: prediction file: 1 malformed entity skipped (missing or non-integer start/end), e.g. doc 'a' entity #8: {'type': 'date', 'start': '1', 'end': 2}",
            "score.py: warning: prediction file: 1 malformed entity skipped (not an object), e.g. doc 'a' entity #9: 'junk'",
            "",
            "== organization: false positives (1, showing 1)",
            "  - doc 'b' 20-25 ''",
            "      ",
            "",
            "== date: misses (1, showing 1)",
            "  - doc 7 0-8 'Năm 2023'  (document missing from prediction)",
            "      ⟦Năm 2023⟧, 6 tháng đầu năm.",
            "",
            "== quantity: misses (1, showing 1)",
            "  - doc 7 10-17 '6 tháng'  (document missing from prediction)",
            "      Năm 2023, ⟦6 tháng⟧ đầu năm.",
            "",
            "== quantity: false positives (1, showing 1)",
            "  - doc 'a' 34-47 ' 150 đoàn viê'",
            "      Ngày 19/5 LĐLĐ tỉnh Thanh Hoá trao⟦ 150 đoàn viê⟧n và 5 tỷ đồng.⏎Hết.",
            "",
            "== quantity: value mismatches (1, showing 1)",
            "  - doc 'a' 35-48 '150 đoàn viên' [unit]",
            "      gold: {\"amount\": 150, \"unit\": \"đoàn viên\"}",
            "      pred: {\"amount\": 150, \"unit\": \"đoàni\"}  (rule qty.2)",
            "",
            "== quantity: boundary differences (1, showing 1)",
            "  - doc 'a' gold 35-48 '150 đoàn viên' / pred 36-49 '50 đoàn viên\\t'  (rule qty.2)",
            "",
            "== money: false positives (1, showing 1)",
            "  - doc 'a' 63-66 'Hết'  (rule money.bad)",
            "      nh Hoá trao 150 đoàn viên và 5 tỷ đồng.⏎⟦Hết⟧.",
            "",
        ].joined(separator: "\n"))
    }

    @Test func typeFilterIsScorePyOutput() throws {
        let result = try runHandMade(types: "quantity,percent", showErrors: 9)
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == [
            "type            gold   pred  found   miss     fp |     P     R    F1 |   exP   exR  exF1 | valAcc (n)",
            "-----------------------------------------------------------------------------------------------------",
            "quantity           2      2      1      1      1 | 0.500 0.500 0.500 | 0.000 0.000 0.000 |  0.000 (0/1)",
            "percent            0      1      0      0      1 | 0.000     - 0.000 | 0.000     - 0.000 |      - (0/0)",
            "OVERALL            2      3      1      1      2 | 0.333 0.500 0.400 | 0.000 0.000 0.000 |  0.000 (0/1)",
            "",
            "documents: 3 gold, 3 predicted, 1 missing from prediction, 1 only in prediction",
            "validation: 8 predicted entities checked against the gold text: 1 text mismatches, 0 missing text, 0 offsets out of range; 2 not checked (gold has no text); 1 unsorted documents; 1 same-type overlaps",
            "  doc 'a' entity #5 (money): text '5 tỷ' != original[52:61] '5 tỷ đồng'",
            "",
            "== quantity: misses (1, showing 1)",
            "  - doc 7 10-17 '6 tháng'  (document missing from prediction)",
            "      Năm 2023, ⟦6 tháng⟧ đầu năm.",
            "",
            "== quantity: false positives (1, showing 1)",
            "  - doc 'a' 34-47 ' 150 đoàn viê'",
            "      Ngày 19/5 LĐLĐ tỉnh Thanh Hoá trao⟦ 150 đoàn viê⟧n và 5 tỷ đồng.⏎Hết.",
            "",
            "== quantity: value mismatches (1, showing 1)",
            "  - doc 'a' 35-48 '150 đoàn viên' [unit]",
            "      gold: {\"amount\": 150, \"unit\": \"đoàn viên\"}",
            "      pred: {\"amount\": 150, \"unit\": \"đoàni\"}  (rule qty.2)",
            "",
            "== quantity: boundary differences (1, showing 1)",
            "  - doc 'a' gold 35-48 '150 đoàn viên' / pred 36-49 '50 đoàn viên\\t'  (rule qty.2)",
            "",
            "== percent: false positives (1, showing 1)",
            "  - doc 'a' 35-38 '150'",
            "      Ngày 19/5 LĐLĐ tỉnh Thanh Hoá trao ⟦150⟧ đoàn viên và 5 tỷ đồng.⏎Hết.",
            "",
        ].joined(separator: "\n"))
        #expect(result.standardError == [
            "score.py: warning: prediction file pred.jsonl, line 4: duplicate id 'a' ignored (first one kept)",
            "score.py: warning: 1 document id(s) only in the prediction file are ignored, e.g. '7'",
            "score.py: warning: 1 gold document id(s) have no prediction; all their entities count as missed, e.g. 7",
            "score.py: warning: gold file: 1 malformed entity skipped (negative or reversed span), e.g. doc 'a' entity #5: 10-5",
            "score.py: warning: prediction file: 1 malformed entity skipped (missing or non-integer start/end), e.g. doc 'a' entity #8: {'type': 'date', 'start': '1', 'end': 2}",
            "score.py: warning: prediction file: 1 malformed entity skipped (not an object), e.g. doc 'a' entity #9: 'junk'",
            "",
        ].joined(separator: "\n"))
    }

    @Test func tieBetweenEqualOverlapsGoesToTheEarlierPrediction() throws {
        let result = try runHandMade()
        let report = try #require(result.report)
        let quantity = try #require(report.errors(for: "quantity"))
        // Gold 35-48; predictions 36-49 (entity #2, wrong unit) and 34-47 (#3): both overlap 12
        // and are 2 off; the earlier one is matched, so the value is wrong.
        #expect(quantity.valueMismatches.map { [$0.prediction.start, $0.prediction.end] } == [[36, 49]])
        #expect(quantity.valueMismatches.first?.keys == ["unit"])
        #expect(quantity.falsePositives.map { [$0.prediction.start, $0.prediction.end] } == [[34, 47]])
        // The empty date span 34-34 matches the empty gold span.
        #expect(report.score(for: "date")?.found == 2)
        #expect(report.ignoredPredictionTypes.map(\.type) == ["percent"])
    }
}
