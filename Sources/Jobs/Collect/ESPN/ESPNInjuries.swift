import Foundation

/// ESPN's league injuries (`/apis/site/v2/sports/{sport}/{league}/injuries`): one group per team (`id` is
/// ESPN's team id, no nested team object), each with its players' reports. Dates have no seconds.
public struct ESPNInjuries: Decodable, Sendable {
    /// One team's list.
    public struct Team: Decodable, Sendable {
        /// ESPN's team id, as on the scoreboard.
        public let id: String
        /// The team's name.
        public let displayName: String?
        /// Its reports.
        public let injuries: [Injury]
    }

    /// One player's report.
    public struct Injury: Decodable, Sendable {
        /// ESPN's id of the entry.
        public let id: String
        /// `Day-To-Day`, `Out`, `10-Day-IL`, …
        public let status: String
        /// When ESPN updated it (`2026-09-25T03:06Z`).
        public let date: Date
        /// The player.
        public let athlete: Athlete
        /// What is injured and the expected return, when said.
        public let details: Details?
    }

    /// `athlete`.
    public struct Athlete: Decodable, Sendable {
        /// The player's name.
        public let displayName: String
        /// The position.
        public let position: Position?
    }

    /// `athlete.position`.
    public struct Position: Decodable, Sendable {
        /// `RP`, `G`, …
        public let abbreviation: String?
    }

    /// `details`; every field may be absent.
    public struct Details: Decodable, Sendable {
        /// `Hamstring`, `Undisclosed`.
        public let type: String?
        /// `YYYY-MM-DD`.
        public let returnDate: String?
    }

    /// The teams with reports.
    public let injuries: [Team]
}
