import ML
import Store
import Testing

@testable import Jobs

/// The pick rule over many random books and forecasts: at most one side, the side with the larger edge, and
/// none when that side does not clear the tier policy.
@Suite struct PickSelectorTests {
    @Test(arguments: [SignalTier.a, .b, .c, .d])
    func neverBothSidesAlwaysTheLargerEdgeNoneBelowTheFloor(minimumTier: SignalTier) {
        var random = SplitMix64(seed: 20_261_203)  // seeded, so a failing case can be replayed
        let selector = PickSelector(minimumTier: minimumTier)
        var picks = 0
        var skipped = 0
        for _ in 0..<2_000 {
            let probability = Double.random(in: 0.02...0.98, using: &random)
            // Books from sharp to soft, with cross-book arbitrage some of the time, and sometimes a side unpriced.
            func price(_ p: Double) -> Double? {
                guard Double.random(in: 0...1, using: &random) > 0.05 else { return nil }
                let implied = min(0.99, max(0.01, p + Double.random(in: -0.12...0.12, using: &random)))
                return 1 / implied
            }
            let sides = [
                PickSelector.Side(selection: "home", probability: probability, price: price(probability), bookmaker: "a"),
                PickSelector.Side(selection: "away", probability: 1 - probability, price: price(1 - probability), bookmaker: "b"),
            ]
            let edges = sides.map { $0.edge ?? -.infinity }
            let larger = edges[0] >= edges[1] ? 0 : 1
            let best = sides[larger]
            let clears = edges[larger] > 0
                && PickSelector.strength(selector.tiers.tier(edge: edges[larger], probability: best.probability))
                    >= PickSelector.strength(minimumTier)
            guard let pick = selector.pick(sides) else {
                #expect(!clears, "\(sides): the larger edge clears \(minimumTier) but nothing was picked")
                skipped += 1
                continue
            }
            picks += 1
            // One pick, on the side with the larger edge, at its price, staked, and clearing the floor.
            #expect(pick.side == best, "\(sides) picked \(pick.side.selection)")
            #expect(pick.edge == edges[larger] && pick.edge > 0)
            #expect(PickSelector.strength(pick.tier) >= PickSelector.strength(minimumTier))
            #expect(pick.stake > 0 && pick.stake <= selector.stakes.maximumStake)
            #expect(clears)
        }
        // Both outcomes are exercised, whatever the floor.
        #expect(picks > 100 && skipped > 100, "picks \(picks), skipped \(skipped)")
    }

    @Test func crossBookArbitrageStillPicksOneSide() {
        // The game, away at 1.38 and home at 4.13 at two books: against a 26 % forecast both sides show an
        // edge (1.8 and 1.5 points); only the larger is published.
        let sides = [
            PickSelector.Side(selection: "home", probability: 0.26, price: 4.13, bookmaker: "x"),
            PickSelector.Side(selection: "away", probability: 0.74, price: 1.38, bookmaker: "y"),
        ]
        #expect(sides.allSatisfy { ($0.edge ?? 0) > 0 })
        let pick = PickSelector.standard.pick(sides)
        #expect(pick?.side.selection == "home")
        #expect(abs((pick?.edge ?? 0) - (0.26 - 1 / 4.13)) < 1e-12)
        #expect(pick?.tier == .c)
    }

    @Test func noPickWithoutAnEdgeOrWithoutAPrice() {
        let fair = [
            PickSelector.Side(selection: "over", probability: 0.5, price: 1.91),
            PickSelector.Side(selection: "under", probability: 0.5, price: 1.91),
        ]
        #expect(PickSelector.standard.pick(fair) == nil)
        let unpriced = [PickSelector.Side(selection: "over", probability: 0.9), PickSelector.Side(selection: "under", probability: 0.1)]
        #expect(PickSelector.standard.pick(unpriced) == nil)
        // Half a point of edge: tier D, published only when the floor is D.
        let thin = [
            PickSelector.Side(selection: "home", probability: 0.505, price: 2.0),
            PickSelector.Side(selection: "away", probability: 0.495, price: 1.8),
        ]
        #expect(PickSelector.standard.pick(thin) == nil)
        #expect(PickSelector(minimumTier: .d).pick(thin)?.side.selection == "home")
    }
}
