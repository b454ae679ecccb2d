import Store

/// `GET /betting/summary`: P&L, ROI and CLV of the user's bets, overall, by sport and by market.
struct BettingSummaryView: Encodable, Sendable {
    /// One group's figures; money in the bankroll's currency, rates as fractions (0.05 is 5 %).
    struct Figures: Encodable, Sendable {
        var sport: String?
        var betType: String?
        var bets: Int
        var pending: Int
        var wins: Int
        var losses: Int
        var pushes: Int
        var voids: Int
        /// Staked on won and lost bets: what ROI is over.
        var staked: Double
        var profit: Double
        /// Profit over staked.
        var roi: Double?
        /// Wins over wins and losses.
        var winRate: Double?
        /// Mean closing line value of the graded bets that have one.
        var meanClv: Double?
        var clvBets: Int
        /// Share of those that beat the close.
        var beatCloseRate: Double?
        /// Mean CLV against the fair close (the closing line less its margin, which the closing price counts as value).
        var meanFairClv: Double?
        var fairClvBets: Int
        /// Share of those that beat the fair close.
        var beatFairCloseRate: Double?

        init(_ row: BettingPerformance) {
            sport = row.sport
            betType = row.betType?.rawValue
            bets = row.bets
            pending = row.pending
            wins = row.wins
            losses = row.losses
            pushes = row.pushes
            voids = row.voids
            staked = Money.amount(row.stakedCents)
            profit = Money.amount(row.profitCents)
            roi = row.roi
            winRate = row.winRate
            meanClv = row.meanCLV
            clvBets = row.clvCount
            beatCloseRate = row.clvCount > 0 ? Double(row.beatCloseCount) / Double(row.clvCount) : nil
            meanFairClv = row.meanFairCLV
            fairClvBets = row.fairCLVCount
            beatFairCloseRate = row.fairCLVCount > 0 ? Double(row.beatFairCloseCount) / Double(row.fairCLVCount) : nil
        }
    }

    var overall: Figures
    var bySport: [Figures]
    var byMarket: [Figures]

    /// The view of `TrackedBetRepository.performance` rows (the overall row first).
    init(_ rows: [BettingPerformance]) {
        overall = Figures(rows.first { $0.sport == nil && $0.betType == nil } ?? BettingPerformance())
        bySport = rows.filter { $0.sport != nil }.map(Figures.init)
        byMarket = rows.filter { $0.betType != nil }.map(Figures.init)
    }
}
