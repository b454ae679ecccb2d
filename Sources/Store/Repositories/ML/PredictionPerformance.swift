/// How a group of graded predictions did: counts, accuracy, mean CLV and ROI.
///
/// A group is a sport (or every sport), optionally narrowed to one bet type and/or one tier; a
/// `nil` sport, bet type or tier means "all of them". Definitions (seed 2.6, 5.2, 5.5):
/// - accuracy = wins / (wins + losses): pushes and voids are neither right nor wrong;
/// - mean CLV over the settled predictions that have one;
/// - ROI = profit / staked, where staked sums the stakes of wins and losses (a push returns its stake).
public struct PredictionPerformance: Sendable, Equatable, Codable {
    /// The sport; `nil`: every sport.
    public var sport: String?
    /// The bet type; `nil`: every bet type.
    public var betType: BetType?
    /// The tier; `nil`: every tier.
    public var tier: SignalTier?
    /// Settled predictions (wins + losses + pushes).
    public var settled: Int
    /// Wins.
    public var wins: Int
    /// Losses.
    public var losses: Int
    /// Pushes.
    public var pushes: Int
    /// Voided predictions (cancelled or postponed games), not counted in `settled`.
    public var voids: Int
    /// Wins / (wins + losses); `nil` without a decided prediction.
    public var accuracy: Double?
    /// The mean closing line value of the settled predictions that have one.
    public var meanCLV: Double?
    /// How many settled predictions have a CLV.
    public var clvCount: Int
    /// Units won or lost, as a fraction of bankroll.
    public var profit: Double
    /// The stakes of wins and losses, as a fraction of bankroll.
    public var staked: Double
    /// Profit / staked; `nil` when nothing was staked.
    public var roi: Double?

    /// Creates a performance summary; `accuracy` and `roi` follow from the counts and sums.
    public init(
        sport: String? = nil, betType: BetType? = nil, tier: SignalTier? = nil, wins: Int = 0, losses: Int = 0,
        pushes: Int = 0, voids: Int = 0, meanCLV: Double? = nil, clvCount: Int = 0, profit: Double = 0, staked: Double = 0
    ) {
        self.sport = sport
        self.betType = betType
        self.tier = tier
        self.settled = wins + losses + pushes
        self.wins = wins
        self.losses = losses
        self.pushes = pushes
        self.voids = voids
        self.accuracy = wins + losses > 0 ? Double(wins) / Double(wins + losses) : nil
        self.meanCLV = meanCLV
        self.clvCount = clvCount
        self.profit = profit
        self.staked = staked
        self.roi = staked > 0 ? profit / staked : nil
    }

    enum CodingKeys: String, CodingKey {
        case sport
        case betType = "bet_type"
        case tier, settled, wins, losses, pushes, voids, accuracy
        case meanCLV = "mean_clv"
        case clvCount = "clv_count"
        case profit, staked, roi
    }
}
