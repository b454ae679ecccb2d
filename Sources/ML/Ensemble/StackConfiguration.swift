/// Options of the AutoGluon-style multi-layer stack.
public struct StackConfiguration: Sendable, Equatable, Codable {
    /// The learners of every layer.
    public var learners: [LearnerSpecification] = [
        LearnerSpecification.defaultLearner(.gbm),
        {
            var config = GradientBoostingConfiguration()
            config.leafCount = 15
            config.learningRate = 0.05
            config.treeCount = 200
            config.columnSubsample = 0.7
            config.rowSubsample = 0.8
            return .gradientBoosting(config)
        }(),
        LearnerSpecification.symmetricGradientBoosting,
        LearnerSpecification.defaultLearner(.drf),
        LearnerSpecification.defaultLearner(.xrt),
        LearnerSpecification.defaultLearner(.glm),
    ]
    /// Folds of k-fold bagging (each model is the average of its fold models), or of walk-forward validation.
    public var folds = 5
    /// How rows are cut into folds: ``ValidationScheme/shuffled`` for rows without a time order (the default, as on
    /// the ML bench's CSVs), ``ValidationScheme/walkForward`` for rows in time order (the platform's games).
    public var validation = ValidationScheme.shuffled
    /// Stack layers; 1 is plain bagging plus the weighted ensemble.
    public var layers = 2
    /// Greedy additions of the final weighted ensemble.
    public var ensembleIterations = 25
    /// Seed of the bagging folds.
    public var seed: UInt64 = 0
    /// Threads each tree learner uses; 0 uses every core.
    public var threads = 0
    /// The market prior every model of every layer is fitted on top of and anchored to (see
    /// ``LearnerSpecification/fit(_:labels:prior:)``); nil fits the learners alone.
    public var prior: MarketPrior?

    /// The defaults: GBM (two leaf-wise settings and a symmetric one), DRF, XRT and GLM in two layers with 5-fold
    /// bagging.
    public init() {}
}
