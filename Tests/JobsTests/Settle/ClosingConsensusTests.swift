import Foundation
import Store
import Testing

@testable import Jobs

/// The closing prices picks are measured against: the consensus price, and the fair close without the books' margin.
@Suite struct ClosingConsensusTests {
    static let at = Date(timeIntervalSince1970: 1_772_409_600)

    private static func close(_ book: String, _ market: String, _ outcome: String, _ price: Double, _ point: Double? = nil) -> ClosingLine {
        ClosingLine(gameID: 7, bookmaker: book, market: market, outcome: outcome, price: price, point: point, capturedAt: at)
    }

    @Test func aSpreadsFairCloseUsesEachBooksTwoSidesAtThePicksLine() throws {
        let lines = [
            Self.close("a", "spreads", "home", 1.90, -3.5), Self.close("a", "spreads", "away", 1.95, 3.5),
            // Another line at book b: not the pick's bet.
            Self.close("b", "spreads", "home", 1.70, -2.5), Self.close("b", "spreads", "away", 2.20, 2.5),
            Self.close("c", "spreads", "home", 1.95, -3.5), Self.close("c", "spreads", "away", 1.87, 3.5),
        ]
        let fair = try #require(ClosingConsensus.fairPrice(gameID: 7, betType: .spread, selection: "away", line: -3.5, in: lines))
        let fairA = 1 / ((1 / 1.95) / (1 / 1.90 + 1 / 1.95))
        let fairC = 1 / ((1 / 1.87) / (1 / 1.95 + 1 / 1.87))
        #expect(abs(fair - (fairA + fairC) / 2) < 1e-12)
        // The closing price keeps the margin: the fair price is above the consensus price (the median, 1.91).
        let price = try #require(ClosingConsensus.price(gameID: 7, betType: .spread, selection: "away", line: -3.5, in: lines))
        #expect(abs(price - 1.91) < 1e-12 && fair > price)
        // No book closed both sides at −1.5.
        #expect(ClosingConsensus.fairPrice(gameID: 7, betType: .spread, selection: "away", line: -1.5, in: lines) == nil)
    }

    @Test func aThreeWayMoneylinesFairCloseCountsTheDraw() throws {
        let lines = [
            Self.close("a", "h2h", "home", 2.10), Self.close("a", "h2h", "draw", 3.40), Self.close("a", "h2h", "away", 3.60),
        ]
        let fair = try #require(ClosingConsensus.fairPrice(gameID: 7, betType: .moneyline, selection: "draw", line: nil, in: lines))
        let implied = [1 / 2.10, 1 / 3.40, 1 / 3.60]
        #expect(abs(fair - implied.reduce(0, +) / implied[1]) < 1e-12)
        // Of another game, nothing.
        #expect(ClosingConsensus.fairPrice(gameID: 8, betType: .moneyline, selection: "draw", line: nil, in: lines) == nil)
    }

    @Test func aTotalWithOneSideClosedHasNoFairClose() {
        let lines = [Self.close("a", "totals", "over", 1.91, 8.5)]
        #expect(ClosingConsensus.fairPrice(gameID: 7, betType: .total, selection: "over", line: 8.5, in: lines) == nil)
        #expect(ClosingConsensus.price(gameID: 7, betType: .total, selection: "over", line: 8.5, in: lines) == 1.91)
    }
}
