/// Grows one deep tree of a random forest or of extremely randomized trees, depth first, on a binned dataset.
///
/// Each node samples its own candidate features, so histograms cannot be inherited from the parent: each candidate
/// is summed over the node's rows into a histogram whose touched bins are tracked, so the cost of a node follows
/// its size rather than the number of bins. Impurity is the weighted variance of the labels
/// (for 0/1 labels, proportional to Gini impurity).
struct ForestTreeGrower {
    private struct BinTotal {
        var bin: Int
        var labelSum: Double
        var weight: Double
    }

    private struct Candidate {
        var gain = 0.0
        var rule: SplitRule?
        var left = (labelSum: 0.0, weight: 0.0)
        var right = (labelSum: 0.0, weight: 0.0)
    }

    let binned: BinnedDataset
    let featureBins: [FeatureBins]
    let labels: [Double]
    let configuration: RandomForestConfiguration
    let featuresPerSplit: Int
    private var histogramSum = [Double](repeating: 0, count: 256)
    private var histogramWeight = [Double](repeating: 0, count: 256)
    private var totals: [BinTotal] = []
    private var featureOrder: [Int]
    private var scratch: [UInt32] = []

    init(binned: BinnedDataset, featureBins: [FeatureBins], labels: [Double], configuration: RandomForestConfiguration) {
        self.binned = binned
        self.featureBins = featureBins
        self.labels = labels
        self.configuration = configuration
        let p = binned.columnCount
        let sqrtP = max(1, Int(Double(p).squareRoot()))
        self.featuresPerSplit = configuration.featuresPerSplit > 0 ? min(p, configuration.featuresPerSplit) : sqrtP
        self.featureOrder = Array(0..<p)
    }

    /// Grows a tree where row `r` counts `weights[r]` times (0 leaves it out).
    mutating func grow(weights: [Float], random: inout SplitMix64) -> DecisionTree {
        // Feature draws permute this array; restarting from the identity keeps a tree independent of the trees this grower made before.
        for i in featureOrder.indices { featureOrder[i] = i }
        var rows = [UInt32]()
        var labelSum = 0.0
        var weightSum = 0.0
        for (row, weight) in weights.enumerated() where weight > 0 {
            rows.append(UInt32(row))
            labelSum += Double(weight) * labels[row]
            weightSum += Double(weight)
        }
        if scratch.count < rows.count { scratch = [UInt32](repeating: 0, count: rows.count) }
        var tree = DecisionTree(leafValue: weightSum > 0 ? labelSum / weightSum : 0, cover: weightSum)
        var stack: [(leaf: Int, start: Int, count: Int, depth: Int, labelSum: Double, weight: Double)] = [(0, 0, rows.count, 0, labelSum, weightSum)]
        let minRows = Double(max(1, configuration.minRowsInLeaf))
        while let node = stack.popLast() {
            let pure = node.labelSum <= 1e-12 * node.weight || node.labelSum >= node.weight * (1 - 1e-12)
            guard !pure, node.weight >= 2 * minRows, node.count >= 2,
                configuration.maxDepth <= 0 || node.depth < configuration.maxDepth
            else { continue }
            let candidate = bestSplit(rows: rows, start: node.start, count: node.count, labelSum: node.labelSum, weightSum: node.weight, weights: weights, minRows: minRows, random: &random)
            guard let rule = candidate.rule else { continue }
            let leftCount = partition(&rows, start: node.start, count: node.count, rule: rule)
            let right = tree.split(
                leaf: node.leaf, rule: rule, gain: candidate.gain,
                left: (candidate.left.labelSum / candidate.left.weight, candidate.left.weight),
                right: (candidate.right.labelSum / candidate.right.weight, candidate.right.weight))
            stack.append((right, node.start + leftCount, node.count - leftCount, node.depth + 1, candidate.right.labelSum, candidate.right.weight))
            stack.append((node.leaf, node.start, leftCount, node.depth + 1, candidate.left.labelSum, candidate.left.weight))
        }
        return tree
    }

