import Foundation

/// One batter's hits and plate appearances in one stored MLB game, counted from `statcast` pitches.
///
/// Statcast rows carry no team, so the game's two teams come along: whoever reads these decides which of
/// them the batter played for.
public struct BatterGameHits: Sendable, Equatable {
    /// The platform's game.
    public var gameID: Int
    /// The game's Statcast date (the Eastern day, at UTC midnight).
    public var gameDate: Date
    /// The game's scheduled start.
    public var scheduledAt: Date
    /// The game's home team.
    public var homeTeamID: Int
    /// The game's away team.
    public var awayTeamID: Int
    /// MLB's batter id.
    public var batterID: Int
    /// Plate appearances: at-bats (in Statcast's sense, one per batter's turn) that ended in an event.
    public var plateAppearances: Int
    /// Plate appearances that ended in a single, double, triple or home run.
    public var hits: Int

    /// Creates one batter's game line.
    public init(
        gameID: Int, gameDate: Date, scheduledAt: Date, homeTeamID: Int, awayTeamID: Int, batterID: Int, plateAppearances: Int, hits: Int
    ) {
        self.gameID = gameID
        self.gameDate = gameDate
        self.scheduledAt = scheduledAt
        self.homeTeamID = homeTeamID
        self.awayTeamID = awayTeamID
        self.batterID = batterID
        self.plateAppearances = plateAppearances
        self.hits = hits
    }
}
