import Foundation
import Testing
@testable import ML

/// Symmetric (oblivious) trees: one split per level, shared by every leaf of the level.
@Suite struct SymmetricTreeTests {
    static let problem = SyntheticProblem()

    private func config(depth: Int, _ change: (inout GradientBoostingConfiguration) -> Void = { _ in }) -> GradientBoostingConfiguration {
        .small(trees: 60, leaves: 15) {
            $0.symmetricDepth = depth
            $0.learningRate = 0.1
            $0.l2Regularization = 3
            change(&$0)
        }
    }

    /// The distinct rules (feature, threshold bin, default direction) of a tree's internal nodes.
    private func rules(_ tree: DecisionTree) -> Set<String> {
        Set((0..<tree.internalCount).map { "\(tree.splitFeature[$0])/\(tree.thresholdBin[$0])/\(tree.defaultLeft[$0])" })
    }

    @Test func aTreeOfDepthDUsesAtMostDRules() throws {
        let p = Self.problem
        let model = try GradientBoosting(configuration: config(depth: 4) { $0.minDataInLeaf = 1 }).fit(p.train, labels: p.trainLabels)
        // Every leaf of a level takes the level's rule; a leaf it would leave with an empty child (a feature split
        // again below its own earlier split) stays whole and takes the next level's.
        for tree in model.trees {
            #expect(rules(tree).count <= 4 && tree.leafCount <= 16, "\(rules(tree))")
        }
        #expect(model.trees.contains { $0.leafCount > 8 })
        // A leaf-wise tree of as many leaves spends a rule of its own on each of its 15 splits.
        let leafwise = try GradientBoosting(configuration: .small(trees: 1, leaves: 16) { $0.minDataInLeaf = 1 }).fit(p.train, labels: p.trainLabels)
        #expect(rules(leafwise.trees[0]).count > 4)
    }

    @Test func learnsTheProblemAsWellAsLeafwiseTrees() throws {
        let p = Self.problem
        let symmetric = try GradientBoosting(configuration: config(depth: 5)).fit(p.train, labels: p.trainLabels)
        let leafwise = try GradientBoosting(configuration: .small(trees: 60, leaves: 15)).fit(p.train, labels: p.trainLabels)
        let auc = BinaryMetrics.auc(labels: p.testLabels, scores: symmetric.predict(p.test))
        let bayes = BinaryMetrics.auc(labels: p.testLabels, scores: p.testTruth)
        let leafwiseAUC = BinaryMetrics.auc(labels: p.testLabels, scores: leafwise.predict(p.test))
        #expect(auc > bayes - 0.045, "symmetric \(auc), Bayes \(bayes)")
        #expect(auc > leafwiseAUC - 0.01, "symmetric \(auc), leaf-wise \(leafwiseAUC)")
    }

    @Test func aLeafTheRuleWouldLeaveTooSmallStaysWhole() throws {
        // x = 1…8, ten rows each, the label rising with x; 25 rows per leaf at least: the root splits 40/40, and no
        // level-two rule can split a leaf of 40 into two of 25, so the tree stops at two leaves.
        let x: [Float] = (1...8).flatMap { Array(repeating: Float($0), count: 10) }
        let labels: [Double] = (1...8).flatMap { value in (0..<10).map { $0 < value ? 1 : 0 } }
        let model = try GradientBoosting(configuration: config(depth: 3) { $0.treeCount = 1; $0.minDataInLeaf = 25; $0.l2Regularization = 0 })
            .fit(Dataset(columns: [x]), labels: labels)
        #expect(model.trees[0].leafCount == 2 && model.trees[0].threshold == [4.5])
        #expect(model.trees[0].leafCover == [40, 40])
    }

    @Test func missingValuesFollowTheLevelsLearnedDirection() throws {
        // Missing x behaves like a large x: the rule learns to send missing values right, with the large ones.
        var random = SplitMix64(seed: 3)
        var x: [Float] = []
        var labels: [Double] = []
        for _ in 0..<2_000 {
            let value = Float(random.nextUnit() * 2 - 1)
            let missing = random.nextUnit() < 0.2
            x.append(missing ? .nan : value)
            labels.append((missing || value > 0) == (random.nextUnit() < 0.9) ? 1 : 0)
        }
        let model = try GradientBoosting(configuration: config(depth: 2) { $0.treeCount = 20 }).fit(Dataset(columns: [x]), labels: labels)
        let predictions = model.predict(Dataset(columns: [[.nan, -0.5, 0.5]]))
        #expect(predictions[0] > 0.7 && predictions[1] < 0.3 && predictions[2] > 0.7, "\(predictions)")
    }

    @Test func configurationsStoredBeforeSymmetricTreesStillDecode() throws {
        var stored = try JSONSerialization.jsonObject(with: JSONEncoder().encode(GradientBoostingConfiguration())) as? [String: Any] ?? [:]
        stored["symmetricDepth"] = nil
        let decoded = try JSONDecoder().decode(GradientBoostingConfiguration.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(decoded == GradientBoostingConfiguration() && decoded.symmetricDepth == nil)
        var symmetric = GradientBoostingConfiguration()
        symmetric.symmetricDepth = 6
        #expect(try JSONDecoder().decode(GradientBoostingConfiguration.self, from: JSONEncoder().encode(symmetric)).symmetricDepth == 6)
    }
}