    private mutating func bestSplit(
        rows: [UInt32], start: Int, count: Int, labelSum: Double, weightSum: Double,
        weights: [Float], minRows: Double, random: inout SplitMix64
    ) -> Candidate {
        var best = Candidate()
        let parentScore = labelSum * labelSum / weightSum
        var evaluated = 0
        var drawn = 0
        let p = featureOrder.count
        // Draw features without replacement until enough non-constant ones have been evaluated.
        while evaluated < featuresPerSplit && drawn < p {
            let j = drawn + Int(random.next() % UInt64(p - drawn))
            featureOrder.swapAt(drawn, j)
            let feature = featureOrder[drawn]
            drawn += 1
            let bins = featureBins[feature]

            // The split sending `leftSum` of `leftWeight` left is kept when both sides are large enough and it gains most
            // so far; its rule is only made then.
            func consider(leftSum: Double, leftWeight: Double, rule makeRule: () -> SplitRule) {
                let rightSum = labelSum - leftSum
                let rightWeight = weightSum - leftWeight
                guard leftWeight >= minRows && rightWeight >= minRows else { return }
                let gain = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight - parentScore
                guard gain > best.gain + 1e-12 * parentScore else { return }
                best.gain = gain
                best.left = (leftSum, leftWeight)
                best.right = (rightSum, rightWeight)
                best.rule = makeRule()
            }

            if configuration.splitting == .randomThreshold && !bins.isCategorical {
                guard let split = randomThreshold(feature: feature, rows: rows, start: start, count: count, weights: weights, random: &random) else { continue }
                evaluated += 1
                for missingLeft in [false, true] where !missingLeft || split.missing.weight > 0 {
                    consider(
                        leftSum: split.left.labelSum + (missingLeft ? split.missing.labelSum : 0),
                        leftWeight: split.left.weight + (missingLeft ? split.missing.weight : 0)
                    ) {
                        SplitRule(
                            feature: feature, thresholdBin: UInt8(split.threshold), threshold: bins.upperBounds[split.threshold],
                            defaultLeft: missingLeft, categories: nil)
                    }
                }
                continue
            }
            let missing = collectTotals(feature: feature, rows: rows, start: start, count: count, weights: weights)
            guard totals.count + (missing.weight > 0 ? 1 : 0) >= 2 else { continue }
            evaluated += 1
            if bins.isCategorical { totals.sort { $0.labelSum / $0.weight < $1.labelSum / $1.weight || ($0.labelSum / $0.weight == $1.labelSum / $1.weight && $0.bin < $1.bin) } }

            func evaluate(leftSum: Double, leftWeight: Double, prefix k: Int, missingLeft: Bool) {
                consider(leftSum: leftSum, leftWeight: leftWeight) { rule(feature: feature, prefix: k, missingLeft: missingLeft) }
            }

            switch configuration.splitting {
            case .best:
                var leftSum = 0.0
                var leftWeight = 0.0
                for k in 1...totals.count {
                    leftSum += totals[k - 1].labelSum
                    leftWeight += totals[k - 1].weight
                    if k < totals.count || missing.weight > 0 {
                        evaluate(leftSum: leftSum, leftWeight: leftWeight, prefix: k, missingLeft: false)
                    }
                    if missing.weight > 0 && !bins.isCategorical {
                        evaluate(leftSum: leftSum + missing.labelSum, leftWeight: leftWeight + missing.weight, prefix: k, missingLeft: true)
                    }
                }
            case .randomThreshold:
                // Categorical features (numerical ones took the fast path above): a uniform cut in the levels' ratio order.
                let k = totals.count >= 2 ? 1 + Int(random.next() % UInt64(totals.count - 1)) : totals.count
                let left = totals[0..<k]
                evaluate(leftSum: left.reduce(0) { $0 + $1.labelSum }, leftWeight: left.reduce(0) { $0 + $1.weight }, prefix: k, missingLeft: false)
            }
        }
        return best
    }

