import Foundation

/// One historical game as a replay file gives it: league, start, teams by name, final score, and the lines
/// of the books the file quotes.
public struct ReplayRecord: Sendable, Equatable {
    /// The line of the file it came from (for errors).
    public let line: Int
    /// The league.
    public let league: ServedLeague
    /// The scheduled start.
    public let startsAt: Date
    /// The home team's name.
    public let home: String
    /// The away team's name.
    public let away: String
    /// The home team's final score.
    public let homeScore: Int
    /// The away team's final score.
    public let awayScore: Int
    /// The books' lines, served while the game is upcoming.
    public let books: [ReplayLines]
}

/// One book's lines for one replayed game, prices decimal; each market is present only when the file has it.
public struct ReplayLines: Sendable, Equatable {
    /// The Odds API bookmaker key (`replay`, `pinnacle`).
    public let key: String
    /// The bookmaker's title.
    public let title: String
    /// Moneyline: home, away and (soccer) draw.
    public var moneyline: Moneyline?
    /// The home team's spread and the prices of home and away against it.
    public var spread: Line?
    /// The total and the prices of over and under.
    public var total: Line?
    /// The lines when the market opened, where the file gives them; `moneyline`, `spread` and `total` are
    /// then the closing lines the market moves to before the start.
    public var opening: Markets?

    /// A book's lines of one moment (its opening lines): each market present only when the file has it.
    public struct Markets: Sendable, Equatable {
        public var moneyline: Moneyline?
        public var spread: Line?
        public var total: Line?

        /// Lines of the markets given.
        public init(moneyline: Moneyline? = nil, spread: Line? = nil, total: Line? = nil) {
            self.moneyline = moneyline
            self.spread = spread
            self.total = total
        }

        /// True when no market has an opening line.
        var isEmpty: Bool { moneyline == nil && spread == nil && total == nil }
    }

    /// A moneyline, decimal prices.
    public struct Moneyline: Sendable, Equatable {
        public let home: Double
        public let away: Double
        public let draw: Double?

        /// A moneyline.
        public init(home: Double, away: Double, draw: Double?) {
            self.home = home
            self.away = away
            self.draw = draw
        }
    }

    /// A spread or total: the line and the decimal prices of its two sides (home/away, over/under).
    public struct Line: Sendable, Equatable {
        public let point: Double
        public let first: Double
        public let second: Double

        /// A line at `point` priced `first` / `second`.
        public init(point: Double, first: Double, second: Double) {
            self.point = point
            self.first = first
            self.second = second
        }
    }

    /// True when the book has no line at all.
    var isEmpty: Bool { moneyline == nil && spread == nil && total == nil }

    /// The decimal price of the standard −110 that spreads and totals carry when the file gives no price.
    public static let standardPrice = 1 + 100.0 / 110
}
