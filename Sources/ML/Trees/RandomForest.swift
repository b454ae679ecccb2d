/// Random forests (DRF) and extremely randomized trees (XRT) on binned features, trees grown in parallel.
public struct RandomForest: Sendable {
    /// The hyperparameters.
    public var configuration: RandomForestConfiguration

    /// A learner with the given hyperparameters.
    public init(configuration: RandomForestConfiguration = RandomForestConfiguration()) {
        self.configuration = configuration
    }

    /// Trains on `data` and `labels` (0/1 for classification, any values for regression).
    ///
    /// Tree `t` draws from its own random stream derived from the seed, so the forest does not depend on the thread count.
    public func fit(_ data: Dataset, labels: [Double]) throws -> RandomForestModel {
        precondition(labels.count == data.rowCount, "one label per row")
        precondition(data.columnCount > 0, "at least one feature")
        let config = configuration
        let threads = Parallel.resolvedThreads(config.threads)
        let binner = QuantileBinner(fitting: data, maxBin: config.maxBin, threads: threads)
        let binned = binner.bin(data, threads: threads)
        let featureBins = binner.features
        let root = SplitMix64(seed: config.seed)
        let rowCount = data.rowCount
        var trees = [DecisionTree](repeating: DecisionTree(leafValue: 0, cover: 0), count: config.treeCount)
        trees.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWriteBuffer(buffer)
            Parallel.forEachChunk(count: config.treeCount, chunks: threads) { range in
                var grower = ForestTreeGrower(binned: binned, featureBins: featureBins, labels: labels, configuration: config)
                for t in range where !CancellationToken.isRequested {
                    var random = root.derived(UInt64(t))
                    var weights = [Float](repeating: config.bootstrap ? 0 : 1, count: rowCount)
                    if config.bootstrap {
                        for _ in 0..<rowCount { weights[Int(random.next() % UInt64(rowCount))] += 1 }
                    }
                    output[t] = grower.grow(weights: weights, random: &random)
                }
            }
        }
        try CancellationToken.check()  // the trees the chunks skipped are placeholders
        return RandomForestModel(trees: trees, binner: binner)
    }
}
