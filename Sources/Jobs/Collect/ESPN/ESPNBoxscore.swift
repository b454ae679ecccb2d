/// The players' part of ESPN's game summary (`boxscore.players`): per team statistics groups whose `names` say which
/// column of each athlete's `stats` (strings) is what (basketball's `PTS`, `MIN`; baseball's pitching `IP`, `K`, `BB`),
/// and who did not play.
///
/// Decoded apart from `ESPNSummary` and for final basketball and baseball games only: the platform reads NBA players'
/// points and MLB starting pitchers' lines, nothing else of a box score.
public struct ESPNBoxscore: Decodable, Sendable {
    /// `boxscore`.
    public struct Body: Decodable, Sendable {
        /// One entry per team; absent before tip-off.
        public let players: [TeamPlayers]?
    }

    /// `boxscore.players[]`.
    public struct TeamPlayers: Decodable, Sendable {
        /// The team (ESPN's id).
        public let team: ESPNScoreboard.Team
        /// The statistics groups; basketball has one, baseball `batting` and `pitching`.
        public let statistics: [Statistics]
    }

    /// `boxscore.players[].statistics[]`.
    public struct Statistics: Decodable, Sendable {
        /// The column abbreviations (`MIN`, `PTS`, `IP`, …): the group's `names`, or its `labels` where it has no
        /// `names` (public parsers of baseball's groups read `keys` and `labels`; the abbreviations are the same).
        public let names: [String]
        /// The athletes' rows.
        public let athletes: [AthleteLine]

        enum CodingKeys: String, CodingKey {
            case names, labels, athletes
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            names = try container.decodeIfPresent([String].self, forKey: .names) ?? container.decodeIfPresent([String].self, forKey: .labels) ?? []
            athletes = try container.decodeIfPresent([AthleteLine].self, forKey: .athletes) ?? []
        }
    }

    /// One athlete's row.
    public struct AthleteLine: Decodable, Sendable {
        /// The athlete.
        public let athlete: Athlete
        /// True for a starter (baseball: the starting pitcher among the pitchers).
        public let starter: Bool?
        /// One string per column of `names`; empty for a player who did not play.
        public let stats: [String]
        /// True when he did not play.
        public let didNotPlay: Bool?
    }

    /// `athlete`.
    public struct Athlete: Decodable, Sendable {
        /// ESPN's athlete id (a numeric string).
        public let id: String
        /// Full name.
        public let displayName: String
    }

    /// The box score; absent in some summaries.
    public let boxscore: Body?
}
