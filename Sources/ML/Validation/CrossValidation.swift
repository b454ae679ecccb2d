/// Out-of-fold predictions: each fold's model scores the rows it did not see.
public enum CrossValidation {
    /// The result of cross-validating one learner.
    public struct Result: Sendable {
        /// One prediction per row from the fold that held it out; NaN for rows no fold validates (walk-forward).
        public let outOfFold: [Double]
        /// The same rows scored by each fold's learner itself, before anchoring to the prior (equal to `outOfFold`
        /// without a prior): what the learner learnt, even where anchoring then kept none of it.
        public let learnerOutOfFold: [Double]
        /// The model of each fold.
        public let foldModels: [TrainedModel]
    }

    /// Fits `learner` on each fold's training rows (on top of `prior`, when given) and predicts its validation rows.
    public static func run(_ learner: LearnerSpecification, data: Dataset, labels: [Double], folds: [Fold], prior: MarketPrior? = nil) throws -> Result {
        var outOfFold = [Double](repeating: .nan, count: data.rowCount)
        var learnerOutOfFold = outOfFold
        var models = [TrainedModel]()
        for fold in folds {
            try CancellationToken.check()
            let model = try learner.fit(data.selecting(rows: fold.train), labels: fold.train.map { labels[$0] }, prior: prior)
            let validation = data.selecting(rows: fold.validation)
            let predictions = model.predict(validation)
            let own: [Double] =
                if case .priorAnchored(let anchored) = model { anchored.learner.predict(validation) } else { predictions }
            for (index, row) in fold.validation.enumerated() {
                outOfFold[row] = predictions[index]
                learnerOutOfFold[row] = own[index]
            }
            models.append(model)
        }
        return Result(outOfFold: outOfFold, learnerOutOfFold: learnerOutOfFold, foldModels: models)
    }
}
