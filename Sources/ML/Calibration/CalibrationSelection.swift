#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Chooses a calibration method by cross-fitting on the calibration rows themselves, so a method that overfits a
/// small set (isotonic steps to 0 or 1 at the extremes are the usual culprit) is not picked for its in-sample fit.
///
/// A calibrator must also beat the raw scores by more than chance: its cross-fitted log loss must be lower than
/// theirs by more than two standard errors of the per-row differences. The smallest of three noisy estimates is
/// biased low, and on a hundred rows of scores that are already calibrated (a model anchored to a sharp market) a
/// calibrator fitted to noise would otherwise win about as often as not, and lose on new games.
public enum CalibrationSelection {
    /// The outcome: the chosen method, its calibrator fitted on all rows, and each method's cross-fitted log loss.
    public struct Choice: Sendable {
        /// The calibrator with the lowest cross-fitted log loss if it beats the raw scores by more than two standard
        /// error (ties favour isotonic, then Platt); otherwise none.
        public let method: CalibrationMethod
        /// The chosen calibrator fitted on every row; nil for ``CalibrationMethod/none``.
        public let calibrator: CalibratedModel.Calibrator?
        /// Cross-fitted log loss per method, on the rows cross-fitted (all rows when none were).
        public let logLoss: [CalibrationMethod: Double]
    }

    /// Cross-fits isotonic and Platt calibration over `folds` folds of the rows and compares them with the raw scores
    /// on the rows cross-fitted: every row with stratified shuffled folds; under ``ValidationScheme/walkForward``
    /// (rows in time order) each calibrator is fitted on earlier rows only, and the first block is left out of the comparison.
    public static func choose(
        scores: [Double], labels: [Double], folds: Int = 5, seed: UInt64 = 0, scheme: ValidationScheme = .shuffled
    ) -> Choice {
        precondition(scores.count == labels.count)
        var losses: [CalibrationMethod: Double] = [.none: BinaryMetrics.logLoss(labels: labels, probabilities: scores)]
        var crossFitted: [CalibrationMethod: [Double]] = [:]
        var compared = Array(labels.indices)
        let positives = labels.filter { $0 > 0.5 }.count
        if min(positives, labels.count - positives) >= folds {
            var isotonic = [Double](repeating: .nan, count: scores.count)
            var platt = [Double](repeating: .nan, count: scores.count)
            for fold in DataSplits.folds(scheme, rowCount: scores.count, folds: folds, seed: seed, labels: labels) {
                let trainScores = fold.train.map { scores[$0] }
                let trainLabels = fold.train.map { labels[$0] }
                // An early walk-forward block may hold one class only: nothing to calibrate on.
                guard Set(trainLabels).count == 2 else { continue }
                let iso = IsotonicCalibrator(scores: trainScores, labels: trainLabels)
                let sigmoid = PlattCalibrator(scores: trainScores, labels: trainLabels)
                for row in fold.validation {
                    isotonic[row] = iso.calibrate(scores[row])
                    platt[row] = sigmoid.calibrate(scores[row])
                }
            }
            compared = labels.indices.filter { !isotonic[$0].isNaN }
            if !compared.isEmpty {
                let y = compared.map { labels[$0] }
                losses[.none] = BinaryMetrics.logLoss(labels: y, probabilities: compared.map { scores[$0] })
                losses[.isotonic] = BinaryMetrics.logLoss(labels: y, probabilities: compared.map { isotonic[$0] })
                losses[.platt] = BinaryMetrics.logLoss(labels: y, probabilities: compared.map { platt[$0] })
                crossFitted = [.isotonic: compared.map { isotonic[$0] }, .platt: compared.map { platt[$0] }]
            }
        }
        var method = CalibrationMethod.none
        if let best = [CalibrationMethod.isotonic, .platt].filter({ crossFitted[$0] != nil }).min(by: { losses[$0]! < losses[$1]! }),
            clearlyBetter(crossFitted[best]!, than: compared.map { scores[$0] }, labels: compared.map { labels[$0] })
        {
            method = best
        }
        let calibrator: CalibratedModel.Calibrator? =
            switch method {
            case .none: nil
            case .isotonic: .isotonic(IsotonicCalibrator(scores: scores, labels: labels))
            case .platt: .platt(PlattCalibrator(scores: scores, labels: labels))
            }
        return Choice(method: method, calibrator: calibrator, logLoss: losses)
    }

    /// Whether `candidate`'s mean log loss is below `baseline`'s by more than `standardErrors` standard errors of the
    /// per-row differences.
    static func clearlyBetter(_ candidate: [Double], than baseline: [Double], labels: [Double], standardErrors: Double = 2) -> Bool {
        func loss(_ p: Double, _ y: Double) -> Double {
            let q = min(max(p, 1e-15), 1 - 1e-15)
            return y > 0.5 ? -log(q) : -log(1 - q)
        }
        let differences = labels.indices.map { loss(candidate[$0], labels[$0]) - loss(baseline[$0], labels[$0]) }
        let n = Double(differences.count)
        guard n > 1 else { return false }
        let mean = differences.reduce(0, +) / n
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return mean < -standardErrors * (variance / n).squareRoot()
    }
}
