import Foundation

/// One batter's batted balls in one stored MLB game, summed from `statcast` pitches.
///
/// Statcast rows carry no team, so the game's two teams come along: whoever reads these decides which of
/// them the batter played for.
public struct BatterGameStatcast: Sendable, Equatable {
    /// The platform's game.
    public var gameID: Int
    /// The game's date (UTC midnight of the Eastern day).
    public var gameDate: Date
    /// The game's home team.
    public var homeTeamID: Int
    /// The game's away team.
    public var awayTeamID: Int
    /// MLB's batter id.
    public var batterID: Int
    /// Balls in play with a measured exit velocity.
    public var battedBalls: Int
    /// The sum of their exit velocities, mph.
    public var exitVelocitySum: Double
    /// Balls in play hit at 95 mph or harder.
    public var hardHitBalls: Int
    /// Balls in play with an expected wOBA.
    public var expectedWOBABalls: Int
    /// The sum of their expected wOBA.
    public var expectedWOBASum: Double

}
