/// The platform's full training result: the calibrated blend of AutoML, Stack and soft voting.
public struct MetaEnsembleResult: Sendable {
    /// The calibrated blend, ready to predict.
    public let model: TrainedModel
    /// The calibration applied to the blend.
    public let calibration: CalibrationMethod
    /// Weights of AutoML's leader, the stack and the voting ensemble.
    public let weights: [Double]
    /// Validation log loss of each component before blending.
    public let componentLogLoss: [Double]
    /// Validation log loss of the blend before calibration.
    public let blendLogLoss: Double
    /// AutoML's leaderboard.
    public let leaderboard: [LeaderboardEntry]
}
