import Foundation
import Testing

@testable import ML

@Suite struct PopulationStabilityTests {
    static func normal(_ count: Int, mean: Double = 0, seed: UInt64) -> [Double?] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in mean + random.nextNormal() }
    }

    @Test func twoSamplesOfOneDistributionAreStable() throws {
        let psi = try #require(PopulationStability(reference: Self.normal(2_000, seed: 1), current: Self.normal(500, seed: 2)))
        #expect(psi.index < 0.1, "\(psi)")
        #expect(psi.level == .stable)
        #expect(!psi.beyondChance)
        #expect(psi.referenceMissing == 0 && psi.currentMissing == 0)
    }

    @Test func smallSamplesOfOneDistributionScoreByChanceAndStayStable() throws {
        let psi = try #require(PopulationStability(reference: Self.normal(30, seed: 11), current: Self.normal(30, seed: 12)))
        #expect(abs(psi.chanceIndex - 9 * (1.0 / 30 + 1.0 / 30)) < 1e-12)
        #expect(psi.index > 0.1, "what a bare threshold would call drift: \(psi)")
        #expect(!psi.beyondChance)
        #expect(psi.level == .stable)
    }

    @Test func theChiSquarePercentileIsCloseToTheTable() {
        // χ² 99th percentiles from the table: 6.635 (1), 9.210 (2), 21.666 (9).
        for (freedom, table) in [(1.0, 6.635), (2, 9.210), (9, 21.666)] {
            #expect(abs(PopulationStability.chiSquare99(freedom) / table - 1) < 0.01)
        }
    }

    @Test func aShiftOfOneStandardDeviationIsSignificantAndHalfOfOneModerateOrMore() throws {
        let reference = Self.normal(2_000, seed: 3)
        let shifted = try #require(PopulationStability(reference: reference, current: Self.normal(500, mean: 1, seed: 4)))
        #expect(shifted.level == .significant, "\(shifted)")
        #expect(shifted.beyondChance)
        #expect(abs((shifted.currentMean ?? 0) - (shifted.referenceMean ?? 0) - 1) < 0.15)
        let half = try #require(PopulationStability(reference: reference, current: Self.normal(500, mean: 0.5, seed: 4)))
        #expect(half.index > 0.1 && half.index < shifted.index, "\(half)")
    }

    @Test func valuesThatStopArrivingDrift() throws {
        let reference = Self.normal(1_000, seed: 5)
        var current = Self.normal(400, seed: 6)
        for i in 0..<200 { current[i] = nil }
        let psi = try #require(PopulationStability(reference: reference, current: current))
        #expect(psi.currentMissing == 0.5)
        #expect(psi.level == .significant, "\(psi)")
    }

    @Test func handComputedBinsOfARepeatedValue() throws {
        // The reference is a constant: one edge, so bins "≤ 1", "> 1" and missing. Each share is (count + ½) ÷ (n + 3 × ½):
        // reference 4, 0, 0 of 4 → 9/11, 1/11, 1/11; current 1, 1, 0 of 2 → 3/7, 3/7, 1/7.
        let psi = try #require(PopulationStability(reference: [1, 1, 1, 1], current: [1, 2]))
        let reference = [9.0 / 11, 1.0 / 11, 1.0 / 11]
        let current = [3.0 / 7, 3.0 / 7, 1.0 / 7]
        let expected = zip(reference, current).reduce(0.0) { $0 + ($1.1 - $1.0) * log($1.1 / $1.0) }
        #expect(abs(psi.index - expected) < 1e-12)
        #expect(try #require(PopulationStability(reference: [1, 1, 3], current: [3, 1, 1])).index == 0)
    }

    @Test func smallCurrentSamplesAgainstALargeReferenceAreRarelyCalledShifted() {
        // 22 games against 4,546, as a model's first days after training: the χ² bound is for 1 % of such samples.
        var shifted = 0
        let reference = Self.normal(4_546, seed: 21)
        for seed in 0..<200 {
            if PopulationStability(reference: reference, current: Self.normal(22, seed: 100 + UInt64(seed)))?.beyondChance == true { shifted += 1 }
        }
        #expect(shifted <= 6, "\(shifted) of 200")
    }

    @Test func anEmptySampleHasNoIndex() {
        #expect(PopulationStability(reference: [], current: [1]) == nil)
        #expect(PopulationStability(reference: [1], current: []) == nil)
    }
}
