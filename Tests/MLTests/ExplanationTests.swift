import Testing
@testable import ML

@Suite struct ExplanationTests {
    static let problem = SyntheticProblem(rows: 1_000)
    static let model: GradientBoostingModel = {
        var config = GradientBoostingConfiguration()
        config.treeCount = 30
        config.leafCount = 12
        config.threads = 2
        return try! GradientBoosting(configuration: config).fit(problem.train, labels: problem.trainLabels)
    }()

    @Test func shapValuesSumToMarginMinusExpectedValue() {
        let rows = Self.problem.test.selecting(rows: Array(0..<100))
        let margins = Self.model.margins(rows)
        let shap = Self.model.shapValues(rows)
        for row in 0..<rows.rowCount {
            let total = shap[row].reduce(0, +) + Self.model.expectedMargin
            #expect(abs(total - margins[row]) < 1e-9)
        }
    }

    @Test func shapOfASingleSplitStumpMatchesTheClosedForm() {
        // One split on feature 0 with covers 30 (left, value -1) and 70 (right, value 2): E = 1.1;
        // a row going left gets φ0 = -1 - 1.1 = -2.1 and nothing for other features.
        var tree = DecisionTree(leafValue: 0, cover: 100)
        tree.split(leaf: 0, rule: SplitRule(feature: 0, thresholdBin: 0, threshold: 0.5, defaultLeft: true, categories: nil), gain: 1, left: (-1, 30), right: (2, 70))
        var explainer = TreeSHAP(tree: tree)
        var phi = [0.0, 0.0]
        explainer.accumulate(into: &phi) { $0 == 0 ? 0.2 : 9 }
        #expect(abs(TreeSHAP.expectedValue(of: tree) - 1.1) < 1e-12)
        #expect(abs(phi[0] - -2.1) < 1e-12 && phi[1] == 0)
    }

    @Test func gainAndPermutationImportanceRankSignalAboveNoise() {
        let gain = Self.model.gainImportance
        // Feature 0 (weight 1.5) carries the most signal; feature 5 is pure noise.
        #expect(gain[0] == gain.max())
        #expect(gain[5] < gain[0] / 10)
        let permutation = PermutationImportance.compute(data: Self.problem.test, labels: Self.problem.testLabels, repeats: 2, seed: 3) {
            Self.model.predict($0)
        }
        #expect(permutation.aucDrop[0] == permutation.aucDrop.max())
        #expect(permutation.aucDrop[5] < 0.01)
    }
}
