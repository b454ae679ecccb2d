import Foundation

/// A settled prediction with the game it was on: teams, final score and start.
public struct GradedPrediction: Sendable, Equatable {
    /// The prediction, with its result, profit, closing price and CLV.
    public var prediction: Prediction
    /// The home team's name.
    public var homeTeam: String
    /// The away team's name.
    public var awayTeam: String
    /// The home team's final score.
    public var homeScore: Int?
    /// The away team's final score.
    public var awayScore: Int?
    /// When the game was scheduled to start.
    public var gameScheduledAt: Date

}
