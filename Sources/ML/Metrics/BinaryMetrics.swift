#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Metrics of predicted probabilities against 0/1 labels.
public enum BinaryMetrics {
    /// The share of rows whose thresholded probability equals the label.
    public static func accuracy(labels: [Double], probabilities: [Double], threshold: Double = 0.5) -> Double {
        precondition(labels.count == probabilities.count)
        guard !labels.isEmpty else { return .nan }
        let correct = zip(labels, probabilities).reduce(0) { $0 + (($1.1 >= threshold ? 1.0 : 0.0) == $1.0 ? 1 : 0) }
        return Double(correct) / Double(labels.count)
    }

    /// Area under the ROC curve: the probability that a random positive scores above a random negative, ties counting half.
    ///
    /// NaN when only one class is present.
    public static func auc(labels: [Double], scores: [Double]) -> Double {
        precondition(labels.count == scores.count)
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumPositive = 0.0
        var positives = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            // Tied scores share the mean of their ranks (1-based).
            let rank = Double(i + j + 2) / 2
            for k in i...j where labels[order[k]] > 0.5 {
                rankSumPositive += rank
                positives += 1
            }
            i = j + 1
        }
        let negatives = Double(labels.count) - positives
        guard positives > 0 && negatives > 0 else { return .nan }
        return (rankSumPositive - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// Mean negative log-likelihood, probabilities clipped to `[1e-15, 1 - 1e-15]`.
    public static func logLoss(labels: [Double], probabilities: [Double]) -> Double {
        precondition(labels.count == probabilities.count)
        guard !labels.isEmpty else { return .nan }
        var total = 0.0
        for (y, p) in zip(labels, probabilities) {
            let q = min(max(p, 1e-15), 1 - 1e-15)
            total -= y * log(q) + (1 - y) * log(1 - q)
        }
        return total / Double(labels.count)
    }

    /// Mean squared difference between probability and label.
    public static func brier(labels: [Double], probabilities: [Double]) -> Double {
        precondition(labels.count == probabilities.count)
        guard !labels.isEmpty else { return .nan }
        return zip(labels, probabilities).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) } / Double(labels.count)
    }

    /// Expected calibration error over `binCount` equal-width probability bins.
    public static func expectedCalibrationError(labels: [Double], probabilities: [Double], binCount: Int = 10) -> Double {
        ReliabilityDiagram(labels: labels, probabilities: probabilities, binCount: binCount).expectedCalibrationError
    }
}
