/// Hyperparameters of random forests (DRF) and extremely randomized trees (XRT), with scikit-learn's defaults.
public struct RandomForestConfiguration: Sendable, Equatable, Hashable, Codable {
    /// Best split over sampled features (DRF), or a random threshold per sampled feature (XRT).
    public enum Splitting: String, Sendable, Codable, CaseIterable {
        /// Random forest: the best threshold of each candidate feature.
        case best
        /// Extremely randomized trees: one uniformly drawn threshold per candidate feature.
        case randomThreshold
    }

    /// How thresholds are chosen.
    public var splitting: Splitting = .best
    /// Number of trees.
    public var treeCount = 100
    /// Deepest a leaf may be; 0 for no limit.
    public var maxDepth = 0
    /// Least (bootstrap-weighted) rows per leaf.
    public var minRowsInLeaf = 1
    /// Features considered per split; 0 means √(feature count).
    public var featuresPerSplit = 0
    /// Grow each tree on a bootstrap sample (draws with replacement, as many as rows).
    public var bootstrap = true
    /// Most value bins per feature (at most 255).
    public var maxBin = 255
    /// Threads growing trees in parallel; 0 uses every core.
    public var threads = 0
    /// Seed of bootstrap and feature sampling.
    public var seed: UInt64 = 0

    /// The defaults of a random forest.
    public init() {}

    /// The defaults of extremely randomized trees: random thresholds, no bootstrap.
    public static var extraTrees: RandomForestConfiguration {
        var config = RandomForestConfiguration()
        config.splitting = .randomThreshold
        config.bootstrap = false
        return config
    }
}
