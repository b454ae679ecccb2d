/// How a user's bets did over one group: every bet, one sport, or one market.
public struct BettingPerformance: Sendable, Equatable {
    /// The sport; `nil` on rows over every sport.
    public var sport: String?
    /// The market; `nil` on rows over every market.
    public var betType: BetType?
    /// Every bet of the group, pending and voided ones included.
    public var bets: Int
    /// Bets not graded yet.
    public var pending: Int
    /// Bets won.
    public var wins: Int
    /// Bets lost.
    public var losses: Int
    /// Bets pushed (stake returned).
    public var pushes: Int
    /// Bets voided (by the user before the game, or with a cancelled or postponed game).
    public var voids: Int
    /// The stakes of the won and lost bets, in cents: what ROI is over (a push or a void risked nothing).
    public var stakedCents: Int
    /// The profit of the graded bets, in cents.
    public var profitCents: Int
    /// The mean CLV of the graded bets that have one.
    public var meanCLV: Double?
    /// How many graded bets have a CLV.
    public var clvCount: Int
    /// How many of them beat the close (CLV above zero).
    public var beatCloseCount: Int
    /// The mean CLV against the fair close (the closing line less its margin) of the graded bets that have one.
    public var meanFairCLV: Double?
    /// How many graded bets have a CLV against the fair close.
    public var fairCLVCount: Int
    /// How many of them beat the fair close.
    public var beatFairCloseCount: Int

    /// Profit over staked; `nil` with nothing staked.
    public var roi: Double? { stakedCents > 0 ? Double(profitCents) / Double(stakedCents) : nil }
    /// Wins over decided bets (wins and losses); `nil` with none.
    public var winRate: Double? { wins + losses > 0 ? Double(wins) / Double(wins + losses) : nil }

    /// A group's figures.
    public init(
        sport: String? = nil, betType: BetType? = nil, bets: Int = 0, pending: Int = 0, wins: Int = 0, losses: Int = 0, pushes: Int = 0,
        voids: Int = 0, stakedCents: Int = 0, profitCents: Int = 0, meanCLV: Double? = nil, clvCount: Int = 0, beatCloseCount: Int = 0,
        meanFairCLV: Double? = nil, fairCLVCount: Int = 0, beatFairCloseCount: Int = 0
    ) {
        self.sport = sport
        self.betType = betType
        self.bets = bets
        self.pending = pending
        self.wins = wins
        self.losses = losses
        self.pushes = pushes
        self.voids = voids
        self.stakedCents = stakedCents
        self.profitCents = profitCents
        self.meanCLV = meanCLV
        self.clvCount = clvCount
        self.beatCloseCount = beatCloseCount
        self.meanFairCLV = meanFairCLV
        self.fairCLVCount = fairCLVCount
        self.beatFairCloseCount = beatFairCloseCount
    }
}
