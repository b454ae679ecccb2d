/// Out-of-fold predictions: each fold's model scores the rows it did not see.
public enum CrossValidation {
    /// The result of cross-validating one learner.
    public struct Result: Sendable {
        /// One prediction per row from the fold that held it out; NaN for rows no fold validates (walk-forward).
        public let outOfFold: [Double]
        /// The model of each fold.
        public let foldModels: [TrainedModel]
    }

    /// Fits `learner` on each fold's training rows (on top of `prior`, when given) and predicts its validation rows.
    public static func run(_ learner: LearnerSpecification, data: Dataset, labels: [Double], folds: [Fold], prior: MarketPrior? = nil) -> Result {
        var outOfFold = [Double](repeating: .nan, count: data.rowCount)
        var models = [TrainedModel]()
        for fold in folds {
            let model = learner.fit(data.selecting(rows: fold.train), labels: fold.train.map { labels[$0] }, prior: prior)
            let predictions = model.predict(data.selecting(rows: fold.validation))
            for (row, p) in zip(fold.validation, predictions) { outOfFold[row] = p }
            models.append(model)
        }
        return Result(outOfFold: outOfFold, foldModels: models)
    }
}
