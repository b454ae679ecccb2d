/// AutoGluon's role: k-fold bagged base models in several layers, each layer trained on the original features plus
/// the previous layer's out-of-fold predictions, finished by a greedy (Caruana) weighted ensemble.
public struct MultiLayerStack: Sendable {
    /// What a stack fit returns: the model and the out-of-fold scores behind it.
    public struct Result: Sendable {
        /// The fitted stack.
        public let model: MultiLayerStackModel
        /// Out-of-fold predictions of the final weighted ensemble (one per training row).
        public let outOfFold: [Double]
        /// Out-of-fold log loss of each model of each layer.
        public let layerLogLoss: [[Double]]
    }

    /// Options.
    public var configuration: StackConfiguration

    /// A stack with the given options.
    public init(configuration: StackConfiguration = StackConfiguration()) {
        self.configuration = configuration
    }

    /// Fits the stack on 0/1 labels.
    public func fit(_ data: Dataset, labels: [Double]) -> Result {
        let config = configuration
        precondition(!config.learners.isEmpty && config.layers >= 1)
        let folds = DataSplits.kFold(rowCount: data.rowCount, folds: config.folds, seed: config.seed, stratifiedBy: labels)
        var layers = [[BaggedModel]]()
        var layerLogLoss = [[Double]]()
        var previous = [[Double]]()
        for layer in 0..<config.layers {
            let input = layer == 0 ? data : data.appending(columns: previous.map { $0.map(Float.init) }, names: MultiLayerStackModel.columnNames(layer: layer, count: previous.count))
            var bagged = [BaggedModel]()
            var outOfFold = [[Double]]()
            for learner in config.learners {
                let cv = CrossValidation.run(learner.withThreads(config.threads), data: input, labels: labels, folds: folds, prior: config.prior)
                bagged.append(BaggedModel(members: cv.foldModels))
                outOfFold.append(cv.outOfFold)
            }
            layers.append(bagged)
            layerLogLoss.append(outOfFold.map { BinaryMetrics.logLoss(labels: labels, probabilities: $0) })
            previous = outOfFold
        }
        let weights = CaruanaSelection.weights(predictions: previous, labels: labels, iterations: config.ensembleIterations)
        var final = [Double](repeating: 0, count: labels.count)
        for (p, weight) in zip(previous, weights) {
            for i in final.indices { final[i] += weight * p[i] }
        }
        return Result(model: MultiLayerStackModel(layers: layers, weights: weights), outOfFold: final, layerLogLoss: layerLogLoss)
    }
}
