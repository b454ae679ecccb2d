/// The sequence of learners AutoML tries: the caller's leading learners, then one default of each family (as H2O
/// starts; GBM also CatBoost's symmetric default), then random draws from per-family grids, mostly gradient boosting
/// (a third of those with symmetric trees).
struct HyperparameterSearch {
    private var random: SplitMix64
    private let families: [ModelFamily]
    private var defaults: [LearnerSpecification]

    init(families: [ModelFamily], seed: UInt64, leading: [LearnerSpecification] = []) {
        self.random = SplitMix64(seed: seed ^ 0x5EA4C4)
        self.families = families
        var defaults = leading
        for family in [ModelFamily.glm, .gbm, .drf, .xrt] where families.contains(family) {
            defaults.append(.defaultLearner(family))
            if family == .gbm { defaults.append(.symmetricGradientBoosting) }
        }
        self.defaults = defaults.reversed()
    }

    /// The next learner to try.
    mutating func next() -> LearnerSpecification {
        if let first = defaults.popLast() { return first }
        // Three in four draws are GBMs when GBM is searched, the rest spread over the other families.
        let others = families.filter { $0 != .gbm }
        let family: ModelFamily = families.contains(.gbm) && (others.isEmpty || random.next() % 4 != 0)
            ? .gbm : others[Int(random.next() % UInt64(others.count))]
        switch family {
        case .gbm where random.next() % 3 == 0:
            // Symmetric trees, around CatBoost's defaults.
            var config = GradientBoostingConfiguration()
            config.symmetricDepth = pick([4, 5, 6, 7, 8])
            config.learningRate = pick([0.03, 0.05, 0.1])
            config.treeCount = Int((15 / config.learningRate).rounded()) * pick([1, 2, 3]) / 2
            config.minDataInLeaf = pick([1, 5, 20])
            config.rowSubsample = pick([0.8, 1.0])
            config.columnSubsample = pick([0.7, 1.0])
            config.l2Regularization = pick([1, 3, 10])
            config.seed = random.next()
            return .gradientBoosting(config)
        case .gbm:
            var config = GradientBoostingConfiguration()
            config.leafCount = pick([7, 15, 31, 63, 127])
            config.learningRate = pick([0.02, 0.05, 0.1, 0.2])
            config.treeCount = Int((10 / config.learningRate).rounded()) * pick([1, 2, 3]) / 2
            config.minDataInLeaf = pick([5, 10, 20, 50, 100])
            config.rowSubsample = pick([0.6, 0.8, 1.0])
            config.columnSubsample = pick([0.4, 0.7, 1.0])
            config.l2Regularization = pick([0, 1, 10])
            config.seed = random.next()
            return .gradientBoosting(config)
        case .glm:
            var config = GeneralizedLinearConfiguration()
            config.alpha = pick([0, 0.25, 0.5, 0.75, 1])
            config.lambda = pick([1e-5, 1e-4, 1e-3, 1e-2, 3e-2])
            return .generalizedLinear(config)
        case .drf, .xrt:
            var config = family == .drf ? RandomForestConfiguration() : .extraTrees
            config.treeCount = pick([50, 100])
            config.maxDepth = pick([10, 15, 20, 0])
            config.minRowsInLeaf = pick([1, 3, 10, 30])
            config.seed = random.next()
            return .randomForest(config)
        }
    }

    /// A rough size of the work a learner does, so AutoML can predict its time from learners of the same family it already fitted.
    static func cost(of learner: LearnerSpecification) -> Double {
        switch learner {
        case .gradientBoosting(let config): Double(config.treeCount * (config.symmetricDepth.map { 1 << $0 } ?? config.leafCount))
        case .generalizedLinear: 1
        case .randomForest(let config): Double(config.treeCount * (config.maxDepth > 0 ? config.maxDepth : 30))
        }
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(random.next() % UInt64(choices.count))]
    }
}
