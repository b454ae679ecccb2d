import Testing
@testable import ML

/// The split search follows LightGBM's `FindBestThresholdSequentially`; these pin its rules on hand-made histograms.
@Suite struct HistogramSplitFinderTests {
    /// One feature with four value bins (bounds 1.5, 2.5, 3.5), given as (gradient, hessian, rows) per bin, plus
    /// the missing-value bin.
    private func best(
        _ bins: [(Double, Double, Double)], missing: (Double, Double, Double) = (0, 0, 0), hasMissing: Bool = false,
        minDataInLeaf: Double = 1
    ) -> SplitCandidate {
        var histogram = [Double](repeating: 0, count: GradientHistogram.slotStride)
        var total = NodeSums()
        for (bin, sums) in zip(Array(bins.indices) + [Int(QuantileBinner.missingBin)], bins + [missing]) {
            histogram[bin * GradientHistogram.binStride] = sums.0
            histogram[bin * GradientHistogram.binStride + 1] = sums.1
            total = total + NodeSums(gradient: sums.0, hessian: sums.1, count: sums.2)
        }
        let constraints = SplitConstraints(l2: 0, minChildWeight: 1e-3, minDataInLeaf: minDataInLeaf, minSplitGain: 0)
        var splittable = [true]
        return histogram.withUnsafeBufferPointer {
            HistogramSplitFinder.best(
                histogram: $0, features: [0], featureBins: [FeatureBins(upperBounds: [1.5, 2.5, 3.5, .infinity])],
                hasMissing: [hasMissing], total: total, constraints: constraints, splittable: &splittable)
        }
    }

    @Test func gainIsTheChildrenScoresMinusTheParents() {
        let found = best([(2, 1.25, 5), (1, 1.25, 5), (-1, 1.25, 5), (-2, 1.25, 5)])
        // Left bins 0–1: G = 3, H = 2.5; right bins 2–3: G = −3, H = 2.5; parent G = 0.
        #expect(found.rule?.thresholdBin == 1)
        #expect(abs(found.gain - (9 / 2.5 + 9 / 2.5)) < 1e-12)
        #expect(found.left.gradient == 3 && found.right.gradient == -3)
    }

    @Test func equalGainsGoToTheHighestThreshold() {
        // Bins 1 and 2 are empty in this node: thresholds 0, 1 and 2 split its rows alike; LightGBM keeps 2, the
        // one nearest the right child's rows.
        let found = best([(5, 2.5, 10), (0, 0, 0), (0, 0, 0), (-5, 2.5, 10)])
        #expect(found.rule?.thresholdBin == 2)
        #expect(found.rule?.threshold == 3.5)
        #expect(found.rule?.defaultLeft == true)
    }

    @Test func leafSizesAreEstimatedFromTheHessian() {
        // Bin 0 holds 10 rows but only 0.9 of the node's 8.4 hessian: an estimated 40 × 0.9 / 8.4 ≈ 4 rows, too few
        // for a leaf of 5 (LightGBM's min_data_in_leaf), though 10 rows would do.
        let rows = [(-4.0, 0.9, 10.0), (4, 7.5, 30), (0, 0, 0), (0, 0, 0)]
        #expect(!best(rows, minDataInLeaf: 5).isValid)
        #expect(best(rows, minDataInLeaf: 4).rule?.thresholdBin == 0)
    }

    @Test func missingValuesGoRightOnlyWhenThatGainsMore() {
        let bins = [(3.0, 1.0, 4.0), (3, 1, 4), (0, 0, 0), (0, 0, 0)]
        // Missing values left after bin 0, or right after bin 1 (values left, missing right): the latter gains more.
        let found = best(bins, missing: (-6, 2, 8), hasMissing: true)
        #expect(found.rule?.thresholdBin == 1)
        #expect(found.rule?.defaultLeft == false)
        #expect(abs(found.gain - 36) < 1e-12)
        // With equal gains the missing-left scan, which runs first, keeps its split.
        let tie = best([(3, 1, 4), (-3, 1, 4), (0, 0, 0), (0, 0, 0)], missing: (0, 1, 4), hasMissing: true)
        #expect(tie.rule?.defaultLeft == true)
    }

    @Test func implicitFirstBinCountsAsTheNodeLessTheOtherBins() {
        // Three value bins and missing values; six rows, hessian 6. LightGBM stores no entry for bin 0 when it is the
        // most frequent bin, so its missing-right scan counts bin 0 as 6 − (1 + 1 + 2) = 2 rows, not the direct
        // estimate round(0.9) = 1: enough for a leaf of 2, and the split after bin 0 becomes possible (and best).
        var histogram = [Double](repeating: 0, count: GradientHistogram.slotStride)
        for (bin, g, h) in [(0, -3.0, 0.9), (1, 1, 1.45), (2, 1, 1.45), (Int(QuantileBinner.missingBin), 1, 2.2)] {
            histogram[bin * GradientHistogram.binStride] = g
            histogram[bin * GradientHistogram.binStride + 1] = h
        }
        let total = NodeSums(gradient: 0, hessian: 6, count: 6)
        let constraints = SplitConstraints(l2: 0, minChildWeight: 1e-3, minDataInLeaf: 2, minSplitGain: 0)
        func split(implicitFirstBin: Bool) -> SplitCandidate {
            var splittable = [true]
            return histogram.withUnsafeBufferPointer {
                HistogramSplitFinder.best(
                    histogram: $0, features: [0], featureBins: [FeatureBins(upperBounds: [1.5, 2.5, .infinity])], hasMissing: [true],
                    total: total, constraints: constraints, splittable: &splittable, implicitFirstBin: [implicitFirstBin])
            }
        }
        let implicit = split(implicitFirstBin: true)
        #expect(implicit.rule?.thresholdBin == 0 && implicit.rule?.defaultLeft == false)
        #expect(abs(implicit.gain - (9 / 0.9 + 9 / 5.1)) < 1e-9)
        #expect(implicit.left.count == 2)
        let direct = split(implicitFirstBin: false)
        #expect(direct.rule?.thresholdBin == 1 && direct.rule?.defaultLeft == false)
    }
}
