import Foundation
import Store

/// One recorded price of a book for a market's outcome, in decimal odds.
struct OddsSnapshotView: Codable, Sendable {
    var gameId: Int
    var bookmaker: String
    var market: String
    var outcome: String
    var price: Double
    var point: Double?
    var recordedAt: Date
    var isBackfill: Bool

    init(_ snapshot: OddsSnapshot) {
        gameId = snapshot.gameID
        bookmaker = snapshot.bookmaker
        market = snapshot.market
        outcome = snapshot.outcome
        price = snapshot.price
        point = snapshot.point
        recordedAt = snapshot.recordedAt
        isBackfill = snapshot.isBackfill
    }
}
