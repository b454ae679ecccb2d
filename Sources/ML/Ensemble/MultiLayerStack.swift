/// AutoGluon's role: k-fold bagged base models in several layers, each layer trained on the original features plus
/// the previous layer's out-of-fold predictions, finished by a greedy (Caruana) weighted ensemble.
///
/// Under ``ValidationScheme/walkForward`` the folds are expanding windows over rows in time order, so every
/// out-of-fold prediction comes from a model fitted on earlier rows only. The first block has none, so the next
/// layer fits and validates on the later rows only (each layer loses one more block), and the weighted ensemble is
/// chosen on the rows the last layer scored. Each model of a layer is then the learner refitted on all of that
/// layer's rows, not the average of its fold models (the first of which saw one block).
public struct MultiLayerStack: Sendable {
    /// What a stack fit returns: the model and the out-of-fold scores behind it.
    public struct Result: Sendable {
        /// The fitted stack.
        public let model: MultiLayerStackModel
        /// Out-of-fold predictions of the final weighted ensemble, one per training row (NaN where the last layer
        /// has none: the first walk-forward blocks).
        public let outOfFold: [Double]
        /// Out-of-fold predictions of each model of each layer (NaN for rows no fold of the layer validated).
        public let layerOutOfFold: [[[Double]]]
        /// Out-of-fold log loss of each model of each layer, on the rows it scored.
        public let layerLogLoss: [[Double]]
    }

    /// Options.
    public var configuration: StackConfiguration

    /// A stack with the given options.
    public init(configuration: StackConfiguration = StackConfiguration()) {
        self.configuration = configuration
    }

    /// Fits the stack on 0/1 labels. Under walk-forward validation rows must be in time order; `times` (one per
    /// row, ascending) keeps rows sharing a time on one side of every cut.
    public func fit(_ data: Dataset, labels: [Double], times: [Double]? = nil) throws -> Result {
        let config = configuration
        precondition(!config.learners.isEmpty && config.layers >= 1)
        let folds = DataSplits.folds(config.validation, rowCount: data.rowCount, folds: config.folds, seed: config.seed, labels: labels, times: times)
        let walkForward = config.validation == .walkForward
        var layers = [[BaggedModel]]()
        var layerLogLoss = [[Double]]()
        var layerOutOfFold = [[[Double]]]()
        var previous = [[Double]]()
        // The rows this layer may fit and validate on: all at first, then those the previous layer scored.
        var rows = Array(0..<data.rowCount)
        for layer in 0..<config.layers {
            let input = layer == 0 ? data : data.appending(columns: previous.map { $0.map(Float.init) }, names: MultiLayerStackModel.columnNames(layer: layer, count: previous.count))
            let usable = Set(rows)
            let layerFolds = folds.map { Fold(train: $0.train.filter(usable.contains), validation: $0.validation.filter(usable.contains)) }
                .filter { !$0.train.isEmpty && !$0.validation.isEmpty }
            precondition(!layerFolds.isEmpty, "too few rows for \(config.layers) walk-forward layers of \(config.folds) folds")
            var bagged = [BaggedModel]()
            var outOfFold = [[Double]]()
            for learner in config.learners {
                let learner = learner.withThreads(config.threads)
                try CancellationToken.check()
                let cv = try CrossValidation.run(learner, data: input, labels: labels, folds: layerFolds, prior: config.prior)
                if walkForward {
                    bagged.append(BaggedModel(members: [try learner.fit(input.selecting(rows: rows), labels: rows.map { labels[$0] }, prior: config.prior)]))
                } else {
                    bagged.append(BaggedModel(members: cv.foldModels))
                }
                outOfFold.append(cv.outOfFold)
            }
            rows = rows.filter { row in outOfFold.allSatisfy { !$0[row].isNaN } }
            layers.append(bagged)
            layerOutOfFold.append(outOfFold)
            layerLogLoss.append(outOfFold.map { p in BinaryMetrics.logLoss(labels: rows.map { labels[$0] }, probabilities: rows.map { p[$0] }) })
            previous = outOfFold
        }
        let weights = CaruanaSelection.weights(
            predictions: previous.map { p in rows.map { p[$0] } }, labels: rows.map { labels[$0] }, iterations: config.ensembleIterations)
        var final = [Double](repeating: .nan, count: labels.count)
        for row in rows {
            final[row] = zip(previous, weights).reduce(0) { $0 + $1.1 * $1.0[row] }
        }
        return Result(
            model: MultiLayerStackModel(layers: layers, weights: weights), outOfFold: final, layerOutOfFold: layerOutOfFold, layerLogLoss: layerLogLoss)
    }
}
