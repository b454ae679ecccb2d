/// A model followed by a probability calibrator.
public struct CalibratedModel: Sendable, Equatable, Codable {
    /// How scores are recalibrated.
    public enum Calibrator: Sendable, Equatable, Codable {
        /// Isotonic regression.
        case isotonic(IsotonicCalibrator)
        /// Platt scaling.
        case platt(PlattCalibrator)
    }

    /// The model whose probabilities are calibrated.
    public let base: TrainedModel
    /// The calibrator.
    public let calibrator: Calibrator

    /// A calibrated model.
    public init(base: TrainedModel, calibrator: Calibrator) {
        self.base = base
        self.calibrator = calibrator
    }

    /// The calibrated probabilities.
    public func predict(_ data: Dataset) -> [Double] {
        let scores = base.predict(data)
        switch calibrator {
        case .isotonic(let isotonic): return isotonic.calibrate(scores)
        case .platt(let platt): return platt.calibrate(scores)
        }
    }
}
