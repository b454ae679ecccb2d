import Foundation

/// The last price of an outcome at a book before the game started: what CLV is measured against.
public struct ClosingLine: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// The bookmaker key.
    public var bookmaker: String
    /// The market.
    public var market: String
    /// The outcome.
    public var outcome: String
    /// The decimal price.
    public var price: Double
    /// The line; `nil` for moneyline.
    public var point: Double?
    /// When the price was captured.
    public var capturedAt: Date

    /// Creates a closing line.
    public init(
        gameID: Int, bookmaker: String, market: String, outcome: String, price: Double, point: Double? = nil,
        capturedAt: Date
    ) {
        self.gameID = gameID
        self.bookmaker = bookmaker
        self.market = market
        self.outcome = outcome
        self.price = price
        self.point = point
        self.capturedAt = capturedAt
    }
}
