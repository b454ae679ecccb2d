import Foundation

/// A team's announced starting pitcher for a game, as first seen by the platform: one row per change, so the
/// starter known at a time is the newest row first seen before it.
public struct GameStarter: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// The team the pitcher starts for (the game's home or away team).
    public var teamID: Int
    /// Where it was announced (`espn`).
    public var source: String
    /// The source's athlete id (ESPN's `athlete.id`).
    public var athleteID: String
    /// The pitcher's name.
    public var athleteName: String
    /// When the platform first saw this pitcher announced for this game and team.
    public var firstSeenAt: Date

    /// Creates a starter sighting.
    public init(gameID: Int, teamID: Int, source: String, athleteID: String, athleteName: String, firstSeenAt: Date) {
        self.gameID = gameID
        self.teamID = teamID
        self.source = source
        self.athleteID = athleteID
        self.athleteName = athleteName
        self.firstSeenAt = firstSeenAt
    }
}
