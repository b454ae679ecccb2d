/// The teams' part of ESPN's game summary (`boxscore.teams`): each team's statistics as `name` and `displayValue`
/// (a string: `"14"`, `"58.4"`, `"5-13"`, `"31:30"`), with the label shown beside it.
///
/// Decoded apart from `ESPNSummary` and for final football, hockey and soccer games only, whose team statistics are
/// one flat list (baseball's are grouped, and the platform reads basketball's and baseball's players instead).
public struct ESPNTeamBoxscore: Decodable, Sendable {
    /// `boxscore`.
    public struct Body: Decodable, Sendable {
        /// One entry per team; absent before the game.
        public let teams: [TeamStatistics]?
    }

    /// `boxscore.teams[]`.
    public struct TeamStatistics: Decodable, Sendable {
        /// The team (ESPN's id).
        public let team: ESPNScoreboard.Team
        /// `home` or `away`, where given.
        public let homeAway: String?
        /// The team's statistics.
        public let statistics: [Statistic]
    }

    /// `boxscore.teams[].statistics[]`.
    public struct Statistic: Decodable, Sendable {
        /// ESPN's name (`totalShots`, `powerPlayGoals`, `thirdDownEff`).
        public let name: String
        /// The value as ESPN writes it.
        public let displayValue: String
        /// The label (`Shots`).
        public let label: String?
    }

    /// The box score; absent in some summaries.
    public let boxscore: Body?
}
