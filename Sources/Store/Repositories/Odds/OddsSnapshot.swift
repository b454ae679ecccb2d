import Foundation

/// One price of one outcome at one book, as collected at `recordedAt`.
public struct OddsSnapshot: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// The sport code (kept on the row for per-sport freshness).
    public var sport: String
    /// The bookmaker key (`draftkings`).
    public var bookmaker: String
    /// The market (`h2h`, `spreads`, `totals`).
    public var market: String
    /// The outcome (`home`, `away`, `over`, `under`, or a name).
    public var outcome: String
    /// The decimal price (≥ 1).
    public var price: Double
    /// The spread or total line; `nil` for moneyline.
    public var point: Double?
    /// When the book offered this price.
    public var recordedAt: Date
    /// True when loaded by a historical backfill.
    public var isBackfill: Bool

    /// Creates a snapshot.
    public init(
        gameID: Int, sport: String, bookmaker: String, market: String, outcome: String, price: Double,
        point: Double? = nil, recordedAt: Date, isBackfill: Bool = false
    ) {
        self.gameID = gameID
        self.sport = sport
        self.bookmaker = bookmaker
        self.market = market
        self.outcome = outcome
        self.price = price
        self.point = point
        self.recordedAt = recordedAt
        self.isBackfill = isBackfill
    }
}
