@testable import API
import Store
import Testing

/// Whose probability a prediction shows, from its stored components.
struct ProbabilitySourceTests {
    @Test func propsNameTheirSourceByAnchorWeight() {
        func source(_ components: [String: Double]) -> ProbabilitySource? {
            ProbabilitySource(betType: .playerProp, components: components)
        }
        let priced = [PropComponent.modelOver: 0.7, PropComponent.marketOver: 0.6]
        #expect(source(priced.merging([PropComponent.anchorWeight: 0]) { $1 }) == .market)
        #expect(source(priced.merging([PropComponent.anchorWeight: 0.4]) { $1 }) == .blend)
        #expect(source(priced.merging([PropComponent.anchorWeight: 1]) { $1 }) == .model)
        #expect(source(priced) == .market, "priced props stored before the weight was recorded were all at weight 0")
        #expect(source(["expected_hits": 0.9]) == .model, "no price, nothing to anchor on")
    }

    @Test func gameMarketsHaveNoPropSource() {
        #expect(ProbabilitySource(betType: .moneyline, components: [PropComponent.anchorWeight: 0]) == nil)
    }
}
