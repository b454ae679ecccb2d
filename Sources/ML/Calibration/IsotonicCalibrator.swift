/// Isotonic calibration: the non-decreasing map from score to probability that best fits the labels in squared error,
/// found by pool-adjacent-violators and applied by linear interpolation between its knots (as scikit-learn does), kept
/// inside (0, 1) by half an observation.
public struct IsotonicCalibrator: Sendable, Equatable, Codable {
    /// Scores at the knots, strictly increasing.
    public let knots: [Double]
    /// Calibrated probability at each knot, non-decreasing.
    public let values: [Double]

    /// Fits the calibrator to scores and 0/1 labels (optionally weighted).
    public init(scores: [Double], labels: [Double], weights: [Double]? = nil) {
        precondition(scores.count == labels.count && !scores.isEmpty, "one label per score, at least one")
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        // Blocks of pooled points: weighted label sum, weight, and the score range they cover.
        var sum = [Double]()
        var weight = [Double]()
        var low = [Double]()
        var high = [Double]()
        for i in order {
            let w = weights?[i] ?? 1
            let x = scores[i]
            if let last = high.last, last == x {
                sum[sum.count - 1] += w * labels[i]
                weight[weight.count - 1] += w
            } else {
                sum.append(w * labels[i])
                weight.append(w)
                low.append(x)
                high.append(x)
            }
            while sum.count > 1 && sum[sum.count - 2] / weight[weight.count - 2] >= sum[sum.count - 1] / weight[weight.count - 1] {
                let s = sum.removeLast()
                let w = weight.removeLast()
                let h = high.removeLast()
                low.removeLast()
                sum[sum.count - 1] += s
                weight[weight.count - 1] += w
                high[high.count - 1] = h
            }
        }
        // A block of all zeros or all ones would forecast certainty, and one game the other way an unbounded log loss:
        // the values stop half an observation short of 0 and 1.
        let margin = 0.5 / (weight.reduce(0, +) + 1)
        var knots = [Double]()
        var values = [Double]()
        for b in sum.indices {
            let value = min(max(sum[b] / weight[b], margin), 1 - margin)
            knots.append(low[b])
            values.append(value)
            if high[b] > low[b] {
                knots.append(high[b])
                values.append(value)
            }
        }
        self.knots = knots
        self.values = values
    }

    /// The calibrated probability of one score (clamped to the fitted range).
    public func calibrate(_ score: Double) -> Double {
        guard score > knots[0] else { return values[0] }
        guard score < knots[knots.count - 1] else { return values[values.count - 1] }
        var low = 0
        var high = knots.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if knots[middle] <= score { low = middle } else { high = middle }
        }
        let t = (score - knots[low]) / (knots[high] - knots[low])
        return values[low] + t * (values[high] - values[low])
    }

    /// The calibrated probabilities of many scores.
    public func calibrate(_ scores: [Double]) -> [Double] {
        scores.map { calibrate($0) }
    }
}
