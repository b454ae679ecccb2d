import Foundation

/// One book's batter-hits props for one game at one moment: an Over and an Under price for each batter
/// and line.
public struct PropQuote: Sendable, Equatable {
    /// One batter's prices at one line.
    public struct Line: Sendable, Equatable {
        /// The batter's id (Statcast's `batter`).
        public let batterID: Int
        /// The batter's full name, the outcome's `description`.
        public let player: String
        /// The line: 0.5 or 1.5 hits.
        public let point: Double
        /// Decimal price of more hits than `point`.
        public let over: Double
        /// Decimal price of fewer hits than `point`.
        public let under: Double
    }

    /// The book.
    public let bookmaker: Bookmaker
    /// When the book last moved its lines.
    public let lastUpdate: Date
    /// Both lineups' batters, away first, each at every line.
    public let lines: [Line]
}
