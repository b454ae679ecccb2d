/// One graded prediction as a daily report lists it: the game, the pick, the prices and how it did.
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
        case probability, edge, tier, stake, result, profit, clv
    }
}
