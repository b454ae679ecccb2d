import Foundation

/// One graded pick as a report lists it: the game, the pick, when it was published, the prices and how it did.
public struct ReportedPrediction: Sendable, Equatable, Codable {
    /// The prediction's id.
    public var predictionID: Int
    /// The game's id.
    public var gameID: Int
    /// The home team's name.
    public var homeTeam: String
    /// The away team's name.
    public var awayTeam: String
    /// The home team's final score.
    public var homeScore: Int?
    /// The away team's final score.
    public var awayScore: Int?
    /// The bet type.
    public var betType: BetType
    /// The side picked.
    public var selection: String
    /// The line (the home line for spreads); `nil` for moneyline.
    public var line: Double?
    /// The decimal price the prediction was made at.
    public var price: Double?
    /// The consensus closing price.
    public var closingPrice: Double?
    /// The calibrated winning probability.
    public var probability: Double
    /// The edge over the price.
    public var edge: Double
    /// The tier.
    public var tier: SignalTier
    /// The recommended stake, fraction of bankroll.
    public var stake: Double
    /// Win, loss or push.
    public var result: PredictionResult
    /// Units won or lost.
    public var profit: Double
    /// Closing line value.
    public var clv: Double?
    /// Which publication it was (`open`, `game_day`); absent in reports stored before publications.
    public var publication: PredictionPublication?
    /// When it was published.
    public var publishedAt: Date?
    /// The book offering `price`.
    public var bookmaker: String?
    /// Whether it agreed with the sharpest book.
    public var sharpAgreement: Bool?

    /// The report line of `graded`; `nil` when it has no result (not settled).
    public init?(_ graded: GradedPrediction) {
        let p = graded.prediction
        guard let id = p.id, let result = p.result else { return nil }
        predictionID = id
        gameID = p.gameID
        homeTeam = graded.homeTeam
        awayTeam = graded.awayTeam
        homeScore = graded.homeScore
        awayScore = graded.awayScore
        betType = p.betType
        selection = p.selection
        line = p.line
        price = p.price
        closingPrice = p.closingPrice
        probability = p.probability
        edge = p.edge
        tier = p.tier
        stake = p.stake
        self.result = result
        profit = p.profit ?? 0
        clv = p.clv
        publication = p.publication
        publishedAt = p.publishedAt
        bookmaker = p.bookmaker
        sharpAgreement = p.sharpAgreement
    }

    /// The wins of `results`, best first: most profit (what the stake earned), then most edge.
    public static func topWins(_ results: [ReportedPrediction]) -> [ReportedPrediction] {
        results.filter { $0.result == .win }
            .sorted { ($0.profit, $0.edge, -$0.predictionID) > ($1.profit, $1.edge, -$1.predictionID) }
    }

    /// The losses of `results`, most confident first.
    public static func notableMisses(_ results: [ReportedPrediction]) -> [ReportedPrediction] {
        results.filter { $0.result == .loss }
            .sorted { ($0.probability, $0.stake, -$0.predictionID) > ($1.probability, $1.stake, -$1.predictionID) }
    }

    enum CodingKeys: String, CodingKey {
        case predictionID = "prediction_id"
        case gameID = "game_id"
        case homeTeam = "home_team"
        case awayTeam = "away_team"
        case homeScore = "home_score"
        case awayScore = "away_score"
        case betType = "bet_type"
        case selection, line, price
        case closingPrice = "closing_price"
        case probability, edge, tier, stake, result, profit, clv, publication
        case publishedAt = "published_at"
        case bookmaker
        case sharpAgreement = "sharp_agreement"
    }
}
