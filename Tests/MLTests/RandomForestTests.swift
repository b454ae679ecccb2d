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
    func forestLearnsTheSignal(splitting: RandomForestConfiguration.Splitting) throws {
        let p = Self.problem
        let model = try RandomForest(configuration: config(splitting)).fit(p.train, labels: p.trainLabels)
        let auc = BinaryMetrics.auc(labels: p.testLabels, scores: model.predict(p.test))
        #expect(auc > 0.80)
    }

    @Test func sameSeedGivesTheSameForestWhateverTheThreads() throws {
        let p = Self.problem
        let one = try RandomForest(configuration: config(.best) { $0.threads = 1; $0.treeCount = 6; $0.seed = 3 }).fit(p.train, labels: p.trainLabels)
        let two = try RandomForest(configuration: config(.best) { $0.threads = 2; $0.treeCount = 6; $0.seed = 3 }).fit(p.train, labels: p.trainLabels)
        let other = try RandomForest(configuration: config(.best) { $0.threads = 2; $0.treeCount = 6; $0.seed = 4 }).fit(p.train, labels: p.trainLabels)
        let same = one == two
        let differs = one != other
        #expect(same)
        #expect(differs)
    }

    @Test func depthAndLeafSizeLimitsHold() throws {
        let p = Self.problem
        let model = try RandomForest(configuration: config(.best) { $0.maxDepth = 4; $0.minRowsInLeaf = 25; $0.treeCount = 5 }).fit(p.train, labels: p.trainLabels)
        for tree in model.trees {
            #expect(tree.depth <= 4)
            #expect(tree.leafCover.allSatisfy { $0 >= 25 })
        }
    }

    @Test func forestShapValuesSumToPredictionMinusExpectedValue() throws {
        let p = Self.problem
        let model = try RandomForest(configuration: config(.randomThreshold) { $0.treeCount = 5; $0.maxDepth = 8 }).fit(p.train, labels: p.trainLabels)
        let rows = p.test.selecting(rows: Array(0..<30))
        let predictions = model.predict(rows)
        for (row, phi) in model.shapValues(rows).enumerated() {
            #expect(abs(phi.reduce(0, +) + model.expectedValue - predictions[row]) < 1e-9)
        }
    }

    @Test(arguments: [RandomForestConfiguration.Splitting.best, .randomThreshold])
    func forestSplitsOnCategoricalLevels(splitting: RandomForestConfiguration.Splitting) throws {
        var random = SplitMix64(seed: 6)
        let codes = (0..<2_000).map { _ in Float(random.next() % 5) }
        let labels = codes.map { ($0 == 0 || $0 == 3) ? (random.nextUnit() < 0.9 ? 1.0 : 0.0) : (random.nextUnit() < 0.1 ? 1.0 : 0.0) }
        let kinds: [FeatureKind] = [.categorical(levels: ["a", "b", "c", "d", "e"])]
        let model = try RandomForest(configuration: config(splitting) { $0.treeCount = 20; $0.minRowsInLeaf = 20 })
            .fit(Dataset(columns: [codes], names: ["team"], kinds: kinds), labels: labels)
        let p = model.predict(Dataset(columns: [[0, 1, 2, 3, 4]], names: ["team"], kinds: kinds))
        #expect(p[0] > 0.7 && p[3] > 0.7)
        #expect(p[1] < 0.3 && p[2] < 0.3 && p[4] < 0.3)
    }
}
