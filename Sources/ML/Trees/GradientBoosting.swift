/// Histogram gradient boosting (LightGBM's algorithm): quantile-binned features, leaf-wise trees (or CatBoost's
/// symmetric ones, `symmetricDepth`) grown from gradient histograms with the subtraction trick, row/column subsampling
/// and early stopping.
public struct GradientBoosting: Sendable {
    /// The hyperparameters.
    public var configuration: GradientBoostingConfiguration

    /// A learner with the given hyperparameters.
    public init(configuration: GradientBoostingConfiguration = GradientBoostingConfiguration()) {
        self.configuration = configuration
    }

    /// Trains on `data` and `labels` (0/1 for binary log loss).
    ///
    /// With a `prior`, every row's margin starts from the prior's offset plus a fitted constant (LightGBM's
    /// `init_score`), so the trees learn only what the prior misses; the model keeps the prior and adds it when it predicts.
    ///
    /// With `validation` and `earlyStoppingRounds > 0`, training stops once the validation loss has not improved for
    /// that many rounds, and the model keeps the trees up to the best round: none at all when no tree ever beat the
    /// starting margin, which is then the prior alone.
    public func fit(
        _ data: Dataset, labels: [Double], prior: MarketPrior? = nil, validation: (data: Dataset, labels: [Double])? = nil
    ) throws -> GradientBoostingModel {
        precondition(labels.count == data.rowCount, "one label per row")
        precondition(data.columnCount > 0, "at least one feature")
        let threads = Parallel.resolvedThreads(configuration.threads)
        return try Parallel.withThreads(threads) {
            try fit(data, labels: labels, prior: prior, validation: validation, threads: threads)
        }
    }

    private func fit(
        _ data: Dataset, labels: [Double], prior: MarketPrior?, validation: (data: Dataset, labels: [Double])?, threads: Int
    ) throws -> GradientBoostingModel {
        let config = configuration
        let binner = QuantileBinner(fitting: data, maxBin: config.maxBin, threads: threads)
        let binned = binner.bin(data, threads: threads)
        let validationBinned = validation.map { binner.bin($0.data, threads: threads) }
        let constraints = SplitConstraints(
            l2: config.l2Regularization, minChildWeight: config.minChildWeight,
            minDataInLeaf: Double(max(1, config.minDataInLeaf)), minSplitGain: config.minSplitGain)
        var grower = HistogramTreeGrower(
            binned: binned, featureBins: binner.features, constraints: constraints,
            maxLeaves: config.leafCount, maxDepth: config.maxDepth, threads: threads)

        let rowCount = data.rowCount
        let offsets = prior?.offsets(data)
        let initialMargin = config.objective.initialMargin(labels, offsets: offsets)
        var margins = [Double](repeating: initialMargin, count: rowCount)
        if let offsets { for i in margins.indices { margins[i] += offsets[i] } }
        var validationMargins = [Double](repeating: initialMargin, count: validation?.data.rowCount ?? 0)
        if let prior, let validation {
            for (i, offset) in prior.offsets(validation.data).enumerated() { validationMargins[i] += offset }
        }
        var gradients = [Float](repeating: 0, count: rowCount)
        var hessians = [Float](repeating: 0, count: rowCount)
        var trees = [DecisionTree]()
        var validationLoss = [Double]()
        let earlyStopping = validation != nil && config.earlyStoppingRounds > 0
        // Round -1 is the starting margin: when no tree beats it, the model keeps none.
        var bestRound = -1
        var bestLoss = earlyStopping ? config.objective.loss(margins: validationMargins, labels: validation!.labels) : Double.infinity
        var random = SplitMix64(seed: config.seed)
        let featureTake = max(1, Int((config.columnSubsample * Double(data.columnCount)).rounded()))
        let learningRate = config.learningRate
        let l2 = config.l2Regularization

        for round in 0..<config.treeCount {
            try CancellationToken.check()
            config.objective.gradients(margins: margins, labels: labels, gradients: &gradients, hessians: &hessians, threads: threads)
            let sample = config.rowSubsample < 1 ? Self.sampleRows(rowCount, fraction: config.rowSubsample, random: &random) : nil
            let features = featureTake < data.columnCount ? Self.sampleFeatures(data.columnCount, take: featureTake, random: &random) : Array(0..<data.columnCount)
            let leafOutput = { (sums: NodeSums, extraL2: Double) in -sums.gradient / (sums.hessian + l2 + extraL2) * learningRate }
            let result = if let depth = config.symmetricDepth, depth > 0 {
                grower.growSymmetric(
                    depth: min(depth, 16), gradients: gradients, hessians: hessians, sample: sample, features: features, leafOutput: leafOutput)
            } else {
                grower.grow(gradients: gradients, hessians: hessians, sample: sample, features: features, leafOutput: leafOutput)
            }
            Self.addLeafValues(result, to: &margins, binned: binned, sampled: sample != nil)
            trees.append(result.tree)

            if let validationBinned, let validation, earlyStopping {
                Self.add(result.tree, to: &validationMargins, binned: validationBinned)
                let loss = config.objective.loss(margins: validationMargins, labels: validation.labels)
                validationLoss.append(loss)
                if loss < bestLoss {
                    bestLoss = loss
                    bestRound = round
                } else if round - bestRound >= config.earlyStoppingRounds {
                    break
                }
            }
        }
        if earlyStopping { trees.removeSubrange((bestRound + 1)...) }
        return GradientBoostingModel(
            objective: config.objective, initialMargin: initialMargin, prior: prior, trees: trees, binner: binner,
            validationLoss: validationLoss)
    }

