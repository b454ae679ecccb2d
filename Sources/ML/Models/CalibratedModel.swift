/// A model followed by a probability calibrator.
public struct CalibratedModel: Sendable, Equatable, Codable {
    /// How scores are recalibrated.
    public enum Calibrator: Sendable, Equatable, Codable {
        /// Isotonic regression.
        case isotonic(IsotonicCalibrator)
        /// Platt scaling.
        case platt(PlattCalibrator)

        /// Calibrated probabilities of `scores`.
        public func calibrate(_ scores: [Double]) -> [Double] {
            switch self {
            case .isotonic(let isotonic): isotonic.calibrate(scores)
            case .platt(let platt): platt.calibrate(scores)
            }
        }
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
        calibrator.calibrate(base.predict(data))
    }
}
