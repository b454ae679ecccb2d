import Foundation

/// One event of The Odds API v4 `/scores`: scores are strings, and null (with `last_update`) before the start.
public struct OddsAPIScoreEvent: Decodable, Sendable, Equatable {
    /// A team's score.
    public struct Score: Decodable, Sendable, Equatable {
        /// The team's name.
        public let name: String
        /// The score, as the API sends it (a string).
        public let score: String
    }

    /// The event id (shared with `/odds`).
    public let id: String
    /// The sport key.
    public let sportKey: String
    /// The scheduled start.
    public let commenceTime: Date
    /// True once the game is over.
    public let completed: Bool
    /// The home team's name.
    public let homeTeam: String
    /// The away team's name.
    public let awayTeam: String
    /// The scores; `nil` before the start.
    public let scores: [Score]?
    /// When the scores last changed; `nil` before the start.
    public let lastUpdate: Date?

    enum CodingKeys: String, CodingKey {
        case id, completed, scores
        case sportKey = "sport_key"
        case commenceTime = "commence_time"
        case homeTeam = "home_team"
        case awayTeam = "away_team"
        case lastUpdate = "last_update"
    }

    /// The score of `team` as an integer, if present and numeric.
    public func score(of team: String) -> Int? {
        scores?.first { $0.name == team }.flatMap { Int($0.score) }
    }
}
