import Testing
@testable import ML

@Suite struct RandomForestTests {
    static let problem = SyntheticProblem()

    private func config(_ splitting: RandomForestConfiguration.Splitting, _ change: (inout RandomForestConfiguration) -> Void = { _ in }) -> RandomForestConfiguration {
        var config = splitting == .best ? RandomForestConfiguration() : .extraTrees
        config.treeCount = 40
        config.minRowsInLeaf = 3
        config.threads = 2
        change(&config)
        return config
    }

    @Test(arguments: [RandomForestConfiguration.Splitting.best, .randomThreshold])
    func forestLearnsTheSignal(splitting: RandomForestConfiguration.Splitting) {
        let p = Self.problem
        let model = RandomForest(configuration: config(splitting)).fit(p.train, labels: p.trainLabels)
        let auc = BinaryMetrics.auc(labels: p.testLabels, scores: model.predict(p.test))
        #expect(auc > 0.80)
    }

    @Test func sameSeedGivesTheSameForestWhateverTheThreads() {
        let p = Self.problem
        let one = RandomForest(configuration: config(.best) { $0.threads = 1; $0.treeCount = 6; $0.seed = 3 }).fit(p.train, labels: p.trainLabels)
        let two = RandomForest(configuration: config(.best) { $0.threads = 2; $0.treeCount = 6; $0.seed = 3 }).fit(p.train, labels: p.trainLabels)
        let other = RandomForest(configuration: config(.best) { $0.threads = 2; $0.treeCount = 6; $0.seed = 4 }).fit(p.train, labels: p.trainLabels)
        let same = one == two
        let differs = one != other
        #expect(same)
        #expect(differs)
    }

    @Test func depthAndLeafSizeLimitsHold() {
        let p = Self.problem
        let model = RandomForest(configuration: config(.best) { $0.maxDepth = 4; $0.minRowsInLeaf = 25; $0.treeCount = 5 }).fit(p.train, labels: p.trainLabels)
        for tree in model.trees {
            #expect(tree.depth <= 4)
            #expect(tree.leafCover.allSatisfy { $0 >= 25 })
        }
    }

    @Test func forestShapValuesSumToPredictionMinusExpectedValue() {
        let p = Self.problem
        let model = RandomForest(configuration: config(.randomThreshold) { $0.treeCount = 5; $0.maxDepth = 8 }).fit(p.train, labels: p.trainLabels)
        let rows = p.test.selecting(rows: Array(0..<30))
        let predictions = model.predict(rows)
        for (row, phi) in model.shapValues(rows).enumerated() {
            #expect(abs(phi.reduce(0, +) + model.expectedValue - predictions[row]) < 1e-9)
        }
    }
}
