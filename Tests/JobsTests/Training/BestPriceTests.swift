import Foundation
import Jobs
import Store
import Testing

/// The best price is the highest among books hanging the same line; another line is another bet.
@Suite struct BestPriceTests {
    @Test func highestPriceAtTheSameLine() {
        let at = Date(timeIntervalSince1970: 1_778_342_400)
        func quote(_ book: String, _ market: String, _ outcome: String, _ price: Double, _ point: Double?) -> OddsSnapshot {
            OddsSnapshot(gameID: 1, sport: "nba", bookmaker: book, market: market, outcome: outcome, price: price, point: point, recordedAt: at)
        }
        let snapshots = [
            quote("a", "spreads", "home", 1.91, -5.5), quote("b", "spreads", "home", 1.95, -5.5), quote("c", "spreads", "home", 2.10, -6.5),
            quote("a", "spreads", "away", 1.91, 5.5), quote("c", "spreads", "away", 1.80, 6.5),
            quote("a", "h2h", "home", 1.40, nil), quote("b", "h2h", "home", 1.45, nil),
            quote("a", "totals", "over", 1.90, 220.5), quote("b", "totals", "over", 1.99, 221.5),
        ]
        #expect(BestPrice.price(in: snapshots, betType: .spread, selection: "home", line: -5.5)! == (1.95, "b"))
        #expect(BestPrice.price(in: snapshots, betType: .spread, selection: "away", line: -5.5)! == (1.91, "a"))
        #expect(BestPrice.price(in: snapshots, betType: .moneyline, selection: "home", line: nil)! == (1.45, "b"))
        #expect(BestPrice.price(in: snapshots, betType: .total, selection: "over", line: 220.5)! == (1.90, "a"))
        #expect(BestPrice.price(in: snapshots, betType: .total, selection: "under", line: 220.5) == nil)
        #expect(BestPrice.price(in: snapshots, betType: .spread, selection: "home", line: nil) == nil)
    }
}
