import Foundation

/// One NBA player's line in one stored game, from ESPN's box score: his points, or that he did not play.
public struct PlayerGamePoints: Sendable, Equatable {
    /// The platform's game.
    public var gameID: Int
    /// The game's scheduled start (filled when read; ignored when stored).
    public var scheduledAt: Date
    /// ESPN's athlete id.
    public var playerID: Int
    /// ESPN's `displayName`, which the books' prop `description` shares.
    public var playerName: String
    /// The platform's team he played for.
    public var teamID: Int
    /// True when the box score lists him as not having played (his props void).
    public var didNotPlay: Bool
    /// Minutes played, when given.
    public var minutes: Int?
    /// Points scored; `nil` only when he did not play.
    public var points: Int?

    /// Creates one player's game line.
    public init(
        gameID: Int, scheduledAt: Date, playerID: Int, playerName: String, teamID: Int, didNotPlay: Bool, minutes: Int?, points: Int?
    ) {
        self.gameID = gameID
        self.scheduledAt = scheduledAt
        self.playerID = playerID
        self.playerName = playerName
        self.teamID = teamID
        self.didNotPlay = didNotPlay
        self.minutes = minutes
        self.points = points
    }
}
