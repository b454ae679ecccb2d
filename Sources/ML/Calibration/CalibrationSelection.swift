/// Chooses a calibration method by cross-fitting on the calibration rows themselves, so a method that overfits a
/// small set (isotonic steps to 0 or 1 at the extremes are the usual culprit) is not picked for its in-sample fit.
public enum CalibrationSelection {
    /// The outcome: the chosen method, its calibrator fitted on all rows, and each method's cross-fitted log loss.
    public struct Choice: Sendable {
        /// The method with the lowest cross-fitted log loss (ties favour isotonic, then Platt, then none).
        public let method: CalibrationMethod
        /// The chosen calibrator fitted on every row; nil for ``CalibrationMethod/none``.
        public let calibrator: CalibratedModel.Calibrator?
        /// Cross-fitted log loss per method.
        public let logLoss: [CalibrationMethod: Double]
    }

    /// Cross-fits isotonic and Platt calibration over `folds` stratified folds of the rows and compares them with the raw scores.
    public static func choose(scores: [Double], labels: [Double], folds: Int = 5, seed: UInt64 = 0) -> Choice {
        precondition(scores.count == labels.count)
        var losses: [CalibrationMethod: Double] = [.none: BinaryMetrics.logLoss(labels: labels, probabilities: scores)]
        let positives = labels.filter { $0 > 0.5 }.count
        if min(positives, labels.count - positives) >= folds {
            var isotonic = [Double](repeating: 0, count: scores.count)
            var platt = [Double](repeating: 0, count: scores.count)
            for fold in DataSplits.kFold(rowCount: scores.count, folds: folds, seed: seed, stratifiedBy: labels) {
                let trainScores = fold.train.map { scores[$0] }
                let trainLabels = fold.train.map { labels[$0] }
                let iso = IsotonicCalibrator(scores: trainScores, labels: trainLabels)
                let sigmoid = PlattCalibrator(scores: trainScores, labels: trainLabels)
                for row in fold.validation {
                    isotonic[row] = iso.calibrate(scores[row])
                    platt[row] = sigmoid.calibrate(scores[row])
                }
            }
            losses[.isotonic] = BinaryMetrics.logLoss(labels: labels, probabilities: isotonic)
            losses[.platt] = BinaryMetrics.logLoss(labels: labels, probabilities: platt)
        }
        let method = [CalibrationMethod.isotonic, .platt, .none].filter { losses[$0] != nil }.min { losses[$0]! < losses[$1]! }!
        let calibrator: CalibratedModel.Calibrator? =
            switch method {
            case .none: nil
            case .isotonic: .isotonic(IsotonicCalibrator(scores: scores, labels: labels))
            case .platt: .platt(PlattCalibrator(scores: scores, labels: labels))
            }
        return Choice(method: method, calibrator: calibrator, logLoss: losses)
    }
}
