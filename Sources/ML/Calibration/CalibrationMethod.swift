/// A way to map scores to calibrated probabilities.
public enum CalibrationMethod: String, Sendable, Codable, CaseIterable {
    /// Scores are used as they are.
    case none
    /// Isotonic regression (pool-adjacent-violators).
    case isotonic
    /// Platt scaling.
    case platt
}
