extension GradientBoostingModel {
    /// The margin the model predicts on average over the training rows: where SHAP values start from.
    public var expectedMargin: Double {
        trees.reduce(initialMargin) { $0 + TreeSHAP.expectedValue(of: $1) }
    }

    /// Exact TreeSHAP values on the margin scale: one array per row, one value per feature, summing to the row's
    /// margin minus ``expectedMargin``.
    public func shapValues(_ data: Dataset) -> [[Double]] {
        var explainers = trees.map(TreeSHAP.init)
        var output = [[Double]]()
        output.reserveCapacity(data.rowCount)
        for row in 0..<data.rowCount {
            var phi = [Double](repeating: 0, count: data.columnCount)
            for t in explainers.indices {
                explainers[t].accumulate(into: &phi) { data[row, $0] }
            }
            output.append(phi)
        }
        return output
    }

    /// Total loss reduction of the splits on each feature, over every tree.
    public var gainImportance: [Double] {
        TreeImportance.gain(of: trees, featureCount: featureCount)
    }
}
