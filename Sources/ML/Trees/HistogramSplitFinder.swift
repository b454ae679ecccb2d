/// Finds the best split of a node from its gradient histograms.
enum HistogramSplitFinder {
    /// The best split over the feature slots of `histogram`, or an invalid candidate.
    ///
    /// Numerical features try every bin boundary with missing values sent left and right; categorical features
    /// order their levels by gradient ratio and try every prefix of that order as the left set (missing go right).
    static func best(
        histogram: UnsafeBufferPointer<Double>, features: [Int], featureBins: [FeatureBins],
        total: NodeSums, constraints: SplitConstraints
    ) -> SplitCandidate {
        var best = SplitCandidate()
        let parentScore = constraints.score(total)
        for (slot, feature) in features.enumerated() {
            let bins = featureBins[feature]
            guard bins.count > 1 || !bins.isCategorical else { continue }
            let base = slot * GradientHistogram.slotStride
            let m = Int(QuantileBinner.missingBin) * 3 + base
            let missing = NodeSums(gradient: histogram[m], hessian: histogram[m + 1], count: histogram[m + 2])
            if bins.isCategorical {
                categorical(histogram: histogram, base: base, feature: feature, bins: bins, total: total, parentScore: parentScore, constraints: constraints, best: &best)
                continue
            }
            var left = NodeSums()
            func consider(_ l: NodeSums, threshold t: Int, missingLeft: Bool) {
                let r = total - l
                guard constraints.admits(l) && constraints.admits(r) else { return }
                let gain = constraints.score(l) + constraints.score(r) - parentScore
                if gain > best.gain && gain > constraints.minSplitGain {
                    best.gain = gain
                    best.left = l
                    best.right = r
                    best.rule = SplitRule(
                        feature: feature, thresholdBin: UInt8(t), threshold: bins.upperBounds[t],
                        defaultLeft: missingLeft, categories: nil)
                }
            }
            for t in 0..<bins.count {
                let b = base + t * 3
                // An empty bin moves no row: its threshold splits exactly like the previous one, which already won ties.
                if histogram[b + 2] == 0 && t > 0 { continue }
                left.gradient += histogram[b]
                left.hessian += histogram[b + 1]
                left.count += histogram[b + 2]
                consider(left, threshold: t, missingLeft: false)
                if missing.count > 0 { consider(left + missing, threshold: t, missingLeft: true) }
            }
        }
        return best
    }

    private static func categorical(
        histogram: UnsafeBufferPointer<Double>, base: Int, feature: Int, bins: FeatureBins,
        total: NodeSums, parentScore: Double, constraints: SplitConstraints, best: inout SplitCandidate
    ) {
        var levels = [(bin: Int, sums: NodeSums, ratio: Double)]()
        for bin in 0..<bins.count {
            let b = base + bin * 3
            let sums = NodeSums(gradient: histogram[b], hessian: histogram[b + 1], count: histogram[b + 2])
            if sums.count > 0 { levels.append((bin, sums, sums.gradient / (sums.hessian + constraints.categorySmoothing))) }
        }
        guard levels.count > 1 else { return }
        levels.sort { $0.ratio < $1.ratio || ($0.ratio == $1.ratio && $0.bin < $1.bin) }
        var left = NodeSums()
        var set = SIMD4<UInt64>(repeating: 0)
        for level in levels.dropLast() {
            left = left + level.sums
            set[level.bin >> 6] |= 1 << UInt64(level.bin & 63)
            let right = total - left
            guard constraints.admits(left) && constraints.admits(right) else { continue }
            let gain = constraints.score(left) + constraints.score(right) - parentScore
            if gain > best.gain && gain > constraints.minSplitGain {
                best.gain = gain
                best.left = left
                best.right = right
                best.rule = SplitRule(feature: feature, thresholdBin: 0, threshold: 0, defaultLeft: false, categories: set)
            }
        }
    }
}
