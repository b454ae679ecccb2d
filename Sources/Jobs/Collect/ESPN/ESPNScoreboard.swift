import Foundation

/// ESPN's site scoreboard (`/apis/site/v2/sports/{sport}/{league}/scoreboard`): the fields the platform
/// reads. Timestamps have no seconds; scores are strings; ids are strings.
public struct ESPNScoreboard: Decodable, Sendable {
    /// One game.
    public struct Event: Decodable, Sendable {
        /// ESPN's event id.
        public let id: String
        /// The scheduled start.
        public let date: Date
        /// The season.
        public let season: Season?
        /// The competition (one per event for team sports).
        public let competitions: [Competition]
        /// The status.
        public let status: Status
    }

    /// The season an event belongs to.
    public struct Season: Decodable, Sendable {
        /// The year.
        public let year: Int
    }

    /// One competition: venue and the two competitors.
    public struct Competition: Decodable, Sendable {
        /// The competition id.
        public let id: String
        /// True at a neutral site.
        public let neutralSite: Bool?
        /// Where it is played.
        public let venue: Venue?
        /// Home and away.
        public let competitors: [Competitor]
    }

    /// A venue as ESPN names it (no coordinates).
    public struct Venue: Decodable, Sendable {
        /// The venue's name.
        public let fullName: String
        /// The address.
        public let address: Address?
        /// True indoors.
        public let indoor: Bool?
    }

    /// A venue's address.
    public struct Address: Decodable, Sendable {
        /// The city.
        public let city: String?
        /// The state.
        public let state: String?
    }

    /// A team in a competition.
    public struct Competitor: Decodable, Sendable {
        /// `home` or `away`.
        public let homeAway: String
        /// The team.
        public let team: Team
        /// The score as a string (`"6"`); `"0"` or absent before the start.
        public let score: String?
        /// Present once the game is over.
        public let winner: Bool?
        /// Runs (points) per period so far, one entry per inning played in baseball; absent before the start.
        public let linescores: [Linescore]?
        /// Baseball: the announced starting pitcher, for scheduled and final games alike; empty or absent
        /// until announced, and in other sports.
        public let probables: [Probable]?

        /// The announced starting pitcher, if any.
        public var probableStartingPitcher: Athlete? {
            probables?.first { $0.name == Probable.startingPitcher && $0.athlete?.id.isEmpty == false }?.athlete
        }
    }

    /// One period of a competitor's line score.
    public struct Linescore: Decodable, Sendable {
        /// The period (inning) number, from 1.
        public let period: Int?
    }

    /// A probable player of a competitor (`probableStartingPitcher`).
    public struct Probable: Decodable, Sendable {
        /// The `name` of a probable starting pitcher.
        public static let startingPitcher = "probableStartingPitcher"

        /// What the player is probable as (`probableStartingPitcher`).
        public let name: String
        /// The player; optional so that an entry without one (a slot ESPN has not filled) does not fail the
        /// whole scoreboard.
        public let athlete: Athlete?
        /// The pitcher's season line as ESPN shows it (`(1-0, 2.17)`).
        public let record: String?
    }

    /// A player as ESPN names one.
    public struct Athlete: Decodable, Sendable {
        /// ESPN's athlete id (a string).
        public let id: String
        /// The full name (`Gerrit Cole`).
        public let fullName: String?
        /// The display name.
        public let displayName: String?

        /// The name to store: the full name, else the display name, else the id.
        public var name: String { fullName ?? displayName ?? id }
    }

    /// A team.
    public struct Team: Decodable, Sendable {
        /// ESPN's team id.
        public let id: String
        /// The display name (`LA Clippers`).
        public let displayName: String
        /// The abbreviation.
        public let abbreviation: String?
    }

    /// An event's status.
    public struct Status: Decodable, Sendable {
        /// The status type.
        public let type: StatusType
    }

    /// `STATUS_SCHEDULED` / `pre`, `STATUS_IN_PROGRESS` / `in`, `STATUS_FINAL` / `post`, …
    public struct StatusType: Decodable, Sendable {
        /// The status name.
        public let name: String
        /// `pre`, `in` or `post`.
        public let state: String
        /// True once over.
        public let completed: Bool
    }

    /// The games.
    public let events: [Event]
}
