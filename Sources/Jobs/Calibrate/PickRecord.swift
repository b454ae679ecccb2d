import Foundation
import Store

/// A model's out-of-sample picks measured against the close: the picks it would have published on its pooled
/// games (walk-forward out of fold in training, then the evaluation window), each at the best price before that
/// game's features were taken, and their closing line value against the fair close (`ClosingConsensus.fairPrice`).
///
/// Pooled log loss says whether the model's probabilities beat the market's on average; the record says whether its
/// largest departures from the market, the ones it would stake, beat the line the market settled on. The two can
/// disagree: a model level with the market on log loss still stakes its largest departures from it. Picks are what a
/// user acts on, so picks are judged on the record (`ModelPickRecord.allowsPicks`): published only when it beat the close beyond noise.
///
/// The record is judged against the fair close, not the closing price: against the closing price, the book's margin
/// counts as value, and a model that only forecasts the market's own probability, picking whichever book's price
/// strays above it, showed a mean CLV of +2.1 % ± 0.3 on 51 picks in a dev run (and lost 4.9 % flat).
public struct PickRecord: Sendable, Equatable {
    /// The metric names the record is registered under.
    public typealias Metric = ModelPickRecord.Metric

    /// Picks made.
    public var picks: Int
    /// Of those, the picks with a fair close: every outcome of their market closed at their line at some book.
    public var withClose: Int
    /// Their mean CLV against the closing consensus price, as settlement measures live picks; 0 without any.
    public var meanCLV: Double
    /// Their mean CLV against the fair close; 0 without any.
    public var meanFairCLV: Double
    /// The standard error of that mean; 0 with fewer than two.
    public var standardError: Double
    /// Flat-stake ROI of all the picks; 0 without any.
    public var roi: Double

    /// The record of `backtest`'s bets.
    public init(_ backtest: EvaluationReport.Backtest) {
        picks = backtest.bets.count
        let closed = backtest.bets.filter { $0.fairCLV != nil }
        withClose = closed.count
        let fair = SampleMean(closed.map { $0.fairCLV! })
        meanFairCLV = fair.mean
        standardError = fair.standardError
        let raw = closed.compactMap(\.clv)
        meanCLV = raw.isEmpty ? 0 : raw.reduce(0, +) / Double(raw.count)
        let flat = backtest.bets.map { $0.won ? $0.price - 1 : -1 }
        roi = flat.isEmpty ? 0 : flat.reduce(0, +) / Double(flat.count)
    }

    /// The record as model metrics.
    public var metrics: [String: Double] {
        [Metric.picks: Double(picks), Metric.withClose: Double(withClose), Metric.clv: meanCLV, Metric.fairCLV: meanFairCLV,
         Metric.fairCLVStandardError: standardError, Metric.roi: roi]
    }

    /// The record as the model's metrics keep it, which the verdict and the rule read.
    private var registered: ModelPickRecord { ModelPickRecord(picks: withClose, meanFairCLV: meanFairCLV, standardError: standardError) }

    /// Whether the picks beat the fair close, in words (`ModelPickRecord.verdict`).
    public var verdict: String { registered.verdict }

    /// The record in a sentence, for the model's decision and report.
    public var summary: String {
        let withheld = ": it publishes forecasts without picks."
        guard picks > 0 else { return "It would have made no pick on those games, so it publishes forecasts without picks." }
        var text = picks == 1 ? "Its one out-of-sample pick on those games" : "Its \(picks) out-of-sample picks on those games"
        guard withClose > 0 else { return text + " had no closing line to be measured against" + withheld }
        text += String(
            format: " had a mean CLV of %+.2f%% ± %.2f against the fair close (the closing line less its margin) over the %d "
                + "with one (%+.2f%% against the closing prices), and a flat ROI of %+.1f%%",
            meanFairCLV * 100, standardError * 100, withClose, meanCLV * 100, roi * 100)
        return text + " (\(verdict))" + (registered.allowsPicks ? ": its picks are published." : withheld)
    }
}
