import Foundation
import Jobs
import Store
import Testing

/// Soccer's markets: the 1X2 moneyline with its draw, Asian handicap and goal totals on quarter lines, and the
/// home/draw/away forecast whose probabilities sum to 1. No database.
@Suite struct ThreeWayMarketTests {
    private func grade(_ betType: BetType, _ selection: String, _ line: Double?, home: Int, away: Int) -> BetGrade? {
        BetGrader.grade(betType: betType, selection: selection, line: line, homeScore: home, awayScore: away, threeWay: true)
    }

    @Test func aDrawIsTheThirdOutcomeOfAThreeWayMoneyline() {
        #expect(grade(.moneyline, "draw", nil, home: 1, away: 1)?.result == .win)
        #expect(grade(.moneyline, "home", nil, home: 1, away: 1)?.result == .loss)
        #expect(grade(.moneyline, "away", nil, home: 0, away: 0)?.result == .loss)
        #expect(grade(.moneyline, "draw", nil, home: 2, away: 1)?.result == .loss)
        #expect(grade(.moneyline, "home", nil, home: 2, away: 1)?.result == .win)
        // A two-way moneyline refunds a tie and knows no draw selection.
        #expect(BetGrader.result(betType: .moneyline, selection: "home", line: nil, homeScore: 1, awayScore: 1) == .push)
        #expect(BetGrader.result(betType: .moneyline, selection: "draw", line: nil, homeScore: 1, awayScore: 1) == nil)
    }

    @Test func quarterBallHandicapsAreHalfWonOrHalfLost() throws {
        // Home −0.25 is half on −0.5 and half on 0 (halves listed lower line first): a draw loses one half and refunds
        // the other.
        let drawn = try #require(grade(.spread, "home", -0.25, home: 1, away: 1))
        #expect(drawn.halves == [.loss, .push] && drawn.result == .loss && drawn.isHalf)
        #expect(abs(drawn.profit(stake: 10, decimalPrice: 1.9) - -5) < 1e-12)
        // The away side of the same line (+0.25) is half won on a draw.
        let away = try #require(grade(.spread, "away", -0.25, home: 1, away: 1))
        #expect(away.halves == [.win, .push] && away.result == .win)
        #expect(abs(away.profit(stake: 10, decimalPrice: 2.0) - 5) < 1e-12)
        // Home −0.75 winning by one: half on −0.5 wins, half on −1 is refunded.
        let byOne = try #require(grade(.spread, "home", -0.75, home: 2, away: 1))
        #expect(byOne.halves == [.push, .win])
        #expect(abs(byOne.profit(stake: 10, decimalPrice: 1.9) - 4.5) < 1e-12)
        // …and winning by two wins both halves: the whole stake at the price.
        let byTwo = try #require(grade(.spread, "home", -0.75, home: 3, away: 1))
        #expect(byTwo.halves == [.win, .win] && !byTwo.isHalf)
        #expect(abs(byTwo.profit(stake: 10, decimalPrice: 1.9) - 9) < 1e-12)
        // Home +1.25 losing by one: half on +1 refunded, half on +1.5 won.
        #expect(grade(.spread, "home", 1.25, home: 0, away: 1)?.halves == [.push, .win])
        // Whole and half lines stay one bet.
        #expect(grade(.spread, "home", -1, home: 2, away: 1)?.halves == [.push, .push])
        #expect(grade(.spread, "home", -0.5, home: 1, away: 1)?.halves == [.loss, .loss])
    }

    @Test func quarterGoalTotalsSplitTheSameWay() throws {
        // Over 2.25 with two goals: half on 2 refunded, half on 2.5 lost; under wins the other half.
        let over = try #require(grade(.total, "over", 2.25, home: 1, away: 1))
        #expect(over.halves == [.push, .loss] && over.result == .loss)
        #expect(abs(over.profit(stake: 4, decimalPrice: 2.1) - -2) < 1e-12)
        #expect(grade(.total, "under", 2.25, home: 1, away: 1)?.halves == [.push, .win])
        // Over 2.75 with three goals: half on 2.5 won, half on 3 refunded.
        #expect(grade(.total, "over", 2.75, home: 2, away: 1)?.halves == [.win, .push])
    }

