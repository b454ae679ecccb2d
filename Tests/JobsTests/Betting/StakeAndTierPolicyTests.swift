import Jobs
import Store
import Testing

struct StakeAndTierPolicyTests {
    @Test func quarterKellyOfAPositiveEdge() throws {
        // p = 0.55 at 2.00: full Kelly = (1 × 0.55 − 0.45) / 1 = 0.10; a quarter is 0.025.
        let full = try #require(StakePolicy.fullKelly(probability: 0.55, decimalPrice: 2.0))
        #expect(abs(full - 0.10) < 1e-12)
        #expect(abs(StakePolicy.standard.stake(probability: 0.55, decimalPrice: 2.0) - 0.025) < 1e-12)
        #expect(abs(StakePolicy(kellyMultiplier: 0.5).stake(probability: 0.55, decimalPrice: 2.0) - 0.05) < 1e-12)
    }

    @Test func stakeIsCappedAtTheMaximum() {
        // p = 0.80 at 2.00: full Kelly 0.60, a quarter 0.15, capped at 5 %.
        #expect(StakePolicy.standard.stake(probability: 0.8, decimalPrice: 2.0) == 0.05)
        #expect(StakePolicy(kellyMultiplier: 1, maximumStake: 0.02).stake(probability: 0.6, decimalPrice: 2.0) == 0.02)
    }

    @Test func noEdgeStakesNothing() {
        // 0.50 at 1.91 and exactly fair 0.50 at 2.00 both have no positive edge.
        #expect((StakePolicy.fullKelly(probability: 0.5, decimalPrice: 1.91) ?? 0) < 0)
        #expect(StakePolicy.standard.stake(probability: 0.5, decimalPrice: 1.91) == 0)
        #expect(StakePolicy.standard.stake(probability: 0.5, decimalPrice: 2.0) == 0)
        #expect(StakePolicy.standard.stake(probability: 0.3, decimalPrice: 1.5) == 0)
        #expect(StakePolicy.standard.stake(probability: 0.6, decimalPrice: 1.0) == 0)
        #expect(StakePolicy.standard.stake(probability: .nan, decimalPrice: 2.0) == 0)
    }

    @Test func tiersFollowEdgeAndProbability() {
        let policy = TierPolicy.standard
        #expect(policy.tier(edge: 0.06, probability: 0.60) == .a)
        #expect(policy.tier(edge: 0.05, probability: 0.55) == .a)
        #expect(policy.tier(edge: 0.049, probability: 0.60) == .b)
        #expect(policy.tier(edge: 0.03, probability: 0.52) == .b)
        #expect(policy.tier(edge: 0.02, probability: 0.60) == .c)
        #expect(policy.tier(edge: 0.01, probability: 0.40) == .c)
        #expect(policy.tier(edge: 0.009, probability: 0.70) == .d)
        #expect(policy.tier(edge: -0.02, probability: 0.70) == .d)
        // A long shot with a big edge is not high confidence.
        #expect(policy.tier(edge: 0.08, probability: 0.33) == .c)
        #expect(policy.tier(edge: 0.08, probability: 0.53) == .b)
    }
}
