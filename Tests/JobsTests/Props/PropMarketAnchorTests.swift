import Foundation
import Store
import Testing

@testable import Jobs

/// `PropMarketAnchor` keeps a prop model's difference from the books only as far as settled props show it is right:
/// none without enough history, most of it when the outcomes follow the model, none when they follow the books.
@Suite struct PropMarketAnchorTests {
    /// Settled props whose outcomes follow `truth`: the side that is `true` is drawn from the truth's log-odds, the
    /// other gets the same log-odds plus noise of standard deviation 0.6.
    static func history(count: Int, outcomesFollowTheModel: Bool) -> [SettledPropForecast] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        func normal() -> Double { (-2 * log(max(uniform(), 1e-12))).squareRoot() * cos(2 * .pi * uniform()) }
        func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        return (0..<count).map { _ in
            let truth = -1 + 2 * uniform()
            let noisy = truth + 0.6 * normal()
            let (model, market) = outcomesFollowTheModel ? (truth, noisy) : (noisy, truth)
            return SettledPropForecast(modelOver: logistic(model), marketOver: logistic(market), over: uniform() < logistic(truth))
        }
    }

    @Test func withoutEnoughHistoryTheModelKeepsNothing() {
        let anchor = PropMarketAnchor(fitting: Self.history(count: PropMarketAnchor.minimumHistory - 1, outcomesFollowTheModel: true))
        #expect(anchor.weight == 0 && anchor.history == PropMarketAnchor.minimumHistory - 1)
        #expect(abs(anchor.over(model: 0.9, market: 0.4) - 0.4) < 1e-12)
    }

    @Test func outcomesThatFollowTheModelEarnItWeight() {
        let anchor = PropMarketAnchor(fitting: Self.history(count: 3_000, outcomesFollowTheModel: true))
        #expect(anchor.weight > 0.6, "weight \(anchor.weight)")
        let over = anchor.over(model: 0.7, market: 0.5)
        #expect(over > 0.5 && over <= 0.7)
    }

    @Test func outcomesThatFollowTheBooksKeepTheMarket() {
        let anchor = PropMarketAnchor(fitting: Self.history(count: 3_000, outcomesFollowTheModel: false))
        #expect(anchor.weight == 0, "weight \(anchor.weight)")
    }
}
