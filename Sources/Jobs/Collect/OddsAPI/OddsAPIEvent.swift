import Foundation

/// One event of The Odds API v4 `/odds` (and of a historical snapshot's `data`): teams, start, and each
/// bookmaker's markets.
public struct OddsAPIEvent: Decodable, Sendable, Equatable {
    /// A bookmaker's markets for the event.
    public struct Bookmaker: Decodable, Sendable, Equatable {
        /// The bookmaker key (`draftkings`).
        public let key: String
        /// The display title.
        public let title: String
        /// When the bookmaker last changed anything.
        public let lastUpdate: Date
        /// The markets offered (a book may omit any requested market).
        public let markets: [Market]

        enum CodingKeys: String, CodingKey {
            case key, title, markets
            case lastUpdate = "last_update"
        }
    }

    /// One market: `h2h`, `spreads`, `totals` (exchanges add `h2h_lay`).
    public struct Market: Decodable, Sendable, Equatable {
        /// The market key.
        public let key: String
        /// When the market last changed; absent before 2023.
        public let lastUpdate: Date?
        /// The outcomes and their prices.
        public let outcomes: [Outcome]

        enum CodingKeys: String, CodingKey {
            case key, outcomes
            case lastUpdate = "last_update"
        }
    }

    /// One outcome: a team name or `Over` / `Under`, its price and line.
    public struct Outcome: Decodable, Sendable, Equatable {
        /// The team or `Over` / `Under`.
        public let name: String
        /// In a player market (`batter_hits`), the player the outcome is about; absent in game markets.
        public var description: String? = nil
        /// The price in the requested format (an integer for American).
        public let price: Double
        /// The spread or total; absent for `h2h`.
        public let point: Double?
    }

    /// The event id (shared with `/scores`).
    public let id: String
    /// The sport key (`basketball_nba`).
    public let sportKey: String
    /// The scheduled start.
    public let commenceTime: Date
    /// The home team's name.
    public let homeTeam: String
    /// The away team's name.
    public let awayTeam: String
    /// The bookmakers quoting the event.
    public let bookmakers: [Bookmaker]

    enum CodingKeys: String, CodingKey {
        case id, bookmakers
        case sportKey = "sport_key"
        case commenceTime = "commence_time"
        case homeTeam = "home_team"
        case awayTeam = "away_team"
    }
}
