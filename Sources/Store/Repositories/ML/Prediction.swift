import Foundation

/// A model's prediction on one game and market, with its edge, tier, stake and, once graded, result and CLV.
public struct Prediction: Sendable, Equatable {
    /// The database id; `nil` until stored.
    public var id: Int?
    /// The game.
    public var gameID: Int
    /// The model that made it.
    public var modelID: Int
    /// The sport code.
    public var sport: String
    /// The bet type.
    public var betType: BetType
    /// The side picked (`home`, `away`, `over`, `under`, or a player prop selection).
    public var selection: String
    /// The spread or total line; `nil` for moneyline.
    public var line: Double?
    /// The calibrated probability that the selection wins.
    public var probability: Double
    /// The base models' probabilities, by model name.
    public var componentProbabilities: [String: Double]
    /// The decimal price the edge was computed against.
    public var price: Double?
    /// Probability minus the price's implied probability.
    public var edge: Double
    /// The confidence tier.
    public var tier: SignalTier
    /// The recommended stake as a fraction of bankroll.
    public var stake: Double
    /// The lowercase hex SHA-256 that makes the prediction tamper-evident; unique.
    public var predictionHash: String
    /// Pending, settled or void.
    public var status: PredictionStatus
    /// The outcome, once settled.
    public var result: PredictionResult?
    /// The closing price of the selection.
    public var closingPrice: Double?
    /// Closing line value: how much better `price` was than `closingPrice`.
    public var clv: Double?
    /// Units won or lost at `stake`.
    public var profit: Double?
    /// When it was stored; set by the database.
    public var createdAt: Date?
    /// When it was settled.
    public var settledAt: Date?

    /// Creates a prediction.
    public init(
        id: Int? = nil, gameID: Int, modelID: Int, sport: String, betType: BetType, selection: String,
        line: Double? = nil, probability: Double, componentProbabilities: [String: Double] = [:], price: Double? = nil,
        edge: Double, tier: SignalTier, stake: Double, predictionHash: String, status: PredictionStatus = .pending,
        result: PredictionResult? = nil, closingPrice: Double? = nil, clv: Double? = nil, profit: Double? = nil,
        createdAt: Date? = nil, settledAt: Date? = nil
    ) {
        self.id = id
        self.gameID = gameID
        self.modelID = modelID
        self.sport = sport
        self.betType = betType
        self.selection = selection
        self.line = line
        self.probability = probability
        self.componentProbabilities = componentProbabilities
        self.price = price
        self.edge = edge
        self.tier = tier
        self.stake = stake
        self.predictionHash = predictionHash
        self.status = status
        self.result = result
        self.closingPrice = closingPrice
        self.clv = clv
        self.profit = profit
        self.createdAt = createdAt
        self.settledAt = settledAt
    }
}
