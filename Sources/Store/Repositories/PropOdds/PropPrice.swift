import Foundation

/// One book's price of one side of a player prop, as collected: "`playerName` over (or under) `point` in
/// `market`" at decimal `price`.
public struct PropPrice: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// The bookmaker key (`draftkings`).
    public var bookmaker: String
    /// The Odds API market (`batter_hits`).
    public var market: String
    /// The player as the book names him (the outcome's `description`).
    public var playerName: String
    /// `over` or `under`.
    public var outcome: String
    /// The line.
    public var point: Double
    /// The decimal price (> 1).
    public var price: Double
    /// When the book offered this price.
    public var recordedAt: Date

    /// Creates a price.
    public init(
        gameID: Int, bookmaker: String, market: String, playerName: String, outcome: String, point: Double, price: Double, recordedAt: Date
    ) {
        self.gameID = gameID
        self.bookmaker = bookmaker
        self.market = market
        self.playerName = playerName
        self.outcome = outcome
        self.point = point
        self.price = price
        self.recordedAt = recordedAt
    }
}
