import Foundation

/// A shadow model's forecast of one game, with the champion's on the same features at the same moment; never
/// published (see ``ShadowForecastRepository``).
public struct ShadowForecast: Sendable, Equatable {
    /// The shadow model.
    public var modelID: Int
    /// The game.
    public var gameID: Int
    /// The champion scored beside it; `nil` when there was none.
    public var championID: Int?
    /// The market.
    public var betType: BetType
    /// The line the features carried (spread: the home team's; total: the points), as `Prediction.line`.
    public var line: Double?
    /// The shadow model's probability of the market's positive side (home; over).
    public var probability: Double
    /// The champion's probability of the same side; `nil` without a champion.
    public var championProbability: Double?
    /// When it was made.
    public var forecastAt: Date
    /// The positive side's result, once the game is final.
    public var result: PredictionResult?

    /// A forecast not yet graded.
    public init(
        modelID: Int, gameID: Int, championID: Int?, betType: BetType, line: Double?, probability: Double, championProbability: Double?,
        forecastAt: Date, result: PredictionResult? = nil
    ) {
        self.modelID = modelID
        self.gameID = gameID
        self.championID = championID
        self.betType = betType
        self.line = line
        self.probability = probability
        self.championProbability = championProbability
        self.forecastAt = forecastAt
        self.result = result
    }
}
