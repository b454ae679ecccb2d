/// A learner and its hyperparameters: what AutoML searches over and what stacks train in each layer.
public enum LearnerSpecification: Sendable, Equatable, Hashable, Codable {
    /// Histogram gradient boosting.
    case gradientBoosting(GradientBoostingConfiguration)
    /// Elastic-net GLM.
    case generalizedLinear(GeneralizedLinearConfiguration)
    /// Random forest or extremely randomized trees.
    case randomForest(RandomForestConfiguration)

    /// The family the learner belongs to.
    public var family: ModelFamily {
        switch self {
        case .gradientBoosting: .gbm
        case .generalizedLinear: .glm
        case .randomForest(let config): config.splitting == .best ? .drf : .xrt
        }
    }

    /// CatBoost's default shape in this GBM: symmetric trees of six levels, learning rate 0.05, λ 3, 300 rounds (what
    /// CatBoost's early stopping kept on the AutoML bench data). AutoML tries it right after the leaf-wise default.
    public static var symmetricGradientBoosting: LearnerSpecification {
        var config = GradientBoostingConfiguration()
        config.symmetricDepth = 6
        config.treeCount = 300
        config.learningRate = 0.05
        config.l2Regularization = 3
        config.minDataInLeaf = 5
        return .gradientBoosting(config)
    }

    /// The first model AutoML tries for a family: LightGBM-like GBM defaults, a lightly penalized elastic net,
    /// and H2O's 50-tree, depth-20 forests.
    public static func defaultLearner(_ family: ModelFamily) -> LearnerSpecification {
        switch family {
        case .gbm:
            var config = GradientBoostingConfiguration()
            config.leafCount = 31
            config.treeCount = 100
            config.learningRate = 0.1
            return .gradientBoosting(config)
        case .glm:
            // As H2O's AutoML does: the default GLM searches its penalty.
            var config = GeneralizedLinearConfiguration()
            config.lambdaSearch = true
            return .generalizedLinear(config)
        case .drf:
            var config = RandomForestConfiguration()
            config.treeCount = 50
            config.maxDepth = 20
            return .randomForest(config)
        case .xrt:
            var config = RandomForestConfiguration.extraTrees
            config.treeCount = 50
            config.maxDepth = 20
            return .randomForest(config)
        }
    }

    /// Fits the learner on 0/1 labels.
    public func fit(_ data: Dataset, labels: [Double]) throws -> TrainedModel {
        switch self {
        case .gradientBoosting(let config): .gradientBoosting(try GradientBoosting(configuration: config).fit(data, labels: labels))
        case .generalizedLinear(let config): .generalizedLinear(try GeneralizedLinear(configuration: config).fit(data, labels: labels))
        case .randomForest(let config): .randomForest(try RandomForest(configuration: config).fit(data, labels: labels))
        }
    }

    /// The same learner with its thread count set (tree learners only; the GLM is single-threaded).
    public func withThreads(_ threads: Int) -> LearnerSpecification {
        switch self {
        case .gradientBoosting(var config):
            config.threads = threads
            return .gradientBoosting(config)
        case .generalizedLinear:
            return self
        case .randomForest(var config):
            config.threads = threads
            return .randomForest(config)
        }
    }
}
