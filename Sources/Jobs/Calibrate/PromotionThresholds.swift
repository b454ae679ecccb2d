import Foundation
import ML

/// The evaluation thresholds a challenger must pass before it may replace the champion: the seed's overall
/// targets (ML guide 2.6), overridable per `calibrate` job.
///
/// They are judged on enough games to mean something: the calibrated model's walk-forward out-of-fold predictions
/// over the training window pooled with its predictions on the evaluation window (see ``ModelCalibrator``), not on
/// the hundred-odd games of the evaluation window alone, where a perfectly calibrated model shows an ECE of 0.04–0.08
/// by chance.
public struct PromotionThresholds: Codable, Sendable, Equatable {
    /// Minimum accuracy at 0.5.
    public var accuracy = 0.55
    /// Minimum AUC.
    public var auc = 0.58
    /// Log loss must be below this.
    public var logLoss = 0.68
    /// Brier score must be below this.
    public var brier = 0.24
    /// Expected calibration error as the seed defines it (10 equal-width bins, Σ (n_b/N)·|mean p − observed rate|)
    /// must be below this.
    public var ece = 0.06
    /// Whether a model worse than the market it starts from (on the pooled games, by more than two standard errors)
    /// fails: it would publish forecasts the market's own price beats, however well it meets the thresholds above.
    public var notWorseThanMarket = true

    /// The seed's overall targets.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case accuracy, auc, brier, ece
        case logLoss = "log_loss"
        case notWorseThanMarket = "not_worse_than_market"
    }

    /// Every key is optional: what a job leaves out keeps the seed's target.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PromotionThresholds()
        accuracy = try container.decodeIfPresent(Double.self, forKey: .accuracy) ?? defaults.accuracy
        auc = try container.decodeIfPresent(Double.self, forKey: .auc) ?? defaults.auc
        logLoss = try container.decodeIfPresent(Double.self, forKey: .logLoss) ?? defaults.logLoss
        brier = try container.decodeIfPresent(Double.self, forKey: .brier) ?? defaults.brier
        ece = try container.decodeIfPresent(Double.self, forKey: .ece) ?? defaults.ece
        notWorseThanMarket = try container.decodeIfPresent(Bool.self, forKey: .notWorseThanMarket) ?? defaults.notWorseThanMarket
    }

    /// The thresholds `evaluation` misses, in words; empty when it passes them all.
    public func failures(_ evaluation: BinaryEvaluation) -> [String] {
        var failed: [String] = []
        if !(evaluation.accuracy >= accuracy) { failed.append("accuracy \(rounded(evaluation.accuracy)) < \(accuracy)") }
        if !(evaluation.auc >= auc) { failed.append("AUC \(rounded(evaluation.auc)) < \(auc)") }
        if !(evaluation.logLoss < logLoss) { failed.append("log loss \(rounded(evaluation.logLoss)) ≥ \(logLoss)") }
        if !(evaluation.brier < brier) { failed.append("Brier \(rounded(evaluation.brier)) ≥ \(brier)") }
        if !(evaluation.expectedCalibrationError < ece) { failed.append("ECE \(rounded(evaluation.expectedCalibrationError)) ≥ \(ece)") }
        return failed
    }

    /// The thresholds a model misses on its pooled games, and the market rule, in words; empty when it passes.
    public func failures(_ pooled: PooledEvaluation) -> [String] {
        var failed = failures(pooled.model)
        if notWorseThanMarket, pooled.logLossDifference > 2 * pooled.standardError {
            failed.append(
                String(format: "log loss %.4f ± %.4f above the market's (over two standard errors)", pooled.logLossDifference, pooled.standardError))
        }
        return failed
    }

    private func rounded(_ value: Double) -> String { String(format: "%.4f", value) }
}
