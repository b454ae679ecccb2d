@testable import ML

/// Learners small enough for unit tests.
extension GradientBoostingConfiguration {
    /// `trees` trees of `leaves` leaves on two threads, then `change`.
    static func small(trees: Int, leaves: Int, _ change: (inout GradientBoostingConfiguration) -> Void = { _ in }) -> GradientBoostingConfiguration {
        var config = GradientBoostingConfiguration()
        config.treeCount = trees
        config.leafCount = leaves
        config.threads = 2
        change(&config)
        return config
    }
}

extension LearnerSpecification {
    /// A GBM of `trees` trees of 8 leaves.
    static func smallGBM(trees: Int = 30, learningRate: Double? = nil, threads: Int = 2) -> LearnerSpecification {
        var config = GradientBoostingConfiguration()
        config.treeCount = trees
        config.leafCount = 8
        if let learningRate { config.learningRate = learningRate }
        config.threads = threads
        return .gradientBoosting(config)
    }

    /// A random forest (or extra trees) of `trees` trees at most `depth` deep.
    static func smallForest(
        _ splitting: RandomForestConfiguration.Splitting = .best, trees: Int = 15, depth: Int = 8, threads: Int = 2
    ) -> LearnerSpecification {
        var config = splitting == .best ? RandomForestConfiguration() : .extraTrees
        config.treeCount = trees
        config.maxDepth = depth
        config.threads = threads
        return .randomForest(config)
    }
}
