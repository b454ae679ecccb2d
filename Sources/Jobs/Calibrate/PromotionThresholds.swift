import ML

/// The evaluation thresholds a challenger must pass before it may replace the champion: the seed's overall
/// targets (ML guide 2.6), overridable per `calibrate` job.
public struct PromotionThresholds: Codable, Sendable, Equatable {
    /// Minimum accuracy at 0.5.
    public var accuracy = 0.55
    /// Minimum AUC.
    public var auc = 0.58
    /// Log loss must be below this.
    public var logLoss = 0.68
    /// Brier score must be below this.
    public var brier = 0.24
    /// Expected calibration error must be below this.
    public var ece = 0.06

    /// The seed's overall targets.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case accuracy, auc, brier, ece
        case logLoss = "log_loss"
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
    }

    /// How much expected calibration error a perfectly calibrated model shows on these games by chance alone:
    /// in a bin of n games predicted p, the observed rate misses p by √(2/π)·√(p(1−p)/n) on average. On the
    /// 100–400 games of an evaluation window this is 0.04–0.08, as large as the seed's threshold, so the
    /// threshold applies to the ECE in excess of it.
    public static func calibrationNoise(_ reliability: ReliabilityDiagram) -> Double {
        let total = Double(reliability.bins.reduce(0) { $0 + $1.count })
        guard total > 0 else { return 0 }
        return reliability.bins.filter { $0.count > 0 }.reduce(0) { sum, bin in
            let p = min(max(bin.meanPredicted, 0), 1)
            return sum + Double(bin.count) / total * (2 / Double.pi).squareRoot() * (p * (1 - p) / Double(bin.count)).squareRoot()
        }
    }

    /// The ECE beyond what chance explains (never negative).
    public static func excessCalibrationError(_ evaluation: BinaryEvaluation) -> Double {
        max(0, evaluation.expectedCalibrationError - calibrationNoise(evaluation.reliability))
    }

    /// The thresholds `evaluation` misses, in words; empty when it passes them all.
    public func failures(_ evaluation: BinaryEvaluation) -> [String] {
        var failed: [String] = []
        if !(evaluation.accuracy >= accuracy) { failed.append("accuracy \(rounded(evaluation.accuracy)) < \(accuracy)") }
        if !(evaluation.auc >= auc) { failed.append("AUC \(rounded(evaluation.auc)) < \(auc)") }
        if !(evaluation.logLoss < logLoss) { failed.append("log loss \(rounded(evaluation.logLoss)) ≥ \(logLoss)") }
        if !(evaluation.brier < brier) { failed.append("Brier \(rounded(evaluation.brier)) ≥ \(brier)") }
        let excess = Self.excessCalibrationError(evaluation)
        if !(excess < ece) {
            failed.append("ECE \(rounded(evaluation.expectedCalibrationError)) (\(rounded(excess)) beyond chance) ≥ \(ece)")
        }
        return failed
    }

    private func rounded(_ value: Double) -> String { String(format: "%.4f", value) }
}
