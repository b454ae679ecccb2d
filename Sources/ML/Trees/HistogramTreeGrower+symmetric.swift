extension HistogramTreeGrower {
    /// Grows a symmetric (oblivious) tree, CatBoost's default shape: level by level, every leaf of a level splits on
    /// the same feature and threshold, the one whose gain summed over the level's leaves is largest.
    ///
    /// Such a tree is a table of `2^depth` values indexed by `depth` yes/no questions. It cannot spend its leaves
    /// on one corner of the data as a leaf-wise tree does, which is what makes it the better learner on smooth,
    /// mostly additive signals in noise (issue #21's AutoGluon comparison: its CatBoost was the best single model, and
    /// CatBoost with leaf-wise or depth-wise growth was no better than LightGBM).
    ///
    /// A leaf that the level's rule would leave a child too small for the constraints stays unsplit and
    /// takes part in the next level. Only numerical features are searched: a category's bin codes have no order to
    /// share between leaves. Missing values go where the level's rule sends them (learned when the feature has any).
    mutating func growSymmetric(
        depth: Int, gradients: [Float], hessians: [Float], sample: [UInt32]?, features: [Int],
        leafOutput: (NodeSums, _ extraL2: Double) -> Double
    ) -> Result {
        var rows = prepareRoot(gradients: gradients, hessians: hessians, sample: sample, features: features, leaves: 1 << depth)
        let rootSums = Self.sums(of: histograms[0], firstSlot: 0, rows: rows.count)
        var tree = DecisionTree(leafValue: leafOutput(rootSums, 0), cover: rootSums.count)
        var leafStart = [0]
        var leafSize = [rows.count]
        var leafSums = [rootSums]
        for level in 0..<depth {
            guard let split = bestLevelSplit(leafSums: leafSums, features: features) else { break }
            for leaf in 0..<leafSums.count {
                guard let (left, right, gain) = split.children[leaf] else { continue }
                let leftCount = partition(&rows, start: leafStart[leaf], count: leafSize[leaf], rule: split.rule)
                let leftSums = NodeSums(gradient: left.gradient, hessian: left.hessian, count: Double(leftCount))
                let rightSums = NodeSums(gradient: right.gradient, hessian: right.hessian, count: Double(leafSize[leaf] - leftCount))
                let newLeaf = tree.split(
                    leaf: leaf, rule: split.rule, gain: gain,
                    left: (leafOutput(leftSums, 0), leftSums.count), right: (leafOutput(rightSums, 0), rightSums.count))
                leafStart.append(leafStart[leaf] + leftCount)
                leafSize.append(leafSize[leaf] - leftCount)
                leafSize[leaf] = leftCount
                leafSums[leaf] = leftSums
                leafSums.append(rightSums)
                if level < depth - 1 {
                    buildChildren(
                        parent: leaf, right: newLeaf, rows: rows, leafStart: leafStart, leafSize: leafSize, gradients: gradients,
                        hessians: hessians, features: features)
                }
            }
        }
        return Result(tree: tree, rows: rows, leafStart: leafStart, leafSize: leafSize)
    }

    /// A level's split: its rule, and per leaf the children's sums and the gain, or nil where the rule would leave
    /// a child the constraints refuse.
    struct LevelSplit {
        var rule: SplitRule
        var children: [(left: NodeSums, right: NodeSums, gain: Double)?]
    }

    /// The numerical rule (feature, threshold bin, missing direction) whose gain summed over the leaves it may split
    /// is largest and beats ``SplitConstraints/minSplitGain``; nil when none does.
    func bestLevelSplit(leafSums: [NodeSums], features: [Int]) -> LevelSplit? {
        var best: (gain: Double, feature: Int, slot: Int, threshold: Int, missingLeft: Bool)?
        // A threshold no leaf admits keeps a gain of 0, which never beats the floor below.
        var gains = [Double](repeating: 0, count: 256)
        for (slot, feature) in features.enumerated() {
            let bins = featureBins[feature]
            guard !bins.isCategorical, bins.count > 1 else { continue }
            for missingLeft in hasMissing[feature] ? [true, false] : [true] {
                for t in 0..<bins.count { gains[t] = 0 }
                for leaf in leafSums.indices {
                    scan(leaf: leaf, slot: slot, bins: bins.count, missingLeft: missingLeft, total: leafSums[leaf]) { t, left, right in
                        gains[t] += constraints.score(left) + constraints.score(right) - constraints.score(leafSums[leaf])
                    }
                }
                for t in 0..<(bins.count - 1) where gains[t] > max(constraints.minSplitGain, best?.gain ?? 0) {
                    best = (gains[t], feature, slot, t, missingLeft)
                }
            }
        }
        guard let best else { return nil }
        let bins = featureBins[best.feature]
        let threshold = bins.upperBounds[best.threshold]
        // As the leaf-wise search: a feature with no missing training values sends a NaN where it sends 0.
        let rule = SplitRule(
            feature: best.feature, thresholdBin: UInt8(best.threshold), threshold: threshold,
            defaultLeft: hasMissing[best.feature] ? best.missingLeft : 0 <= threshold, categories: nil)
        var children = [(left: NodeSums, right: NodeSums, gain: Double)?](repeating: nil, count: leafSums.count)
        for leaf in leafSums.indices {
            scan(leaf: leaf, slot: best.slot, bins: bins.count, missingLeft: best.missingLeft, total: leafSums[leaf]) { t, left, right in
                guard t == best.threshold else { return }
                children[leaf] = (left, right, constraints.score(left) + constraints.score(right) - constraints.score(leafSums[leaf]))
            }
        }
        return LevelSplit(rule: rule, children: children)
    }

    /// Calls `admitted` for every threshold bin `t` (bins `0...t` go left, missing values as `missingLeft` says) whose
    /// children both meet the constraints in `leaf`, with the children's sums.
    private func scan(
        leaf: Int, slot: Int, bins: Int, missingLeft: Bool, total: NodeSums, _ admitted: (Int, NodeSums, NodeSums) -> Void
    ) {
        histograms[leaf].withUnsafeBufferPointer { histogram in
            let view = FeatureHistogram(histogram: histogram, base: slot * GradientHistogram.slotStride, total: total, constraints: constraints)
            var left = missingLeft ? view.sums(Int(QuantileBinner.missingBin)) : NodeSums()
            for t in 0..<(bins - 1) {
                left = left + view.sums(t)
                let right = total - left
                if constraints.admits(left) && constraints.admits(right) { admitted(t, left, right) }
            }
        }
    }
}
