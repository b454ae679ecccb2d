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
}
