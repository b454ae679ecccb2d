import Jobs
import Store
import Testing

struct BetGraderTests {
    private func grade(_ betType: BetType, _ selection: String, _ line: Double?, home: Int, away: Int) -> PredictionResult? {
        BetGrader.result(betType: betType, selection: selection, line: line, homeScore: home, awayScore: away)
    }

    @Test func spreadWithTheHomeLine() {
        // Home −3.5: home must win by 4.
        #expect(grade(.spread, "home", -3.5, home: 104, away: 100) == .win)
        #expect(grade(.spread, "away", -3.5, home: 104, away: 100) == .loss)
        #expect(grade(.spread, "home", -3.5, home: 103, away: 100) == .loss)
        #expect(grade(.spread, "away", -3.5, home: 103, away: 100) == .win)
        // Home +2.5 (underdog): losing by 2 still covers.
        #expect(grade(.spread, "home", 2.5, home: 98, away: 100) == .win)
        #expect(grade(.spread, "away", 2.5, home: 98, away: 100) == .loss)
    }

    @Test func exactSpreadLineIsAPushForBothSides() {
        #expect(grade(.spread, "home", -3, home: 103, away: 100) == .push)
        #expect(grade(.spread, "away", -3, home: 103, away: 100) == .push)
        #expect(grade(.spread, "home", 0, home: 20, away: 20) == .push)
    }

    @Test func totalsOverUnderAndPush() {
        #expect(grade(.total, "over", 220.5, home: 111, away: 110) == .win)
        #expect(grade(.total, "under", 220.5, home: 111, away: 110) == .loss)
        #expect(grade(.total, "over", 220.5, home: 110, away: 110) == .loss)
        #expect(grade(.total, "under", 220.5, home: 110, away: 110) == .win)
        #expect(grade(.total, "over", 8, home: 5, away: 3) == .push)
        #expect(grade(.total, "under", 8, home: 5, away: 3) == .push)
    }

    @Test func moneyline() {
        #expect(grade(.moneyline, "home", nil, home: 3, away: 2) == .win)
        #expect(grade(.moneyline, "away", nil, home: 3, away: 2) == .loss)
        #expect(grade(.moneyline, "away", nil, home: 1, away: 2) == .win)
        #expect(grade(.moneyline, "home", nil, home: 17, away: 17) == .push)
    }

    @Test func ungradeableBetsHaveNoResult() {
        #expect(grade(.spread, "home", nil, home: 1, away: 0) == nil)
        #expect(grade(.total, "over", nil, home: 1, away: 0) == nil)
        #expect(grade(.spread, "over", -3, home: 1, away: 0) == nil)
        #expect(grade(.playerProp, "over", 25.5, home: 1, away: 0) == nil)
    }

    @Test func profitInUnits() {
        #expect(abs(BetGrader.profit(.win, stake: 0.02, decimalPrice: 1.91) - 0.0182) < 1e-12)
        #expect(BetGrader.profit(.loss, stake: 0.02, decimalPrice: 1.91) == -0.02)
        #expect(BetGrader.profit(.push, stake: 0.02, decimalPrice: 1.91) == 0)
        #expect(abs(BetGrader.profit(.win, stake: 1, decimalPrice: 3.5) - 2.5) < 1e-12)
    }

    @Test func closingLineValueIsPositiveWhenTheBetBeatTheClose() throws {
        let beat = try #require(ClosingLineValue.of(price: 2.10, closingPrice: 1.95))
        #expect(beat > 0)
        #expect(abs(beat - (2.10 / 1.95 - 1)) < 1e-12)
        #expect(try #require(ClosingLineValue.of(price: 1.80, closingPrice: 1.95)) < 0)
        #expect(ClosingLineValue.of(price: 1.95, closingPrice: 1.95) == 0)
        #expect(ClosingLineValue.of(price: 1.95, closingPrice: 0.5) == nil)
    }

    @Test func oddsMarketNames() {
        #expect(OddsMarket.key(for: .spread) == "spreads")
        #expect(OddsMarket.key(for: .moneyline) == "h2h")
        #expect(OddsMarket.key(for: .total) == "totals")
        #expect(OddsMarket.key(for: .playerProp) == nil)
        #expect(OddsMarket.point(betType: .spread, selection: "home", line: -3.5) == -3.5)
        #expect(OddsMarket.point(betType: .spread, selection: "away", line: -3.5) == 3.5)
        #expect(OddsMarket.point(betType: .total, selection: "under", line: 221.5) == 221.5)
        #expect(OddsMarket.point(betType: .moneyline, selection: "home", line: nil) == nil)
    }
}
