import Foundation
import Store

/// A prediction (a forecast, and the pick when `pick`) as the API shows it.
struct PredictionView: Codable, Sendable {
    var id: Int
    var gameId: Int
    var gameScheduledAt: Date?
    var modelId: Int
    var sport: String
    var betType: String
    var selection: String
    /// For player props: the player the selection's id names, when the platform has his name.
    var playerName: String?
    var line: Double?
    var probability: Double
    /// For player props: whether `probability` is the books' (`market`), the model's or a blend of the two.
    var probabilitySource: ProbabilitySource?
    var componentProbabilities: [String: Double]
    var price: Double?
    /// The decimal odds at which the bet has no edge: 1 / probability.
    var fairPrice: Double?
    var edge: Double
    var tier: String
    var stake: Double
    var predictionHash: String
    var status: String
    var result: String?
    var closingPrice: Double?
    var clv: Double?
    /// CLV against the fair close (the closing line less its margin), which does not count the margin as value.
    var fairClv: Double?
    var profit: Double?
    /// Whether this forecast is a published pick (staked, counted in accuracy, ROI and CLV).
    var pick: Bool
    var bookmaker: String?
    /// `open` or `game_day`.
    var publication: String
    var publishedAt: Date?
    /// The canonical content version the hash covers.
    var hashVersion: Int
    var sharpAgreement: Bool?
    var createdAt: Date?
    var settledAt: Date?
    /// The out-of-sample pick record of the model that made it; absent for a model registered without one.
    var modelPickRecord: ModelPickRecordView?

    init(_ p: Prediction, gameScheduledAt: Date?, playerName: String? = nil, modelPickRecord: ModelPickRecordView? = nil) {
        id = p.id ?? 0
        gameId = p.gameID
        self.gameScheduledAt = gameScheduledAt
        modelId = p.modelID
        sport = p.sport
        betType = p.betType.rawValue
        selection = p.selection
        self.playerName = playerName
        line = p.line
        probability = p.probability
        probabilitySource = ProbabilitySource(betType: p.betType, components: p.componentProbabilities)
        componentProbabilities = p.componentProbabilities
        price = p.price
        fairPrice = p.probability > 0 ? 1 / p.probability : nil
        edge = p.edge
        tier = p.tier.rawValue
        stake = p.stake
        predictionHash = p.predictionHash
        status = p.status.rawValue
        result = p.result?.rawValue
        closingPrice = p.closingPrice
        clv = p.clv
        fairClv = p.fairCLV
        profit = p.profit
        pick = p.pick
        bookmaker = p.bookmaker
        publication = p.publication.rawValue
        publishedAt = p.publishedAt
        hashVersion = p.hashVersion
        sharpAgreement = p.sharpAgreement
        createdAt = p.createdAt
        settledAt = p.settledAt
        self.modelPickRecord = modelPickRecord
    }
}
