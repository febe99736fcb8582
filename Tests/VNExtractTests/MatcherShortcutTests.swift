import Foundation
import Testing
@testable import VNEngine
@testable import VNExtract

/// Two matcher shortcuts that must never change what is found, checked with
/// the built-in rules: remembering only the instructions that can be reached
/// twice at one token (``PatternProgram/memoPoints()``), and the dense table of
/// lexicon first words (``RuleSet/lexiconStartBits``).
@Suite struct MatcherShortcutTests {
    @Test func memoPointsFindWhatMemoizingEveryInstructionFinds() throws {
        let rules = try RuleLoader.load()
        let points = try Extractor.standard(ruleSet: rules), everywhere = try Extractor.standard(ruleSet: rules)
        everywhere.memoizesEveryInstruction = true
        try ShortcutEquivalence.expectSame(points, as: everywhere, count: 300, seed: 5, ShortcutEquivalence.candidates)
    }

    @Test func memoPointsOfSmallPrograms() throws {
        // "a b": straight code, only the start is remembered.
        let straight = try program("a b").memoPoints()
        #expect(straight.first == true)
        #expect(!straight.dropFirst().contains(true))
        // "a b?": the optional part joins the end; a lexicon's end is remembered too.
        let optional = try program("a b? MONTH")
        let points = optional.memoPoints()
        #expect(points.filter { $0 }.count >= 3)
        #expect(points[0])
        for (pc, instruction) in optional.instructions.enumerated() {
            if case .lexicon = instruction { #expect(points[pc + 1], "after the lexicon at \(pc)") }
        }
    }

    @Test func pathsJoiningAtATokenReportOneMatch() throws {
        // Both alternatives take "5", and the optional "mới" may be skipped: the
        // paths meet again at "năm" and at the end, which are reached once each.
        let source = """
        rule t.joined
          type      t
          match     ({kind:number} | {shape:digits}) mới? năm
          emit      times(2, 3)
        """
        let rules = try RuleLoader.compile([RuleSourceFile(path: "t.rules", contents: source)])
        let extractor = try Extractor(ruleSet: rules, outputTypes: ["t"])
        #expect(try extractor.extract("sau 5 năm", keepCandidates: true).candidates.count == 1)
        #expect(try extractor.extract("sau 5 mới năm", keepCandidates: true).candidates.count == 1)
    }

    @Test func lexiconStartBitsAgreeWithTheTries() throws {
        let rules = try RuleLoader.load()
        var starts = 0
        for (index, trie) in rules.tries.enumerated() where index < 64 {
            let base = rules.lexiconStartBitsBase(rules.lexiconModes[index])
            for (word, node) in trie.firstNodes.enumerated() {
                let bit = rules.lexiconStartBits[base + word] & (1 << UInt64(index)) != 0
                #expect(bit == (node >= 0), "lexicon \(rules.lexicons[index].name), word \(word)")
                if bit { starts += 1 }
            }
        }
        #expect(starts > 1000)
    }

    private func program(_ pattern: String) throws -> PatternProgram {
        let source = """
        lexicon MONTH
          "tháng một"
          giêng

        rule t.one
          type      t
          match     \(pattern)
          emit      times(2, 3)
        """
        let rules = try RuleLoader.compile([RuleSourceFile(path: "t.rules", contents: source)])
        return rules.rules[0].program
    }
}