    /// Extremely randomized split of a numerical feature in two passes over the node, without sorting or histograms:
    /// the bin range of the node, a uniform threshold in it, then the label sums on each side. Nil when the feature
    /// is constant in the node (and has no missing values).
    private func randomThreshold(
        feature: Int, rows: [UInt32], start: Int, count: Int, weights: [Float], random: inout SplitMix64
    ) -> (threshold: Int, left: (labelSum: Double, weight: Double), missing: (labelSum: Double, weight: Double))? {
        let rowCount = binned.rowCount
        let missingBin = QuantileBinner.missingBin
        return binned.bins.withUnsafeBufferPointer { bins in
            labels.withUnsafeBufferPointer { labels in
                weights.withUnsafeBufferPointer { weights in
                    rows.withUnsafeBufferPointer { rows in
                        let column = bins.baseAddress! + feature * rowCount
                        var low = UInt8.max
                        var high = UInt8.min
                        var missing = (labelSum: 0.0, weight: 0.0)
                        for i in start..<(start + count) {
                            let row = Int(rows[i])
                            let b = column[row]
                            if b == missingBin {
                                let w = Double(weights[row])
                                missing.labelSum += w * labels[row]
                                missing.weight += w
                            } else {
                                low = min(low, b)
                                high = max(high, b)
                            }
                        }
                        let hasValues = low <= high
                        guard hasValues && (high > low || missing.weight > 0) else { return nil }
                        let threshold = high > low ? Int(low) + Int(random.next() % UInt64(high - low)) : Int(high)
                        var left = (labelSum: 0.0, weight: 0.0)
                        for i in start..<(start + count) {
                            let row = Int(rows[i])
                            let b = column[row]
                            if b != missingBin && Int(b) <= threshold {
                                let w = Double(weights[row])
                                left.labelSum += w * labels[row]
                                left.weight += w
                            }
                        }
                        return (threshold, left, missing)
                    }
                }
            }
        }
    }

    private func rule(feature: Int, prefix k: Int, missingLeft: Bool) -> SplitRule {
        let bins = featureBins[feature]
        if bins.isCategorical {
            var set = SIMD4<UInt64>(repeating: 0)
            for entry in totals[0..<k] { set[entry.bin >> 6] |= 1 << UInt64(entry.bin & 63) }
            return SplitRule(feature: feature, thresholdBin: 0, threshold: 0, defaultLeft: false, categories: set)
        }
        let last = k > 0 ? totals[k - 1].bin : 0
        return SplitRule(feature: feature, thresholdBin: UInt8(last), threshold: bins.upperBounds[last], defaultLeft: missingLeft, categories: nil)
    }

    /// Fills `totals` with the non-empty value bins of `feature` in the node, ascending by bin; returns the missing bin's totals.
    ///
    /// Rows are summed into a 256-bin histogram while a 256-bit set records which bins they touched; walking the set
    /// in order yields the bins sorted without a sort, and only touched entries are cleared, so a node of a few rows
    /// costs a few steps rather than 256.
    private mutating func collectTotals(feature: Int, rows: [UInt32], start: Int, count: Int, weights: [Float]) -> (labelSum: Double, weight: Double) {
        totals.removeAll(keepingCapacity: true)
        let rowCount = binned.rowCount
        let missingBin = Int(QuantileBinner.missingBin)
        var touched = SIMD4<UInt64>(repeating: 0)
        var missing = (labelSum: 0.0, weight: 0.0)
        binned.bins.withUnsafeBufferPointer { bins in
            labels.withUnsafeBufferPointer { labels in
                weights.withUnsafeBufferPointer { weights in
                    rows.withUnsafeBufferPointer { rows in
                        histogramSum.withUnsafeMutableBufferPointer { sums in
                            histogramWeight.withUnsafeMutableBufferPointer { masses in
                                let column = bins.baseAddress! + feature * rowCount
                                for i in start..<(start + count) {
                                    let row = Int(rows[i])
                                    let b = Int(column[row])
                                    let w = Double(weights[row])
                                    sums[b] += w * labels[row]
                                    masses[b] += w
                                    touched[b >> 6] |= 1 << UInt64(b & 63)
                                }
                                for word in 0..<4 {
                                    var bits = touched[word]
                                    while bits != 0 {
                                        let b = word << 6 | bits.trailingZeroBitCount
                                        bits &= bits - 1
                                        if b == missingBin {
                                            missing = (sums[b], masses[b])
                                        } else {
                                            totals.append(BinTotal(bin: b, labelSum: sums[b], weight: masses[b]))
                                        }
                                        sums[b] = 0
                                        masses[b] = 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return missing
    }

    /// Stable partition of a node's rows: those going left first. Returns how many went left.
    private mutating func partition(_ rows: inout [UInt32], start: Int, count: Int, rule: SplitRule) -> Int {
        binned.partition(&rows, start: start, count: count, feature: rule.feature, scratch: &scratch) { rule.goesLeft(bin: $0) }
    }
}
