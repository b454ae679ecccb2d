/// One model of an AutoML run, scored on its cross-validated (out-of-fold) predictions.
public struct LeaderboardEntry: Sendable, Equatable, Codable {
    /// A unique name such as `GBM_3` or `StackedEnsemble_BestOfFamily`.
    public let name: String
    /// The learner's family, or nil for a stacked ensemble.
    public let family: ModelFamily?
    /// The learner and hyperparameters, or nil for a stacked ensemble.
    public let learner: LearnerSpecification?
    /// Out-of-fold AUC.
    public let auc: Double
    /// Out-of-fold log loss.
    public let logLoss: Double
    /// Out-of-fold Brier score.
    public let brier: Double
    /// Seconds spent on cross-validation and the final fit.
    public let fitSeconds: Double
}
