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
    /// A three-way moneyline's game the home side did not win: 1 drawn, 0 won away (`BetOutcome.drawLabel`); nil
    /// for a home win and in every other market. The draw share model learns from these.
    public var drawLabel: Double?
    /// The fair closing probability of the label's positive outcome at the row's line (``FairClose``); nil for a game
    /// without closing prices. Not a feature: the close comes after every forecast. What the learners fit where
    /// ``TrainingData/learnsFromTheClose``.
    public var closingProbability: Double?

    /// An example.
    public init(
        gameID: Int, scheduledAt: Date, asOf: Date, features: [String: Double], label: Double, drawLabel: Double? = nil,
        closingProbability: Double? = nil
    ) {
        self.gameID = gameID
        self.scheduledAt = scheduledAt
        self.asOf = asOf
        self.features = features
        self.label = label
        self.drawLabel = drawLabel
        self.closingProbability = closingProbability
    }
}
