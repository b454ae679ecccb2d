import Foundation
import Testing
@testable import ML

/// Category splits as LightGBM finds them (`FindBestThresholdCategoricalInner` with its defaults `max_cat_to_onehot`
/// 4, `cat_smooth` 10, `cat_l2` 10, `max_cat_threshold` 32, `min_data_per_group` 100).
@Suite struct CategoricalSplitTests {
    /// The best split of one categorical feature whose categories have the given (gradient, hessian, rows) sums.
    private func best(_ categories: [(Double, Double, Double)]) -> SplitCandidate {
        var histogram = [Double](repeating: 0, count: GradientHistogram.slotStride)
        var total = NodeSums()
        for (bin, sums) in categories.enumerated() {
            histogram[bin * GradientHistogram.binStride] = sums.0
            histogram[bin * GradientHistogram.binStride + 1] = sums.1
            total = total + NodeSums(gradient: sums.0, hessian: sums.1, count: sums.2)
        }
        let constraints = SplitConstraints(l2: 0, minChildWeight: 1e-3, minDataInLeaf: 20, minSplitGain: 0)
        var splittable = [true]
        return histogram.withUnsafeBufferPointer {
            HistogramSplitFinder.best(
                histogram: $0, features: [0], featureBins: [FeatureBins(categoryCount: categories.count)],
                hasMissing: [false], total: total, constraints: constraints, splittable: &splittable)
        }
    }

    private func members(_ set: SIMD4<UInt64>?) -> [Int] {
        guard let set else { return [] }
        return (0..<256).filter { set[$0 >> 6] >> UInt64($0 & 63) & 1 == 1 }
    }

    @Test func fewCategoriesAreSplitOneAgainstTheRest() {
        // Three categories and the missing bin make four bins: one-hot. Category 0 alone: 5²/2.5 + 5²/5 = 15, with
        // the plain L2 (0), not cat_l2.
        let found = best([(-5, 2.5, 40), (2, 2.5, 40), (3, 2.5, 40)])
        #expect(members(found.rule?.categories) == [0])
        #expect(abs(found.gain - 15) < 1e-9)
        #expect(found.extraL2 == 0)
        #expect(found.rule?.defaultLeft == false)
    }

    @Test func manyCategoriesAreOrderedByGradientRatioWithCatL2() {
        // Eight categories: 2, 5 and 6 pull down, 0, 1, 3 and 4 up. Ordered by G / (H + 10), the best prefix is
        // {2, 5, 6}; its gain uses λ + cat_l2 = 10 on both sides, less the parent's score (plain λ). Category 7
        // (5 rows, under cat_smooth) would head the order from the top but takes no part, so it stays right.
        var categories = [(Double, Double, Double)](repeating: (15, 50, 200), count: 8)
        for c in [2, 5, 6] { categories[c] = (-20, 50, 200) }
        categories[7] = (3, 1.25, 5)
        let found = best(categories)
        #expect(members(found.rule?.categories) == [2, 5, 6])
        #expect(found.extraL2 == 10)
        let left = 60.0 * 60 / (150 + 10)
        let right = 63.0 * 63 / (201.25 + 10)
        #expect(abs(found.gain - (left + right - 9 / 351.25)) < 1e-9)
        #expect(found.left.gradient == -60 && abs(found.left.hessian - 150) < 1e-9)
    }

    @Test func manyVersusManyWaitsForMinDataPerGroup() {
        // Five categories of 60 rows (too many for one-hot), in ratio order 0…4. A prefix is tried only once it has
        // gained 100 rows since the last one tried, so {0} (60) is not, {0, 1} (120) is; the right side must keep
        // 100 rows too, so a node of 150 rows cannot split at all.
        let split = best([(-9, 15, 60), (-3, 15, 60), (1, 15, 60), (4, 15, 60), (7, 15, 60)])
        #expect(members(split.rule?.categories) == [0, 1])
        let tooSmall = best([(-9, 7.5, 30), (-3, 7.5, 30), (1, 7.5, 30), (4, 7.5, 30), (7, 7.5, 30)])
        #expect(!tooSmall.isValid)
    }

    @Test func boostingSplitsTeamsIntoGroupsAndShrinksTheirLeaves() throws {
        // Twelve teams; 1, 4, 7 and 9 win 80% of their games, the others 20%.
        var random = SplitMix64(seed: 21)
        let winners: Set<Int> = [1, 4, 7, 9]
        let codes = (0..<6_000).map { _ in Int(random.next() % 12) }
        let labels = codes.map { random.nextUnit() < (winners.contains($0) ? 0.8 : 0.2) ? 1.0 : 0.0 }
        let levels = (0..<12).map { "team\($0)" }
        let data = Dataset(columns: [codes.map(Float.init)], names: ["team"], kinds: [.categorical(levels: levels)])
        var config = GradientBoostingConfiguration()
        config.treeCount = 1
        config.leafCount = 2
        config.threads = 1
        let model = try GradientBoosting(configuration: config).fit(data, labels: labels)
        let tree = model.trees[0]
        let set = (0..<12).filter { tree.goesLeft(node: 0, bin: UInt8($0)) }
        #expect(Set(set) == winners || Set(set) == Set(0..<12).subtracting(winners))
        // The leaf values carry cat_l2: −G / (H + 10) times the learning rate.
        let p = 1 / (1 + exp(-model.initialMargin))
        var g = 0.0
        var h = 0.0
        for (code, label) in zip(codes, labels) where set.contains(code) {
            g += p - label
            h += p * (1 - p)
        }
        #expect(abs(tree.leafValue[0] - -g / (h + 10) * 0.1) < 1e-6)
        // Unseen and missing teams go right.
        #expect(!tree.goesLeft(node: 0, value: .nan) && !tree.goesLeft(node: 0, value: 40))
    }
}
