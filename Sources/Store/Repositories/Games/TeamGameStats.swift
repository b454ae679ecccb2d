import Foundation

/// One team's statistics in one final game, from ESPN's box score (football, hockey, soccer): numbers by ESPN's stat
/// names (`shotsOnTarget`, `powerPlayOpportunities`, `totalYards`), stored once per game and team.
public struct TeamGameStats: Sendable, Equatable {
    /// The platform's game.
    public var gameID: Int
    /// The game's scheduled start (filled when read; ignored when stored).
    public var scheduledAt: Date
    /// The platform's team.
    public var teamID: Int
    /// The statistics read, by name; one the box score did not print is absent.
    public var values: [String: Double]

    /// Creates one team's game statistics.
    public init(gameID: Int, scheduledAt: Date, teamID: Int, values: [String: Double]) {
        self.gameID = gameID
        self.scheduledAt = scheduledAt
        self.teamID = teamID
        self.values = values
    }
}
