// Figures produced by the reference scorer, not by the Swift code under test:
//
//     python3 /work/shared/tools/score.py corpus/gold/seeds.jsonl <scenario>.jsonl --json [--types ...]
//
// on the prediction files PerturbationTests.swift writes (VNEVAL_FIXTURE_DIR
// keeps them). Rows: type, gold, pred, found, exact matches, values compared,
// values correct, P, R, F1, exact P, exact R, exact F1, value accuracy
// (ratios rounded to 4 decimals; nil where score.py prints null).

let expectedRows: [String: [Row]] = [
    "identity": [
        Row("organization", 126, 126, 126, 126, 126, 126, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("date", 69, 69, 69, 69, 69, 69, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("quantity", 58, 58, 58, 58, 58, 58, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("money", 7, 7, 7, 7, 7, 7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("OVERALL", 260, 260, 260, 260, 260, 260, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    ],
    "drop every third entity": [
        Row("organization", 126, 78, 78, 78, 78, 78, 1.0, 0.619, 0.7647, 1.0, 0.619, 0.7647, 1.0),
        Row("date", 69, 54, 54, 54, 54, 54, 1.0, 0.7826, 0.878, 1.0, 0.7826, 0.878, 1.0),
        Row("quantity", 58, 36, 36, 36, 36, 36, 1.0, 0.6207, 0.766, 1.0, 0.6207, 0.766, 1.0),
        Row("money", 7, 5, 5, 5, 5, 5, 1.0, 0.7143, 0.8333, 1.0, 0.7143, 0.8333, 1.0),
        Row("OVERALL", 260, 173, 173, 173, 173, 173, 1.0, 0.6654, 0.7991, 1.0, 0.6654, 0.7991, 1.0),
    ],
    "partial overlaps": [
        Row("organization", 126, 126, 126, 32, 126, 126, 1.0, 1.0, 1.0, 0.254, 0.254, 0.254, 1.0),
        Row("date", 69, 69, 69, 19, 69, 69, 1.0, 1.0, 1.0, 0.2754, 0.2754, 0.2754, 1.0),
        Row("quantity", 58, 58, 58, 13, 58, 58, 1.0, 1.0, 1.0, 0.2241, 0.2241, 0.2241, 1.0),
        Row("money", 7, 7, 7, 1, 7, 7, 1.0, 1.0, 1.0, 0.1429, 0.1429, 0.1429, 1.0),
        Row("OVERALL", 260, 260, 260, 65, 260, 260, 1.0, 1.0, 1.0, 0.25, 0.25, 0.25, 1.0),
    ],
    "changed values": [
        Row("organization", 126, 126, 126, 126, 126, 92, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.7302),
        Row("date", 69, 69, 69, 69, 69, 52, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.7536),
        Row("quantity", 58, 58, 58, 58, 58, 45, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.7759),
        Row("money", 7, 7, 7, 7, 7, 7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("OVERALL", 260, 260, 260, 260, 260, 196, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.7538),
    ],
    "unit prefixes": [
        Row("organization", 126, 126, 126, 126, 126, 126, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("date", 69, 69, 69, 69, 69, 69, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("quantity", 58, 58, 58, 58, 58, 35, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.6034),
        Row("money", 7, 7, 7, 7, 7, 7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("OVERALL", 260, 260, 260, 260, 260, 237, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9115),
    ],
    "name folding": [
        Row("organization", 126, 126, 126, 126, 126, 101, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8016),
        Row("date", 69, 69, 69, 69, 69, 69, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("quantity", 58, 58, 58, 58, 58, 58, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("money", 7, 7, 7, 7, 7, 7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("OVERALL", 260, 260, 260, 260, 260, 235, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9038),
    ],
    "spurious predictions": [
        Row("organization", 126, 126, 126, 126, 126, 126, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("date", 69, 123, 69, 69, 69, 69, 0.561, 1.0, 0.7188, 0.561, 1.0, 0.7188, 1.0),
        Row("quantity", 58, 58, 58, 58, 58, 58, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("money", 7, 61, 7, 7, 7, 7, 0.1148, 1.0, 0.2059, 0.1148, 1.0, 0.2059, 1.0),
        Row("OVERALL", 260, 368, 260, 260, 260, 260, 0.7065, 1.0, 0.828, 0.7065, 1.0, 0.828, 1.0),
    ],
    "duplicates over one gold entity": [
        Row("organization", 126, 211, 126, 100, 126, 126, 0.5972, 1.0, 0.7478, 0.4739, 0.7937, 0.5935, 1.0),
        Row("date", 69, 112, 69, 56, 69, 69, 0.6161, 1.0, 0.7624, 0.5, 0.8116, 0.6188, 1.0),
        Row("quantity", 58, 81, 58, 47, 58, 58, 0.716, 1.0, 0.8345, 0.5802, 0.8103, 0.6763, 1.0),
        Row("money", 7, 12, 7, 6, 7, 7, 0.5833, 1.0, 0.7368, 0.5, 0.8571, 0.6316, 1.0),
        Row("OVERALL", 260, 416, 260, 209, 260, 260, 0.625, 1.0, 0.7692, 0.5024, 0.8038, 0.6183, 1.0),
    ],
    "missing document": [
        Row("organization", 126, 77, 77, 77, 77, 77, 1.0, 0.6111, 0.7586, 1.0, 0.6111, 0.7586, 1.0),
        Row("date", 69, 45, 45, 45, 45, 45, 1.0, 0.6522, 0.7895, 1.0, 0.6522, 0.7895, 1.0),
        Row("quantity", 58, 45, 45, 45, 45, 45, 1.0, 0.7759, 0.8738, 1.0, 0.7759, 0.8738, 1.0),
        Row("money", 7, 5, 5, 5, 5, 5, 1.0, 0.7143, 0.8333, 1.0, 0.7143, 0.8333, 1.0),
        Row("OVERALL", 260, 172, 172, 172, 172, 172, 1.0, 0.6615, 0.7963, 1.0, 0.6615, 0.7963, 1.0),
    ],
    "extra documents": [
        Row("organization", 126, 126, 126, 126, 126, 126, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("date", 69, 69, 69, 69, 69, 69, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("quantity", 58, 58, 58, 58, 58, 58, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("money", 7, 7, 7, 7, 7, 7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("OVERALL", 260, 260, 260, 260, 260, 260, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    ],
    "wrong type": [
        Row("organization", 126, 84, 84, 84, 84, 84, 1.0, 0.6667, 0.8, 1.0, 0.6667, 0.8, 1.0),
        Row("date", 69, 111, 69, 69, 69, 69, 0.6216, 1.0, 0.7667, 0.6216, 1.0, 0.7667, 1.0),
        Row("quantity", 58, 58, 58, 58, 58, 58, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("money", 7, 7, 7, 7, 7, 7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("OVERALL", 260, 260, 218, 218, 218, 218, 0.8385, 0.8385, 0.8385, 0.8385, 0.8385, 0.8385, 1.0),
    ],
    "types filter": [
        Row("money", 7, 7, 7, 4, 7, 7, 1.0, 1.0, 1.0, 0.5714, 0.5714, 0.5714, 1.0),
        Row("date", 69, 69, 69, 36, 69, 69, 1.0, 1.0, 1.0, 0.5217, 0.5217, 0.5217, 1.0),
        Row("percent", 0, 44, 0, 0, 0, 0, 0.0, nil, 0.0, 0.0, nil, 0.0, nil),
        Row("OVERALL", 76, 120, 76, 40, 76, 76, 0.6333, 1.0, 0.7755, 0.3333, 0.5263, 0.4082, 1.0),
    ],
    "number tolerance": [
        Row("organization", 126, 126, 126, 126, 126, 126, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("date", 69, 69, 69, 69, 69, 69, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("quantity", 58, 58, 58, 58, 58, 20, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.3448),
        Row("money", 7, 7, 7, 7, 7, 3, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.4286),
        Row("OVERALL", 260, 260, 260, 260, 260, 218, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8385),
    ],
    "metadata, added and removed keys": [
        Row("organization", 126, 126, 126, 126, 126, 99, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.7857),
        Row("date", 69, 69, 69, 69, 69, 61, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8841),
        Row("quantity", 58, 58, 58, 58, 58, 49, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8448),
        Row("money", 7, 7, 7, 7, 7, 7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Row("OVERALL", 260, 260, 260, 260, 260, 216, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8308),
    ],
    "text and order problems": [
        Row("organization", 126, 132, 126, 115, 126, 126, 0.9545, 1.0, 0.9767, 0.8712, 0.9127, 0.8915, 1.0),
        Row("date", 69, 73, 69, 66, 69, 69, 0.9452, 1.0, 0.9718, 0.9041, 0.9565, 0.9296, 1.0),
        Row("quantity", 58, 63, 58, 53, 58, 58, 0.9206, 1.0, 0.9587, 0.8413, 0.9138, 0.876, 1.0),
        Row("money", 7, 8, 7, 6, 7, 7, 0.875, 1.0, 0.9333, 0.75, 0.8571, 0.8, 1.0),
        Row("OVERALL", 260, 276, 260, 240, 260, 260, 0.942, 1.0, 0.9701, 0.8696, 0.9231, 0.8955, 1.0),
    ],
    "empty predictions": [
        Row("organization", 126, 0, 0, 0, 0, 0, nil, 0.0, 0.0, nil, 0.0, 0.0, nil),
        Row("date", 69, 0, 0, 0, 0, 0, nil, 0.0, 0.0, nil, 0.0, 0.0, nil),
        Row("quantity", 58, 0, 0, 0, 0, 0, nil, 0.0, 0.0, nil, 0.0, 0.0, nil),
        Row("money", 7, 0, 0, 0, 0, 0, nil, 0.0, 0.0, nil, 0.0, 0.0, nil),
        Row("OVERALL", 260, 0, 0, 0, 0, 0, nil, 0.0, 0.0, nil, 0.0, 0.0, nil),
    ],
]

let expectedTotals: [String: Totals] = [
    "identity": Totals(documents: [5, 5, 0, 0], validation: [260, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "drop every third entity": Totals(documents: [5, 5, 0, 0], validation: [173, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "partial overlaps": Totals(documents: [5, 5, 0, 0], validation: [260, 0, 0, 0, 0, 0, 7], malformed: [0, 0], warnings: 0),
    "changed values": Totals(documents: [5, 5, 0, 0], validation: [260, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "unit prefixes": Totals(documents: [5, 5, 0, 0], validation: [260, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "name folding": Totals(documents: [5, 5, 0, 0], validation: [260, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "spurious predictions": Totals(documents: [5, 5, 0, 0], validation: [368, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "duplicates over one gold entity": Totals(documents: [5, 5, 0, 0], validation: [416, 0, 0, 0, 0, 0, 156], malformed: [0, 0], warnings: 0),
    "missing document": Totals(documents: [5, 4, 1, 0], validation: [172, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 1),
    "extra documents": Totals(documents: [5, 7, 0, 2], validation: [260, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 1),
    "wrong type": Totals(documents: [5, 5, 0, 0], validation: [260, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "types filter": Totals(documents: [5, 5, 0, 0], validation: [304, 0, 0, 0, 0, 5, 0], malformed: [0, 0], warnings: 0),
    "number tolerance": Totals(documents: [5, 5, 0, 0], validation: [260, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
    "metadata, added and removed keys": Totals(documents: [5, 5, 0, 0], validation: [286, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 1),
    "text and order problems": Totals(documents: [5, 5, 0, 0], validation: [276, 0, 32, 22, 20, 1, 159], malformed: [0, 0], warnings: 0),
    "empty predictions": Totals(documents: [5, 5, 0, 0], validation: [0, 0, 0, 0, 0, 0, 0], malformed: [0, 0], warnings: 0),
]
