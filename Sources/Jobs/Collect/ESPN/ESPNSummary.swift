import Foundation

/// ESPN's game summary (`/apis/site/v2/sports/{sport}/{league}/summary?event={id}`): the fields the platform
/// reads. As on the scoreboard, timestamps have no seconds and scores are strings; `pickcenter` prices are
/// American.
public struct ESPNSummary: Decodable, Sendable {
    /// `header`: the event and its one competition.
    public struct Header: Decodable, Sendable {
        /// ESPN's event id.
        public let id: String
        /// The competition (one per event for team sports).
        public let competitions: [Competition]
    }

    /// `header.competitions[]`: start, status and the two competitors.
    public struct Competition: Decodable, Sendable {
        /// The competition id.
        public let id: String
        /// The scheduled start.
        public let date: Date
        /// True at a neutral site.
        public let neutralSite: Bool?
        /// The status.
        public let status: ESPNScoreboard.Status
        /// Home and away.
        public let competitors: [Competitor]
    }

    /// A team in the competition.
    public struct Competitor: Decodable, Sendable {
        /// ESPN's team id.
        public let id: String
        /// `home` or `away`.
        public let homeAway: String
        /// Present once the game is over.
        public let winner: Bool?
        /// The score as a string (`"6"`).
        public let score: String?
        /// The team.
        public let team: ESPNScoreboard.Team
    }

    /// `gameInfo`: venue, and once played the attendance, duration and officials.
    public struct GameInfo: Decodable, Sendable {
        /// Where it is played.
        public let venue: Venue?
        /// The announced attendance.
        public let attendance: Int?
        /// `H:MM` (`2:32`).
        public let gameDuration: String?
        /// The officials.
        public let officials: [Official]?
    }

    /// `gameInfo.venue`.
    public struct Venue: Decodable, Sendable {
        /// The venue's name.
        public let fullName: String
    }

    /// `gameInfo.officials[]`.
    public struct Official: Decodable, Sendable {
        /// The official's name.
        public let displayName: String
        /// The role.
        public let position: Position?
        /// ESPN's order.
        public let order: Int?
    }

    /// `gameInfo.officials[].position`.
    public struct Position: Decodable, Sendable {
        /// `Home Plate Umpire`.
        public let displayName: String?
    }

    /// `pickcenter[]`: one provider's lines.
    public struct Pick: Decodable, Sendable {
        /// The provider (`DraftKings`).
        public let provider: Provider
        /// The headline (`CIN -132`).
        public let details: String?
        /// The total line.
        public let overUnder: Double?
        /// The home team's spread (−1.5: home gives 1.5).
        public let spread: Double?
        /// American price of the over.
        public let overOdds: Double?
        /// American price of the under.
        public let underOdds: Double?
        /// The away team's prices.
        public let awayTeamOdds: TeamOdds?
        /// The home team's prices.
        public let homeTeamOdds: TeamOdds?
    }

    /// `pickcenter[].provider`.
    public struct Provider: Decodable, Sendable {
        /// The provider's name.
        public let name: String
    }

    /// `pickcenter[].homeTeamOdds` / `awayTeamOdds`.
    public struct TeamOdds: Decodable, Sendable {
        /// True for the favourite.
        public let favorite: Bool?
        /// American moneyline.
        public let moneyLine: Double?
        /// American price against the spread, when given.
        public let spreadOdds: Double?
        /// ESPN's team id.
        public let teamId: String?
    }

    /// `injuries[]`: one team's reports as of the summary.
    public struct TeamInjuries: Decodable, Sendable {
        /// The team.
        public let team: ESPNScoreboard.Team
        /// Its reports.
        public let injuries: [Injury]
    }

    /// `injuries[].injuries[]`.
    public struct Injury: Decodable, Sendable {
        /// `Day-To-Day`, `15-Day-IL`, …
        public let status: String
        /// When ESPN updated it.
        public let date: Date?
        /// The player.
        public let athlete: ESPNInjuries.Athlete
    }

    /// The event.
    public let header: Header
    /// Venue, attendance, duration, officials.
    public let gameInfo: GameInfo?
    /// The providers' lines (absent for some games).
    public let pickcenter: [Pick]?
    /// Injury reports per team.
    public let injuries: [TeamInjuries]?
}
