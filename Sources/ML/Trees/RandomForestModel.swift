/// A trained forest: the mean of its trees' leaf probabilities (or values).
public struct RandomForestModel: Sendable, Equatable, Codable {
    /// The trees; each leaf holds the mean label of its training rows.
    public let trees: [DecisionTree]
    /// The bin boundaries learned on the training set.
    public let binner: QuantileBinner

    /// The number of feature columns the model expects.
    public var featureCount: Int { binner.features.count }

    /// The mean leaf value over trees: the probability of class 1 for 0/1 labels.
    public func predict(_ data: Dataset, threads: Int = 0) -> [Double] {
        TreeEnsemblePrediction.sums(trees: trees, data: data, base: 0, scale: 1 / Double(max(1, trees.count)), threads: threads)
    }

    /// Total impurity decrease of the splits on each feature.
    public var gainImportance: [Double] {
        TreeImportance.gain(of: trees, featureCount: featureCount)
    }

    /// Exact TreeSHAP values of the forest's average: one array per row, summing to prediction minus ``expectedValue``.
    public func shapValues(_ data: Dataset) -> [[Double]] {
        var explainers = trees.map(TreeSHAP.init)
        let scale = 1 / Double(max(1, trees.count))
        return (0..<data.rowCount).map { row in
            var phi = [Double](repeating: 0, count: data.columnCount)
            for t in explainers.indices { explainers[t].accumulate(into: &phi) { data[row, $0] } }
            return phi.map { $0 * scale }
        }
    }

    /// The forest's average prediction over the training rows.
    public var expectedValue: Double {
        trees.reduce(0) { $0 + TreeSHAP.expectedValue(of: $1) } / Double(max(1, trees.count))
    }
}
