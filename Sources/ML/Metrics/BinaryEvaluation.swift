/// The standard report of a binary classifier on labelled rows.
public struct BinaryEvaluation: Sendable, Equatable, Codable {
    /// Share of correct predictions at threshold 0.5.
    public let accuracy: Double
    /// Area under the ROC curve.
    public let auc: Double
    /// Mean log loss.
    public let logLoss: Double
    /// Brier score.
    public let brier: Double
    /// Expected calibration error over 10 bins.
    public let expectedCalibrationError: Double
    /// The reliability bins behind the ECE.
    public let reliability: ReliabilityDiagram

    /// Evaluates `probabilities` against 0/1 `labels`.
    public init(labels: [Double], probabilities: [Double], calibrationBins: Int = 10) {
        accuracy = BinaryMetrics.accuracy(labels: labels, probabilities: probabilities)
        auc = BinaryMetrics.auc(labels: labels, scores: probabilities)
        logLoss = BinaryMetrics.logLoss(labels: labels, probabilities: probabilities)
        brier = BinaryMetrics.brier(labels: labels, probabilities: probabilities)
        reliability = ReliabilityDiagram(labels: labels, probabilities: probabilities, binCount: calibrationBins)
        expectedCalibrationError = reliability.expectedCalibrationError
    }
}
