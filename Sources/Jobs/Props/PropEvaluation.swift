/// A prop regression's errors on the newest games, with the model fitted on the older ones: what the prop jobs record
/// on their run (`PropRun`) and in the registered model's metrics.
struct PropEvaluation: Sendable, Equatable {
    /// Held-out player-games.
    var heldOut: Int
    /// Root mean squared error of the expected count.
    var rmse: Double
    /// Mean absolute error of the expected count.
    var mae: Double
    /// RMSE of the training rows' mean count: what the form adds is the gap to this.
    var baselineRMSE: Double
    /// Brier score of P(count > 0.5), where the model prices that threshold (batter hits).
    var brierOverHalf: Double?

    /// The newest share of examples held out.
    static let heldOutShare = 0.2

    /// `examples` (start order) cut into the older ones to fit and the newest `heldOutShare` to score; nil when fewer
    /// than half of `minimumExamples` (or none at all) would be fitted, or none held out.
    static func split<Example>(_ examples: [Example], minimumExamples: Int) -> (training: [Example], heldOut: [Example])? {
        let cut = Int(Double(examples.count) * (1 - heldOutShare))
        guard cut >= max(1, minimumExamples / 2), cut < examples.count else { return nil }
        return (Array(examples[..<cut]), Array(examples[cut...]))
    }

    /// The errors of `expected` against the held-out `actual` counts, beside always predicting `trainingMean`.
    init(actual: [Double], expected: [Double], trainingMean: Double, brierOverHalf: Double? = nil) {
        precondition(actual.count == expected.count && !actual.isEmpty, "one expectation per held-out count")
        let n = Double(actual.count)
        var (squared, absolute, baseline) = (0.0, 0.0, 0.0)
        for (count, mean) in zip(actual, expected) {
            squared += (mean - count) * (mean - count)
            absolute += abs(mean - count)
            baseline += (trainingMean - count) * (trainingMean - count)
        }
        self.heldOut = actual.count
        self.rmse = (squared / n).squareRoot()
        self.mae = absolute / n
        self.baselineRMSE = (baseline / n).squareRoot()
        self.brierOverHalf = brierOverHalf
    }

    /// The errors a registered model's `metrics` hold (see `metrics`), or nil when it holds none.
    init?(metrics: [String: Double]) {
        guard let heldOut = metrics["held_out"], let rmse = metrics["rmse"], let mae = metrics["mae"],
            let baselineRMSE = metrics["baseline_rmse"]
        else { return nil }
        self.heldOut = Int(heldOut)
        self.rmse = rmse
        self.mae = mae
        self.baselineRMSE = baselineRMSE
        self.brierOverHalf = metrics["brier_over_0_5"]
    }

    /// Records the errors on `run`.
    func record(into run: inout PropRun) {
        run.heldOut = heldOut
        run.rmse = rmse
        run.mae = mae
        run.baselineRMSE = baselineRMSE
        run.brierOverHalf = brierOverHalf
    }

    /// The errors under the names the model registry stores them by.
    var metrics: [String: Double] {
        var metrics = ["held_out": Double(heldOut), "rmse": rmse, "mae": mae, "baseline_rmse": baselineRMSE]
        metrics["brier_over_0_5"] = brierOverHalf
        return metrics
    }
}
