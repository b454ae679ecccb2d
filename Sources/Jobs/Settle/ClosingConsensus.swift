import Store

/// The closing price a prediction is measured against: the consensus of the books' closing lines.
///
/// Consensus is the median closing price over the books that quoted the prediction's selection at
/// the prediction's own line. The median, not the best price: the best close is often one slow
/// book's stale quote, which would flatter CLV, and the median ignores a single outlier where a
/// mean would not. A book that closed at a different line is left out — a price is only comparable
/// at the same point — so when the line moved everywhere there is no closing price and no CLV.
/// Users' tracked bets are measured against the same consensus as the platform's picks.
enum ClosingConsensus {
    static func price(for prediction: Prediction, in lines: [ClosingLine]) -> Double? {
        price(gameID: prediction.gameID, betType: prediction.betType, selection: prediction.selection, line: prediction.line, in: lines)
    }

    static func price(for bet: TrackedBet, in lines: [ClosingLine]) -> Double? {
        price(gameID: bet.gameID, betType: bet.betType, selection: bet.selection, line: bet.line, in: lines)
    }

    /// The consensus closing price of `selection` of `betType` in game `gameID` at `line` (the home spread or the total).
    static func price(gameID: Int, betType: BetType, selection: String, line: Double?, in lines: [ClosingLine]) -> Double? {
        guard let market = OddsMarket.key(for: betType) else { return nil }
        let point = OddsMarket.point(betType: betType, selection: selection, line: line)
        let prices = lines.filter { closing in
            closing.gameID == gameID && closing.market == market && closing.outcome == selection && samePoint(closing.point, point)
        }.map(\.price).sorted()
        guard !prices.isEmpty else { return nil }
        let middle = prices.count / 2
        return prices.count % 2 == 1 ? prices[middle] : (prices[middle - 1] + prices[middle]) / 2
    }

    /// Moneyline closing lines carry no point; spreads and totals must match to the half point
    /// (compared with a tolerance, since points travel through JSON and `float8`).
    private static func samePoint(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) < 1e-6
        default: false
        }
    }
}
