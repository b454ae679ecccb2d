import Foundation

/// One book's line for one market and outcome of a game: its first and its latest snapshot before a point in time.
public struct OddsLine: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// The bookmaker key (`draftkings`).
    public var bookmaker: String
    /// The market (`h2h`, `spreads`, `totals`).
    public var market: String
    /// The outcome (`home`, `away`, `over`, `under`).
    public var outcome: String
    /// The decimal price of the book's first snapshot.
    public var openPrice: Double
    /// The spread or total of the first snapshot; `nil` for moneyline.
    public var openPoint: Double?
    /// When the first snapshot was recorded.
    public var openedAt: Date
    /// The decimal price of the latest snapshot before the point in time.
    public var currentPrice: Double
    /// The spread or total of the latest snapshot; `nil` for moneyline.
    public var currentPoint: Double?
    /// When the latest snapshot was recorded.
    public var currentAt: Date

    /// Creates a line.
    public init(
        gameID: Int, bookmaker: String, market: String, outcome: String, openPrice: Double, openPoint: Double? = nil,
        openedAt: Date, currentPrice: Double, currentPoint: Double? = nil, currentAt: Date
    ) {
        self.gameID = gameID
        self.bookmaker = bookmaker
        self.market = market
        self.outcome = outcome
        self.openPrice = openPrice
        self.openPoint = openPoint
        self.openedAt = openedAt
        self.currentPrice = currentPrice
        self.currentPoint = currentPoint
        self.currentAt = currentAt
    }
}
