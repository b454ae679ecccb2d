import Foundation

/// A starting pitcher's line in one final game, from ESPN's box score: what FIP-style features read (strikeouts
/// and walks over the outs he got), stored once per game and pitcher.
public struct PitcherGameLine: Sendable, Equatable {
    /// The platform's game.
    public var gameID: Int
    /// The game's scheduled start (filled when read; ignored when stored).
    public var scheduledAt: Date
    /// ESPN's athlete id, as `game_starters` has it.
    public var athleteID: String
    /// The platform's team he pitched for.
    public var teamID: Int
    /// Outs recorded (3 a full inning).
    public var outs: Int
    /// Strikeouts.
    public var strikeouts: Int
    /// Walks.
    public var walks: Int
    /// Earned runs.
    public var earnedRuns: Int

    /// Creates one pitcher's game line.
    public init(gameID: Int, scheduledAt: Date, athleteID: String, teamID: Int, outs: Int, strikeouts: Int, walks: Int, earnedRuns: Int) {
        self.gameID = gameID
        self.scheduledAt = scheduledAt
        self.athleteID = athleteID
        self.teamID = teamID
        self.outs = outs
        self.strikeouts = strikeouts
        self.walks = walks
        self.earnedRuns = earnedRuns
    }
}
