import Foundation

/// A model's forecast on one game and market at one publication, and, when `pick` is set, the pick it publishes:
/// the side, the best price and its book, edge, tier and stake; once graded, result and CLV.
///
/// One row per game, market, model and publication. A pick's `selection` is the side picked; a forecast
/// without a pick carries the market's positive side (`home`, `over`) and stakes nothing. Either way
/// `probability` is the probability that `selection` wins, so forecasts are scored whichever side they carry.
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
    /// The side forecast, and picked when `pick` (`home`, `away`, `over`, `under`, or a player prop selection).
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
    /// The recommended stake as a fraction of bankroll; 0 unless `pick`.
    public var stake: Double
    /// Whether this forecast is a published pick: staked, and counted in accuracy, ROI and CLV.
    public var pick: Bool
    /// The book offering `price`.
    public var bookmaker: String?
    /// Which publication this is.
    public var publication: PredictionPublication
    /// When it was published (whole seconds); `nil` for forecasts that are not publications (player props).
    public var publishedAt: Date?
    /// The canonical content version `predictionHash` covers (see `PredictionFingerprint`).
    public var hashVersion: Int
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
    /// Closing line value against the fair close (the closing line less its margin): what the pick returns on
    /// average if the close was right.
    public var fairCLV: Double?
    /// Units won or lost at `stake`.
    public var profit: Double?
    /// Whether a settled pick was on the side the sharpest book moved toward (see `SharpAgreement` in Jobs).
    public var sharpAgreement: Bool?
    /// When it was stored; set by the database.
    public var createdAt: Date?
    /// When it was settled.
    public var settledAt: Date?

    /// Creates a prediction.
    public init(
        id: Int? = nil, gameID: Int, modelID: Int, sport: String, betType: BetType, selection: String,
        line: Double? = nil, probability: Double, componentProbabilities: [String: Double] = [:], price: Double? = nil,
        edge: Double, tier: SignalTier, stake: Double, pick: Bool = false, bookmaker: String? = nil,
        publication: PredictionPublication = .open, publishedAt: Date? = nil, hashVersion: Int = 1, predictionHash: String,
        status: PredictionStatus = .pending, result: PredictionResult? = nil, closingPrice: Double? = nil, clv: Double? = nil,
        fairCLV: Double? = nil,
        profit: Double? = nil, sharpAgreement: Bool? = nil, createdAt: Date? = nil, settledAt: Date? = nil
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
        self.pick = pick
        self.bookmaker = bookmaker
        self.publication = publication
        self.publishedAt = publishedAt
        self.hashVersion = hashVersion
        self.predictionHash = predictionHash
        self.status = status
        self.result = result
        self.closingPrice = closingPrice
        self.clv = clv
        self.fairCLV = fairCLV
        self.profit = profit
        self.sharpAgreement = sharpAgreement
        self.createdAt = createdAt
        self.settledAt = settledAt
    }
}
