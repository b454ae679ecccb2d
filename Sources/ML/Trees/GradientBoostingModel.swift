/// A trained gradient-boosted tree ensemble.
public struct GradientBoostingModel: Sendable, Equatable, Codable {
    /// The loss the model was trained for; decides how margins become predictions.
    public let objective: BoostingObjective
    /// The margin every prediction starts from (added to the prior's offset when there is a prior).
    public let initialMargin: Double
    /// The market prior whose per-row offset the trees were fitted on top of; nil for a model without one (and for
    /// every model archived before priors existed).
    public let prior: MarketPrior?
    /// The trees, in boosting order; leaf values already include the learning rate.
    public let trees: [DecisionTree]
    /// The bin boundaries learned on the training set.
    public let binner: QuantileBinner
    /// The validation loss after each round when early stopping was used (empty otherwise).
    public let validationLoss: [Double]

    /// The number of feature columns the model expects.
    public var featureCount: Int { binner.features.count }

    /// A model from its parts.
    public init(
        objective: BoostingObjective, initialMargin: Double, prior: MarketPrior? = nil, trees: [DecisionTree], binner: QuantileBinner,
        validationLoss: [Double]
    ) {
        self.objective = objective
        self.initialMargin = initialMargin
        self.prior = prior
        self.trees = trees
        self.binner = binner
        self.validationLoss = validationLoss
    }

    /// Raw scores (log-odds for binary log loss), one per row, computed on `threads` threads (0: all cores): the
    /// prior's offset, the initial margin and the trees.
    public func margins(_ data: Dataset, threads: Int = 0) -> [Double] {
        var margins = TreeEnsemblePrediction.sums(trees: trees, data: data, base: initialMargin, scale: 1, threads: threads)
        if let prior {
            for (i, offset) in prior.offsets(data).enumerated() { margins[i] += offset }
        }
        return margins
    }

    /// Predictions: probabilities of class 1 for binary log loss, values for squared error.
    public func predict(_ data: Dataset, threads: Int = 0) -> [Double] {
        margins(data, threads: threads).map(objective.transform)
    }
}
