import Foundation

/// One labelled game at one publication: its point-in-time features and how the bet turned out.
///
/// A game has a row at the open and one shortly before its start (`TrainingDataLoader`), as it has a forecast at
/// each, so the learners see what each publication sees.
public struct TrainingExample: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// Whether this is the game's row at its market's open, beside a later one.
    public var isOpening: Bool
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

    /// An example.
    public init(
        gameID: Int, isOpening: Bool = false, scheduledAt: Date, asOf: Date, features: [String: Double], label: Double,
        drawLabel: Double? = nil
    ) {
        self.gameID = gameID
        self.isOpening = isOpening
        self.scheduledAt = scheduledAt
        self.asOf = asOf
        self.features = features
        self.label = label
        self.drawLabel = drawLabel
    }

    /// The row's key among a training set's rows (out-of-fold predictions are stored by it): the game's id, negated
    /// for its opening row, so both rows of a game have one and the later row keeps the key a game had alone.
    public var rowID: Int { isOpening ? -gameID : gameID }
}
