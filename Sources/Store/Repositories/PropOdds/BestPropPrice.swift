/// The best price across books of one side of a batter's prop at one line.
public struct BestPropPrice: Sendable, Equatable {
    /// The batter (Statcast's id), found by the name the books and Statcast share.
    public var batterID: Int
    /// The name the books gave.
    public var playerName: String
    /// The line.
    public var point: Double
    /// `over` or `under`.
    public var outcome: String
    /// The highest decimal price.
    public var price: Double
    /// The book offering it (the first by key on a tie).
    public var bookmaker: String

    /// Creates a best price.
    public init(batterID: Int, playerName: String, point: Double, outcome: String, price: Double, bookmaker: String) {
        self.batterID = batterID
        self.playerName = playerName
        self.point = point
        self.outcome = outcome
        self.price = price
        self.bookmaker = bookmaker
    }
}