    /// Adds a new tree to the training margins: through the leaf partition for sampled rows, by traversal for the rest.
    private static func addLeafValues(_ result: HistogramTreeGrower.Result, to margins: inout [Double], binned: BinnedDataset, sampled: Bool) {
        margins.withUnsafeMutableBufferPointer { margins in
            result.rows.withUnsafeBufferPointer { rows in
                for leaf in 0..<result.tree.leafCount {
                    let value = result.tree.leafValue[leaf]
                    for i in result.leafStart[leaf]..<(result.leafStart[leaf] + result.leafSize[leaf]) { margins[Int(rows[i])] += value }
                }
            }
        }
        guard sampled else { return }
        var inSample = [Bool](repeating: false, count: binned.rowCount)
        for row in result.rows { inSample[Int(row)] = true }
        binned.bins.withUnsafeBufferPointer { bins in
            for row in 0..<binned.rowCount where !inSample[row] {
                margins[row] += result.tree.leafValue[result.tree.leaf(row: row, bins: bins, rowCount: binned.rowCount)]
            }
        }
    }

    private static func add(_ tree: DecisionTree, to margins: inout [Double], binned: BinnedDataset) {
        binned.bins.withUnsafeBufferPointer { bins in
            for row in 0..<binned.rowCount { margins[row] += tree.leafValue[tree.leaf(row: row, bins: bins, rowCount: binned.rowCount)] }
        }
    }

    /// Each row independently with probability `fraction`, in ascending order (so histogram gathers stay local).
    private static func sampleRows(_ count: Int, fraction: Double, random: inout SplitMix64) -> [UInt32] {
        var rows = [UInt32]()
        rows.reserveCapacity(Int(Double(count) * fraction * 1.1))
        for row in 0..<count where random.nextUnit() < fraction { rows.append(UInt32(row)) }
        return rows.isEmpty ? [0] : rows
    }

    /// `take` distinct features, ascending.
    static func sampleFeatures(_ count: Int, take: Int, random: inout SplitMix64) -> [Int] {
        var all = Array(0..<count)
        for i in 0..<take {
            let j = i + Int(random.next() % UInt64(count - i))
            all.swapAt(i, j)
        }
        return all[0..<take].sorted()
    }
}
