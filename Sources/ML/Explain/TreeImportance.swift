/// Split-gain feature importance of tree ensembles.
enum TreeImportance {
    /// The sum of split gains per feature.
    static func gain(of trees: [DecisionTree], featureCount: Int) -> [Double] {
        var importance = [Double](repeating: 0, count: featureCount)
        for tree in trees {
            for (feature, gain) in zip(tree.splitFeature, tree.splitGain) { importance[Int(feature)] += gain }
        }
        return importance
    }
}
