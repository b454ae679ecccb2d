import Store

/// Whether a game's features still price the market a forecast would be published against.
///
/// Features carry the moneyline as it stood at their as-of (`line_homewinprob_current`), and every learner is anchored
/// to it. When the books have moved since (news the features have not seen, or features taken before the first live
/// prices), the model's probability is the old line's, and its edge against today's price is only the move. Such a
/// game waits for features that have seen the move (the next `featurize`), rather than publish a stale edge.
enum LineDrift {
    /// How far, in no-vig probability of a home win, today's consensus may be from the features' line.
    static let tolerance = 0.03

    /// Today's moneyline consensus: the median over books of the home side's no-vig probability at each book's latest
    /// prices (over home, away and the draw in a three-way market); nil without a book quoting every outcome.
    static func currentHomeWin(_ snapshots: [OddsSnapshot], threeWay: Bool) -> Double? {
        let outcomes = threeWay ? ["home", "away", "draw"] : ["home", "away"]
        var probabilities: [Double] = []
        for book in Dictionary(grouping: snapshots.filter { $0.market == "h2h" }, by: \.bookmaker).values {
            let prices = outcomes.compactMap { outcome in book.filter { $0.outcome == outcome }.max { $0.recordedAt < $1.recordedAt }?.price }
            guard prices.count == outcomes.count,
                let probability = LineConsensus.vigFreeProbability(price: prices[0], otherPrices: Array(prices.dropFirst()))
            else { continue }
            probabilities.append(probability)
        }
        return LineConsensus.median(probabilities)
    }

    /// True when the features' line and today's consensus are both known and differ by more than ``tolerance``.
    static func isStale(features: [String: Double], snapshots: [OddsSnapshot], threeWay: Bool) -> Bool {
        guard let seen = features["line_homewinprob_current"], let now = currentHomeWin(snapshots, threeWay: threeWay) else { return false }
        return abs(seen - now) > tolerance
    }
}
