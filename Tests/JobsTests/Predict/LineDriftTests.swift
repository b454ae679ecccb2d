import Foundation
import Store
import Testing

@testable import Jobs

/// A forecast waits when the moneyline has moved since its features were taken: today's consensus against the line
/// the features saw.
@Suite struct LineDriftTests {
    static func quote(_ book: String, _ outcome: String, _ price: Double, minutes: Double = 0) -> OddsSnapshot {
        OddsSnapshot(
            gameID: 1, sport: "nba", bookmaker: book, market: "h2h", outcome: outcome, price: price, point: nil,
            recordedAt: Date(timeIntervalSince1970: 1_796_000_000 + minutes * 60), isBackfill: false)
    }

    @Test func aLineThatMovedSinceTheFeaturesHoldsTheGameBack() throws {
        // Two books at about 0.63 for the home side now (the walkthrough's Heat, 1.52 / 2.58), after 0.72 earlier.
        let snapshots = [
            Self.quote("a", "home", 1.33), Self.quote("a", "away", 3.4),
            Self.quote("a", "home", 1.52, minutes: 60), Self.quote("a", "away", 2.58, minutes: 60),
            Self.quote("b", "home", 1.53, minutes: 50), Self.quote("b", "away", 2.57, minutes: 50),
            // Another market moves nothing here.
            OddsSnapshot(gameID: 1, sport: "nba", bookmaker: "a", market: "spreads", outcome: "home", price: 1.9, point: -9, recordedAt: Date(), isBackfill: false),
        ]
        let now = try #require(LineDrift.currentHomeWin(snapshots, threeWay: false))
        #expect(abs(now - 0.628) < 0.003)
        #expect(LineDrift.isStale(features: ["line_homewinprob_current": 0.721], snapshots: snapshots, threeWay: false))
        #expect(!LineDrift.isStale(features: ["line_homewinprob_current": 0.64], snapshots: snapshots, threeWay: false))
        // Unknown on either side: nothing to compare, nothing held back.
        #expect(!LineDrift.isStale(features: [:], snapshots: snapshots, threeWay: false))
        #expect(!LineDrift.isStale(features: ["line_homewinprob_current": 0.9], snapshots: [], threeWay: false))
        // A book missing a side does not count.
        #expect(LineDrift.currentHomeWin([Self.quote("a", "home", 1.5)], threeWay: false) == nil)
    }

    @Test func aThreeWayMarketReadsTheDrawToo() throws {
        let snapshots = [Self.quote("a", "home", 2.0), Self.quote("a", "draw", 3.4), Self.quote("a", "away", 4.0)]
        let home = try #require(LineDrift.currentHomeWin(snapshots, threeWay: true))
        #expect(abs(home - (0.5 / (0.5 + 1 / 3.4 + 0.25))) < 1e-12)
        // Without its draw price a book says nothing of the home win in a three-way market.
        #expect(LineDrift.currentHomeWin(Array(snapshots.prefix(1)) + snapshots.suffix(1), threeWay: true) == nil)
    }
}
