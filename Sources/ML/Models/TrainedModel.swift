/// Any fitted model of the library, behind one prediction method and one serializable type.
public indirect enum TrainedModel: Sendable, Equatable, Codable {
    /// A gradient-boosted tree ensemble.
    case gradientBoosting(GradientBoostingModel)
    /// An elastic-net GLM.
    case generalizedLinear(GeneralizedLinearModel)
    /// A random forest or extremely randomized trees.
    case randomForest(RandomForestModel)
    /// The k fold models of one learner, averaged.
    case bagged(BaggedModel)
    /// Base models combined by a metalearner (H2O's stacked ensemble).
    case stackedEnsemble(StackedEnsembleModel)
    /// Layers of bagged models feeding the next layer, ending in a weighted ensemble (AutoGluon's stack).
    case multiLayerStack(MultiLayerStackModel)
    /// A weighted average of member probabilities (Caruana selection, soft voting, meta-ensemble).
    case weightedEnsemble(WeightedEnsembleModel)
    /// A model whose probabilities pass through a calibrator.
    case calibrated(CalibratedModel)
    /// A learner pulled toward a market prior by a weight chosen on held-out rows.
    case priorAnchored(PriorAnchoredModel)

    /// The probability of class 1 for every row (the value itself for regression models).
    public func predict(_ data: Dataset) -> [Double] {
        switch self {
        case .gradientBoosting(let model): model.predict(data)
        case .generalizedLinear(let model): model.predict(data)
        case .randomForest(let model): model.predict(data)
        case .bagged(let model): model.predict(data)
        case .stackedEnsemble(let model): model.predict(data)
        case .multiLayerStack(let model): model.predict(data)
        case .weightedEnsemble(let model): model.predict(data)
        case .calibrated(let model): model.predict(data)
        case .priorAnchored(let model): model.predict(data)
        }
    }
}
