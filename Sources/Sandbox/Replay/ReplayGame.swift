import Foundation

/// One game of a replayed world: who played when, the final score the file gives, and the books' lines.
public struct ReplayGame: WorldGame, Equatable {
    /// The league.
    public let league: ServedLeague
    /// The home team.
    public let home: SandboxTeam
    /// The away team.
    public let away: SandboxTeam
    /// The scheduled start.
    public let startsAt: Date
    /// When the game is final: the start plus the league's usual duration.
    public let endsAt: Date
    /// ESPN's event id (numeric string).
    public let espnID: String
    /// The Odds API's event id (32 hex digits).
    public let oddsAPIID: String
    /// The home team's final score.
    public let homeScore: Int
    /// The away team's final score.
    public let awayScore: Int
    /// The books' lines, served while the game is upcoming.
    public let books: [ReplayLines]
    /// The line of the file it came from.
    public let line: Int
}
