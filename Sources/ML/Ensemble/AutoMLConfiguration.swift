/// Limits and options of an AutoML run (H2O AutoML's parameters).
public struct AutoMLConfiguration: Sendable, Equatable, Codable {
    /// Most base models to train (stacked ensembles not counted).
    public var maxModels = 20
    /// Time budget in seconds. No new base model starts once 90% of it is spent, nor one whose time, estimated from
    /// the models of its family fitted so far, would cross that mark; a model in progress is never interrupted.
    /// A run is deterministic given the seed as long as `maxModels`, not the clock, ends the search.
    public var maxRuntimeSeconds = 60.0
    /// Cross-validation folds when no folds are given.
    public var folds = 5
    /// How rows are cut into folds when no folds are given: ``ValidationScheme/shuffled`` for rows without a time
    /// order (the default, as on the ML bench's CSVs), ``ValidationScheme/walkForward`` for rows in time order.
    public var validation = ValidationScheme.shuffled
    /// The families to search.
    public var families: [ModelFamily] = ModelFamily.allCases
    /// Learners tried before the search's first defaults, whatever `families` says: models the caller knows the
    /// data well enough to build (such as a GLM on the columns that adjust the prior), ranked like every other.
    public var leadingLearners: [LearnerSpecification] = []
    /// Whether to build the two stacked ensembles (all models; best of family).
    public var stackedEnsembles = true
    /// How the leaderboard is sorted.
    public var sortMetric: LeaderboardMetric = .auc
    /// Seed of folds and of the hyperparameter search.
    public var seed: UInt64 = 0
    /// Threads each tree learner uses; 0 uses every core.
    public var threads = 0
    /// The market prior every model is fitted on top of and anchored to (see
    /// ``LearnerSpecification/fit(_:labels:prior:)``); nil fits the learners alone.
    public var prior: MarketPrior?

    /// The defaults.
    public init() {}
}
