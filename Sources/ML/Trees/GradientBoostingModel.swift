/// A trained gradient-boosted tree ensemble.
public struct GradientBoostingModel: Sendable, Equatable, Codable {
    /// The loss the model was trained for; decides how margins become predictions.
    public let objective: BoostingObjective
    /// The margin every prediction starts from.
    public let initialMargin: Double
    /// The trees, in boosting order; leaf values already include the learning rate.
    public let trees: [DecisionTree]
    /// The bin boundaries learned on the training set.
    public let binner: QuantileBinner
    /// The validation loss after each round when early stopping was used (empty otherwise).
    public let validationLoss: [Double]

    /// The number of feature columns the model expects.
    public var featureCount: Int { binner.features.count }

    /// Raw scores (log-odds for binary log loss), one per row, computed on `threads` threads (0: all cores).
    public func margins(_ data: Dataset, threads: Int = 0) -> [Double] {
        TreeEnsemblePrediction.sums(trees: trees, data: data, base: initialMargin, scale: 1, threads: threads)
    }

    /// Predictions: probabilities of class 1 for binary log loss, values for squared error.
    public func predict(_ data: Dataset, threads: Int = 0) -> [Double] {
        margins(data, threads: threads).map(objective.transform)
    }
}
