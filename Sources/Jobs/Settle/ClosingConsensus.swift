import Essentials
import Store

/// The closing price a prediction is measured against: the consensus of the books' closing lines.
///
/// Consensus is the median closing price over the books that quoted the prediction's selection at
/// the prediction's own line. The median, not the best price: the best close is often one slow
/// book's stale quote, which would flatter CLV, and the median ignores a single outlier where a
/// mean would not. A book that closed at a different line is left out — a price is only comparable
/// at the same point — so when the line moved everywhere there is no closing price and no CLV.
/// Users' tracked bets are measured against the same consensus as the platform's picks.
public enum ClosingConsensus {
    static func price(for prediction: Prediction, in lines: [ClosingLine]) -> Double? {
        price(gameID: prediction.gameID, betType: prediction.betType, selection: prediction.selection, line: prediction.line, in: lines)
    }

    static func fairPrice(for prediction: Prediction, in lines: [ClosingLine]) -> Double? {
        fairPrice(gameID: prediction.gameID, betType: prediction.betType, selection: prediction.selection, line: prediction.line, in: lines)
    }

    static func fairPrice(for bet: TrackedBet, in lines: [ClosingLine]) -> Double? {
        fairPrice(gameID: bet.gameID, betType: bet.betType, selection: bet.selection, line: bet.line, in: lines)
    }

    static func price(for bet: TrackedBet, in lines: [ClosingLine]) -> Double? {
        price(gameID: bet.gameID, betType: bet.betType, selection: bet.selection, line: bet.line, in: lines)
    }

    /// The consensus closing price of `selection` of `betType` in game `gameID` at `line` (the home spread or the total).
    public static func price(gameID: Int, betType: BetType, selection: String, line: Double?, in lines: [ClosingLine]) -> Double? {
        guard let market = OddsMarket.key(for: betType) else { return nil }
        let point = OddsMarket.point(betType: betType, selection: selection, line: line)
        let prices = lines.filter { closing in
            closing.gameID == gameID && closing.market == market && closing.outcome == selection && samePoint(closing.point, point)
        }.map(\.price)
        return LineConsensus.median(prices)
    }

    /// The consensus *fair* closing price of `selection`: the median over books of one over the book's no-vig
    /// probability of it (`OddsConversion.noVigProbabilities`), from the book's closing prices of every outcome of the
    /// market at the selection's line (home and away, and the draw where the book priced one; over and under). A book
    /// that did not close every outcome at that line is left out.
    ///
    /// CLV against the closing price counts the book's margin as value: any pick at a price no worse than the close
    /// shows one. Against the fair close, CLV is what the pick returns on average if the closing line, less its margin,
    /// was right, so a model with no edge, betting the best price at the open, measures about minus the margin.
    public static func fairPrice(gameID: Int, betType: BetType, selection: String, line: Double?, in lines: [ClosingLine]) -> Double? {
        guard let market = OddsMarket.key(for: betType) else { return nil }
        let sides = BetOutcome.selections(betType)
        let closes = lines.filter { $0.gameID == gameID && $0.market == market }
        var fair: [Double] = []
        for book in Set(closes.map(\.bookmaker)) {
            let mine = closes.filter { $0.bookmaker == book }
            var outcomes = [sides.positive, sides.negative]
            if betType == .moneyline && mine.contains(where: { $0.outcome == "draw" }) { outcomes.append("draw") }
            guard let index = outcomes.firstIndex(of: selection) else { return nil }
            let prices = outcomes.compactMap { outcome in
                mine.first { $0.outcome == outcome && samePoint($0.point, OddsMarket.point(betType: betType, selection: outcome, line: line)) }?.price
            }
            guard prices.count == outcomes.count, let probabilities = OddsConversion.noVigProbabilities(decimalPrices: prices),
                probabilities[index] > 0
            else { continue }
            fair.append(1 / probabilities[index])
        }
        return LineConsensus.median(fair)
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
