import Foundation

/// One labelled game: its point-in-time features and how the bet turned out.
public struct TrainingExample: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// When it started.
    public var scheduledAt: Date
    /// When its features were computed (before the start).
    public var asOf: Date
    /// Its features as of then.
    public var features: [String: Double]
    /// 1 or 0 (see `BetOutcome`).
    public var label: Double

    /// An example.
    public init(gameID: Int, scheduledAt: Date, asOf: Date, features: [String: Double], label: Double) {
        self.gameID = gameID
        self.scheduledAt = scheduledAt
        self.asOf = asOf
        self.features = features
        self.label = label
    }
}