    @Test func threeWayForecastSumsToOneAndKeepsTheMarketSplit() throws {
        // The market: home 45 %, draw 27 %, away 28 % (no vig). The model says home 50 %.
        let forecast = try #require(ThreeWayForecast(homeWin: 0.50, marketDraw: 0.27, marketHomeWin: 0.45))
        #expect(abs(forecast.home + forecast.draw + forecast.away - 1) < 1e-12)
        #expect(forecast.home == 0.50)
        #expect(abs(forecast.draw / forecast.away - 0.27 / 0.28) < 1e-12)
        // With no edge the forecast is the market's.
        let market = try #require(ThreeWayForecast(homeWin: 0.45, marketDraw: 0.27, marketHomeWin: 0.45))
        #expect(abs(market.draw - 0.27) < 1e-12 && abs(market.away - 0.28) < 1e-12)
        // Medians across books that overshoot 1 still give a distribution.
        let overshoot = try #require(ThreeWayForecast(homeWin: 0.7, marketDraw: 0.35, marketHomeWin: 0.7))
        #expect(abs(overshoot.away) < 1e-12 && abs(overshoot.draw - 0.3) < 1e-12)
        for homeWin in stride(from: 0.0, through: 1.0, by: 0.05) {
            let sides = try #require(BetOutcome.sides(
                .moneyline, threeWay: true, probability: homeWin,
                features: ["line_drawprob_current": 0.26, "line_homewinprob_current": 0.40]))
            #expect(sides.map { $0.selection } == ["home", "draw", "away"])
            #expect(abs(sides.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
            #expect(sides.allSatisfy { $0.probability >= 0 && $0.probability <= 1 })
        }
        // Without a draw price there is no three-way forecast; two-way markets are unchanged.
        #expect(BetOutcome.sides(.moneyline, threeWay: true, probability: 0.5, features: [:]) == nil)
        #expect(BetOutcome.sides(.spread, threeWay: true, probability: 0.6, features: [:])?.map { $0.selection } == ["home", "away"])
    }

    @Test func aLearnedDrawShareDividesTheRestAndTheForecastStillSumsToOne() throws {
        // The market: home 45 %, draw 27 %, away 28 %; the model says home 50 % and a draw share of 60 %.
        let learned = try #require(ThreeWayForecast(homeWin: 0.50, marketDraw: 0.27, marketHomeWin: 0.45, drawShare: 0.6))
        #expect(abs(learned.home + learned.draw + learned.away - 1) < 1e-12)
        #expect(learned.home == 0.50 && abs(learned.draw - 0.30) < 1e-12 && abs(learned.away - 0.20) < 1e-12)
        // Without a learned share (or with one outside 0…1) it is today's forecast: the market's share.
        let today = try #require(ThreeWayForecast(homeWin: 0.50, marketDraw: 0.27, marketHomeWin: 0.45))
        #expect(ThreeWayForecast(homeWin: 0.50, marketDraw: 0.27, marketHomeWin: 0.45, drawShare: nil) == today)
        #expect(ThreeWayForecast(homeWin: 0.50, marketDraw: 0.27, marketHomeWin: 0.45, drawShare: .nan) == today)
        #expect(ThreeWayForecast(homeWin: 0.50, marketDraw: 0.27, marketHomeWin: 0.45, drawShare: 1.2) == today)
        // With the market's own share and home probability the forecast is the market's.
        let market = try #require(
            ThreeWayForecast(homeWin: 0.45, marketDraw: 0.27, marketHomeWin: 0.45, drawShare: 0.27 / 0.55))
        #expect(abs(market.draw - 0.27) < 1e-12 && abs(market.away - 0.28) < 1e-12)
        #expect(ThreeWayForecast.marketDrawShare(draw: 0.27, homeWin: 0.45).map { abs($0 - 0.27 / 0.55) < 1e-12 } == true)
        // Still no forecast without a draw price, whatever the learned share.
        #expect(ThreeWayForecast(homeWin: 0.5, marketDraw: nil, marketHomeWin: 0.45, drawShare: 0.5) == nil)
        #expect(BetOutcome.drawLabel(homeScore: 1, awayScore: 1) == 1 && BetOutcome.drawLabel(homeScore: 0, awayScore: 2) == 0)
        #expect(BetOutcome.drawLabel(homeScore: 2, awayScore: 1) == nil)
    }

    @Test func aThreeWayLabelCountsTheDrawAsAHomeLoss() {
        #expect(BetOutcome.label(.moneyline, homeScore: 1, awayScore: 1, features: [:], threeWay: true) == 0)
        #expect(BetOutcome.label(.moneyline, homeScore: 2, awayScore: 1, features: [:], threeWay: true) == 1)
        #expect(BetOutcome.label(.moneyline, homeScore: 1, awayScore: 1, features: [:]) == nil)
        #expect(CollectedSport.hasDraw("epl") && !CollectedSport.hasDraw("nba"))
        // Home −0.25 and a draw is a half loss: left out of training; winning by one is a whole win.
        #expect(BetOutcome.label(.spread, homeScore: 1, awayScore: 1, features: ["line_spread_current": -0.25]) == nil)
        #expect(BetOutcome.label(.spread, homeScore: 2, awayScore: 1, features: ["line_spread_current": -0.25]) == 1)
        #expect(BetOutcome.label(.total, homeScore: 2, awayScore: 1, features: ["line_total_current": 2.75]) == nil)
        #expect(BetOutcome.label(.total, homeScore: 2, awayScore: 2, features: ["line_total_current": 2.75]) == 1)
    }

    @Test func lineConsensusRemovesTheVigOverAllThreeOutcomes() throws {
        let at = Date(timeIntervalSince1970: 1_772_409_600)
        func line(_ book: String, _ outcome: String, _ open: Double, _ current: Double) -> OddsLine {
            OddsLine(
                gameID: 1, bookmaker: book, market: "h2h", outcome: outcome, openPrice: open, openPoint: nil, openedAt: at,
                currentPrice: current, currentPoint: nil, currentAt: at.addingTimeInterval(3_600))
        }
        let consensus = LineConsensus(lines: [line("a", "home", 2.2, 2.1), line("a", "draw", 3.4, 3.5), line("a", "away", 3.3, 3.4)])
        let overround = 1 / 2.1 + 1 / 3.5 + 1 / 3.4
        let home = try #require(consensus.homeWinProbability)
        let draw = try #require(consensus.drawProbability)
        #expect(abs(home.current - (1 / 2.1) / overround) < 1e-12)
        #expect(abs(draw.current - (1 / 3.5) / overround) < 1e-12)
        #expect(consensus.features["line_drawprob_current"] == draw.current)
        #expect(FeatureCatalog.names(sport: "epl").contains("line_drawprob_current"))
        #expect(FeatureCatalog.names(sport: "epl").contains("adv_draw_rate_home_last10"))
    }

    @Test func theThreeWayConsensusIsTheMedianOfEachBooksNoVigSplit() throws {
        // Three books price all three outcomes; a fourth prices two and does not count.
        let quotes: [(book: String, outcome: String, price: Double)] = [
            ("a", "home", 2.0), ("a", "draw", 3.5), ("a", "away", 4.0),
            ("b", "home", 2.1), ("b", "draw", 3.4), ("b", "away", 3.8),
            ("c", "home", 1.9), ("c", "draw", 3.6), ("c", "away", 4.4),
            ("d", "home", 9.0), ("d", "away", 1.1),
        ]
        let consensus = try #require(LineConsensus.threeWay(quotes))
        #expect(abs(consensus.reduce(0, +) - 1) < 1e-12)
        let books = [[2.0, 3.5, 4.0], [2.1, 3.4, 3.8], [1.9, 3.6, 4.4]].map { prices in
            prices.map { 1 / $0 / prices.reduce(0) { $0 + 1 / $1 } }
        }
        let medians = (0..<3).map { index in books.map { $0[index] }.sorted()[1] }
        for (value, median) in zip(consensus, medians) { #expect(abs(value - median / medians.reduce(0, +)) < 1e-12) }
        #expect(LineConsensus.threeWay([("a", "home", 2.0), ("a", "away", 2.0)]) == nil)
    }
}
