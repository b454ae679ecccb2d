/// Finds the best split of a node from its gradient histograms.
enum HistogramSplitFinder {
    /// The best split over the feature slots of `histogram`, or an invalid candidate.
    ///
    /// Numerical features are scanned as LightGBM scans them (see ``numerical``); categorical features order their
    /// levels by gradient ratio and try every prefix of that order as the left set (missing go right). Ties go to
    /// the lower feature.
    ///
    /// - Parameter hasMissing: per dataset column, whether the training rows have missing values in it.
    static func best(
        histogram: UnsafeBufferPointer<Double>, features: [Int], featureBins: [FeatureBins], hasMissing: [Bool],
        total: NodeSums, constraints: SplitConstraints
    ) -> SplitCandidate {
        var best = SplitCandidate()
        let parentScore = constraints.score(total)
        for (slot, feature) in features.enumerated() {
            let bins = featureBins[feature]
            guard bins.count > 1 || !bins.isCategorical else { continue }
            let base = slot * GradientHistogram.slotStride
            if bins.isCategorical {
                categorical(histogram: histogram, base: base, feature: feature, bins: bins, total: total, parentScore: parentScore, constraints: constraints, best: &best)
            } else {
                numerical(
                    histogram: histogram, base: base, feature: feature, bins: bins, hasMissing: hasMissing[feature],
                    total: total, constraints: constraints, best: &best)
            }
        }
        return best
    }

    /// LightGBM's threshold scan of one numerical feature (`FindBestThresholdSequentially`).
    ///
    /// First from the highest bin down, missing values staying left, so that among thresholds of equal gain (those
    /// separated only by bins empty in this node) the highest wins; then, if the feature has missing values, from
    /// the lowest bin up with missing values sent right, which must do strictly better. A child's row count is
    /// estimated from its share of the node's hessian, bin by bin, as LightGBM does (its histograms hold no counts):
    /// ``SplitConstraints/minDataInLeaf`` is checked against that estimate, which is what LightGBM's
    /// `min_data_in_leaf` means.
    ///
    /// The arithmetic is LightGBM's too, down to its `kEpsilon` on hessian sums and its comparison of the second
    /// scan against the first through the gain shift: in a node without missing values the two scans find the same
    /// partitions, and these last bits decide which threshold and default direction a tie gets.
    static func numerical(
        histogram: UnsafeBufferPointer<Double>, base: Int, feature: Int, bins: FeatureBins, hasMissing: Bool,
        total: NodeSums, constraints: SplitConstraints, best: inout SplitCandidate
    ) {
        let epsilon = 1e-15
        let totalHessian = total.hessian + 2 * epsilon
        let countFactor = total.count / totalHessian
        let shift = constraints.score(NodeSums(gradient: total.gradient, hessian: totalHessian)) + constraints.minSplitGain
        let last = bins.count - 1
        @inline(__always) func sums(_ t: Int) -> NodeSums {
            let b = base + t * 3
            return NodeSums(gradient: histogram[b], hessian: histogram[b + 1], count: (histogram[b + 1] * countFactor + 0.5).rounded(.down))
        }
        // The feature's best so far, as LightGBM's SplitInfo holds it: gain less the shift, left sums as scanned.
        var featureGain = -Double.infinity
        var featureLeft = NodeSums()
        var featureThreshold = 0
        var featureMissingLeft = true

        var scanGain = -Double.infinity
        var scanLeft = NodeSums()
        var scanThreshold = -1
        var right = NodeSums(gradient: 0, hessian: epsilon, count: 0)
        for t in stride(from: last, to: 0, by: -1) {
            right = right + sums(t)
            guard constraints.admits(right) else { continue }
            // The left side only shrinks from here on.
            let left = NodeSums(gradient: total.gradient - right.gradient, hessian: totalHessian - right.hessian, count: total.count - right.count)
            guard constraints.admits(left) else { break }
            let gain = constraints.score(left) + constraints.score(right)
            if gain > shift && gain > scanGain {
                scanGain = gain
                scanLeft = left
                scanThreshold = t - 1
            }
        }
        if scanThreshold >= 0 {
            featureGain = scanGain - shift
            featureLeft = scanLeft
            featureThreshold = scanThreshold
        }
        if hasMissing {
            scanGain = -Double.infinity
            scanThreshold = -1
            var left = NodeSums(gradient: 0, hessian: epsilon, count: 0)
            for t in 0...last {
                left = left + sums(t)
                guard constraints.admits(left) else { continue }
                let right = NodeSums(gradient: total.gradient - left.gradient, hessian: totalHessian - left.hessian, count: total.count - left.count)
                guard constraints.admits(right) else { break }
                let gain = constraints.score(left) + constraints.score(right)
                if gain > shift && gain > scanGain {
                    scanGain = gain
                    scanLeft = left
                    scanThreshold = t
                }
            }
            if scanThreshold >= 0 && scanGain > featureGain + shift {
                featureGain = scanGain - shift
                featureLeft = scanLeft
                featureThreshold = scanThreshold
                featureMissingLeft = false
            }
        }
        guard featureGain > best.gain else { return }
        best.gain = featureGain
        best.left = NodeSums(gradient: featureLeft.gradient, hessian: featureLeft.hessian - epsilon, count: featureLeft.count)
        best.right = NodeSums(
            gradient: total.gradient - featureLeft.gradient, hessian: totalHessian - featureLeft.hessian - epsilon, count: total.count - featureLeft.count)
        best.rule = SplitRule(
            feature: feature, thresholdBin: UInt8(featureThreshold), threshold: bins.upperBounds[featureThreshold], defaultLeft: featureMissingLeft,
            categories: nil)
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
