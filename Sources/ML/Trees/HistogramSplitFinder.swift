/// Finds the best split of a node from its gradient histograms.
enum HistogramSplitFinder {
    /// The best split over the feature slots of `histogram`, or an invalid candidate.
    ///
    /// Numerical and categorical features are searched as LightGBM searches them (see ``numerical`` and
    /// ``categorical``). Ties go to the lower feature.
    ///
    /// - Parameters:
    ///   - hasMissing: per dataset column, whether the training rows have missing values in it.
    ///   - implicitFirstBin: per dataset column, whether LightGBM would keep no histogram entry for bin 0 (see
    ///     ``numerical``); nil for none.
    ///   - splittable: per feature slot, whether the feature may split this node; on return, whether it had a split
    ///     that met the constraints and gained. As LightGBM, a feature with no such split in a node is not searched
    ///     in that node's descendants (its `is_splittable` flag), which decides splits in small nodes.
    static func best(
        histogram: UnsafeBufferPointer<Double>, features: [Int], featureBins: [FeatureBins], hasMissing: [Bool],
        total: NodeSums, constraints: SplitConstraints, splittable: inout [Bool], implicitFirstBin: [Bool]? = nil
    ) -> SplitCandidate {
        var best = SplitCandidate()
        for (slot, feature) in features.enumerated() where splittable[slot] {
            let bins = featureBins[feature]
            guard bins.count > 1 || !bins.isCategorical else {
                splittable[slot] = false
                continue
            }
            let base = slot * GradientHistogram.slotStride
            if bins.isCategorical {
                splittable[slot] = categorical(
                    histogram: histogram, base: base, feature: feature, bins: bins, total: total, constraints: constraints, best: &best)
            } else {
                splittable[slot] = numerical(
                    histogram: histogram, base: base, feature: feature, bins: bins, hasMissing: hasMissing[feature],
                    implicitFirstBin: implicitFirstBin?[feature] ?? false,
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
    ///
    /// With `implicitFirstBin`, bin 0 is LightGBM's most frequent bin (`offset` 1: usually the bin of the value 0
    /// when every value is positive), of which LightGBM stores no histogram entry. Its missing-right scan then takes
    /// bin 0 as the node less every other bin, its row count included (the node's rows less the other bins' rounded
    /// estimates): near `min_data_in_leaf` that count decides whether a split is allowed.
    ///
    /// Returns whether any threshold met the constraints and gained.
    @discardableResult
    static func numerical(
        histogram: UnsafeBufferPointer<Double>, base: Int, feature: Int, bins: FeatureBins, hasMissing: Bool,
        implicitFirstBin: Bool = false, total: NodeSums, constraints: SplitConstraints, best: inout SplitCandidate
    ) -> Bool {
        let view = FeatureHistogram(histogram: histogram, base: base, total: total, constraints: constraints)
        let (epsilon, totalHessian, shift) = (FeatureHistogram.epsilon, view.totalHessian, view.shift)
        let last = bins.count - 1
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
            right = right + view.sums(t)
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
            if implicitFirstBin {
                left = NodeSums(gradient: total.gradient, hessian: totalHessian - epsilon, count: total.count)
                for t in stride(from: 1, through: last, by: 1) { left = left - view.sums(t) }
                left = left - view.sums(Int(QuantileBinner.missingBin))
            }
            for t in 0...last {
                if t > 0 || !implicitFirstBin { left = left + view.sums(t) }
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
        let splittable = featureGain > -Double.infinity
        guard featureGain > best.gain else { return splittable }
        best.gain = featureGain
        best.left = NodeSums(gradient: featureLeft.gradient, hessian: featureLeft.hessian - epsilon, count: featureLeft.count)
        best.right = NodeSums(
            gradient: total.gradient - featureLeft.gradient, hessian: totalHessian - featureLeft.hessian - epsilon, count: total.count - featureLeft.count)
        best.extraL2 = 0
        let threshold = bins.upperBounds[featureThreshold]
        // A feature with no missing training values has no learned direction: LightGBM (missing type None) predicts
        // a NaN in it as the value 0, so the node sends missing values where it sends 0.
        best.rule = SplitRule(
            feature: feature, thresholdBin: UInt8(featureThreshold), threshold: threshold,
            defaultLeft: hasMissing ? featureMissingLeft : 0 <= threshold, categories: nil)
        return true
    }

    /// LightGBM's split search of one categorical feature (`FindBestThresholdCategoricalInner`); missing values and
    /// categories outside the left set go right.
    ///
    /// A feature of few categories (its bins, the missing one included, at most
    /// ``SplitConstraints/maxCategoriesForOneHot``) tries each category against the rest. Otherwise the categories
    /// holding at least ``SplitConstraints/categorySmoothing`` rows in the node are ordered by their smoothed gradient
    /// ratio `G / (H + cat_smooth)`, and prefixes of that order, taken from either end and at most
    /// ``SplitConstraints/maxCategoryThreshold`` long, are the candidate left sets: a prefix is tried only once it has
    /// grown by ``SplitConstraints/minDataPerGroup`` rows since the last one tried, and its right side must hold as
    /// many. Those gains and the children's values carry the extra ``SplitConstraints/categoryL2`` penalty, which
    /// keeps such data-hungry splits rarer. Row counts are estimated from the hessian, as for numerical features.
    /// Returns whether any left set met the constraints and gained.
    @discardableResult
    static func categorical(
        histogram: UnsafeBufferPointer<Double>, base: Int, feature: Int, bins: FeatureBins,
        total: NodeSums, constraints: SplitConstraints, best: inout SplitCandidate
    ) -> Bool {
        let view = FeatureHistogram(histogram: histogram, base: base, total: total, constraints: constraints)
        let (epsilon, totalHessian, shift) = (FeatureHistogram.epsilon, view.totalHessian, view.shift)
        @inline(__always) func gain(_ left: NodeSums, _ right: NodeSums, l2: Double) -> Double {
            left.gradient * left.gradient / (left.hessian + l2) + right.gradient * right.gradient / (right.hessian + l2)
        }
        var bestGain = -Double.infinity
        var bestLeft = NodeSums()
        var bestSet = SIMD4<UInt64>(repeating: 0)
        var extraL2 = 0.0
        // LightGBM counts a bin for missing and rare categories whether or not the node has any.
        if bins.count + 1 <= constraints.maxCategoriesForOneHot {
            for bin in 0..<bins.count {
                let category = view.sums(bin)
                guard category.count >= constraints.minDataInLeaf && category.hessian >= constraints.minChildWeight else { continue }
                let rest = NodeSums(gradient: total.gradient - category.gradient, hessian: totalHessian - category.hessian - epsilon, count: total.count - category.count)
                guard constraints.admits(rest) else { continue }
                let left = NodeSums(gradient: category.gradient, hessian: category.hessian + epsilon, count: category.count)
                let current = gain(rest, left, l2: constraints.l2)
                if current > shift && current > bestGain {
                    bestGain = current
                    bestLeft = left
                    bestSet = SIMD4(repeating: 0)
                    bestSet[bin >> 6] |= 1 << UInt64(bin & 63)
                }
            }
        } else {
            var order = [(bin: Int, ratio: Double)]()
            for bin in 0..<bins.count {
                let category = view.sums(bin)
                if category.count >= constraints.categorySmoothing {
                    order.append((bin, category.gradient / (category.hessian + constraints.categorySmoothing)))
                }
            }
            // Equal ratios keep the category order, so the split does not depend on the sort's whims.
            order.sort { $0.ratio < $1.ratio || ($0.ratio == $1.ratio && $0.bin < $1.bin) }
            let l2 = constraints.l2 + constraints.categoryL2
            let maxTaken = min(constraints.maxCategoryThreshold, (order.count + 1) / 2)
            for fromLow in [true, false] {
                var left = NodeSums(gradient: 0, hessian: epsilon, count: 0)
                var sinceLastTry = 0.0
                var set = SIMD4<UInt64>(repeating: 0)
                for i in 0..<min(order.count, maxTaken) {
                    let bin = order[fromLow ? i : order.count - 1 - i].bin
                    let category = view.sums(bin)
                    left = left + category
                    set[bin >> 6] |= 1 << UInt64(bin & 63)
                    sinceLastTry += category.count
                    guard constraints.admits(left) else { continue }
                    let right = NodeSums(gradient: total.gradient - left.gradient, hessian: totalHessian - left.hessian, count: total.count - left.count)
                    guard constraints.admits(right) && right.count >= constraints.minDataPerGroup else { break }
                    guard sinceLastTry >= constraints.minDataPerGroup else { continue }
                    sinceLastTry = 0
                    let current = gain(left, right, l2: l2)
                    if current > shift && current > bestGain {
                        bestGain = current
                        bestLeft = left
                        bestSet = set
                        extraL2 = constraints.categoryL2
                    }
                }
            }
        }
        guard bestGain - shift > best.gain else { return bestGain > -Double.infinity }
        best.gain = bestGain - shift
        best.left = NodeSums(gradient: bestLeft.gradient, hessian: bestLeft.hessian - epsilon, count: bestLeft.count)
        best.right = NodeSums(
            gradient: total.gradient - bestLeft.gradient, hessian: totalHessian - bestLeft.hessian - epsilon, count: total.count - bestLeft.count)
        best.rule = SplitRule(feature: feature, thresholdBin: 0, threshold: 0, defaultLeft: false, categories: bestSet)
        best.extraL2 = extraL2
        return true
    }
}
