import Foundation

/// One game of the simulated world: who plays where and when, the truth behind it, and how it ends.
public struct SimulatedGame: Sendable, Equatable {
    /// The sport.
    public let sport: SandboxSport
    /// The Eastern calendar day it belongs to (days since 1970-01-01).
    let day: Int
    /// The home team.
    public let home: SandboxTeam
    /// The away team.
    public let away: SandboxTeam
    /// The scheduled start.
    public let startsAt: Date
    /// ESPN's event id (numeric string).
    public let espnID: String
    /// The Odds API's event id (32 hex digits).
    public let oddsAPIID: String
    /// Indices of the home and away team in the league.
    let teamIndices: (home: Int, away: Int)
    /// What sets the parameters besides injuries.
    let conditions: GameConditions
    /// True when the teams play in the same division.
    public var isDivisional: Bool { conditions.isDivisional }
    /// What the players listed injured at the start cost each team, points (NBA) or runs (MLB) of margin.
    public let injuryLoss: (home: Double, away: Double)
    /// The true parameters of the outcome model: `conditions` with the injuries listed at the start.
    let parameters: GameParameters
    /// The final score, revealed once the game is over.
    let finalScore: (home: Int, away: Int)
    /// How long the game lasts.
    let duration: TimeInterval
    /// Days since each team last played (capped at 4), before this game.
    public let rest: (home: Int, away: Int)
    /// How far each team came for this game, kilometres: from the venue of its game in the last three days,
    /// or from its own arena after three days off.
    public let travel: (home: Double, away: Double)
    /// Baseball: the home and away starting pitchers; `nil` in basketball.
    public let starters: (home: StartingPitcher, away: StartingPitcher)?

    /// When the game ends.
    public var endsAt: Date { startsAt.addingTimeInterval(duration) }

    public static func == (lhs: SimulatedGame, rhs: SimulatedGame) -> Bool {
        lhs.sport == rhs.sport && lhs.espnID == rhs.espnID
    }
}
