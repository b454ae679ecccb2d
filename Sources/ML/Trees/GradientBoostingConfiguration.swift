/// Hyperparameters of histogram gradient boosting, with LightGBM's defaults.
public struct GradientBoostingConfiguration: Sendable, Equatable, Hashable, Codable {
    /// The loss to minimize.
    public var objective: BoostingObjective = .binaryLogLoss
    /// The most trees (boosting rounds); early stopping may keep fewer.
    public var treeCount = 100
    /// The most leaves per tree (leaf-wise growth).
    public var leafCount = 31
    /// The deepest a leaf may be; 0 for no limit beyond `leafCount`.
    public var maxDepth = 0
    /// When set, trees are symmetric (oblivious, CatBoost's default) of this many levels: every node of a level tests
    /// the same split, and `leafCount` and `maxDepth` are not used. Nil grows LightGBM's leaf-wise trees. Optional so
    /// that configurations stored before it existed decode.
    public var symmetricDepth: Int?
    /// Shrinkage applied to every tree.
    public var learningRate = 0.1
    /// L2 penalty λ on leaf values.
    public var l2Regularization = 0.0
    /// Least hessian sum per leaf.
    public var minChildWeight = 1e-3
    /// Least rows per leaf, as LightGBM counts them when it searches a split: each child's rows are estimated from
    /// its share of the node's hessian, so under log loss a leaf of rows with large hessians may hold fewer.
    public var minDataInLeaf = 20
    /// Least loss reduction to split.
    public var minSplitGain = 0.0
    /// Fraction of rows each tree is grown on (sampled without replacement per tree); 1 keeps all.
    public var rowSubsample = 1.0
    /// Fraction of features each tree may use; 1 keeps all.
    public var columnSubsample = 1.0
    /// Most value bins per feature (at most 255).
    public var maxBin = 255
    /// Stop after this many rounds without improvement of the validation loss (when `fit` is given a validation
    /// set); 0 disables early stopping.
    public var earlyStoppingRounds = 0
    /// Threads for histograms and prediction; 0 uses every core.
    public var threads = 0
    /// Seed of row and column sampling.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}
}
