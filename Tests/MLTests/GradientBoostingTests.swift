import Testing
@testable import ML

@Suite struct GradientBoostingTests {
    static let problem = SyntheticProblem()

    private func config(_ change: (inout GradientBoostingConfiguration) -> Void = { _ in }) -> GradientBoostingConfiguration {
        .small(trees: 60, leaves: 15, change)
    }

    @Test func beatsTheConstantPredictorAndReachesKnownAUC() throws {
        let p = Self.problem
        let model = try GradientBoosting(configuration: config()).fit(p.train, labels: p.trainLabels)
        let probabilities = model.predict(p.test)
        let constant = [Double](repeating: p.trainLabels.reduce(0, +) / Double(p.trainLabels.count), count: p.testLabels.count)
        let auc = BinaryMetrics.auc(labels: p.testLabels, scores: probabilities)
        let bayes = BinaryMetrics.auc(labels: p.testLabels, scores: p.testTruth)
        #expect(BinaryMetrics.logLoss(labels: p.testLabels, probabilities: probabilities) < BinaryMetrics.logLoss(labels: p.testLabels, probabilities: constant) - 0.1)
        #expect(auc > 0.80)
        // LightGBM 4.7 at the same settings reaches 0.82298 on these rows, 0.042 under the Bayes rate (0.86529).
        #expect(auc > bayes - 0.045)
    }

    @Test func oneTreeHasTheGainAndLeafValuesComputedByHand() throws {
        // x = 1, 2, 3, 4 five rows each, with 1, 1, 4 and 4 positives: the mean is 0.5, so the first margin is 0 and
        // every row has p = 0.5, gradient p − y = ±0.5 and hessian 0.25.
        let x: [Float] = [1, 2, 3, 4].flatMap { Array(repeating: $0, count: 5) }
        let labels: [Double] = [1, 1, 4, 4].flatMap { positives in (0..<5).map { $0 < positives ? 1 : 0 } }
        let model = try GradientBoosting(configuration: config { $0.treeCount = 1; $0.leafCount = 2; $0.minDataInLeaf = 1 })
            .fit(Dataset(columns: [x]), labels: labels)
        #expect(model.initialMargin == 0)
        let tree = model.trees[0]
        // x ≤ 2: G = 8 × 0.5 − 2 × 0.5 = 3, H = 2.5; x > 2: G = −3, H = 2.5. Gain 3²/2.5 + 3²/2.5 − 0 = 7.2, leaf
        // values −G/H times the learning rate 0.1; the threshold is the midpoint between 2 and 3.
        #expect(tree.threshold == [2.5])
        #expect(abs(tree.splitGain[0] - 7.2) < 1e-12)
        #expect(abs(tree.leafValue[0] - -0.12) < 1e-12 && abs(tree.leafValue[1] - 0.12) < 1e-12)
        #expect(tree.leafCover == [10, 10])
    }

    @Test func fitsSquaredErrorRegression() throws {
        var random = SplitMix64(seed: 9)
        let x = (0..<1_000).map { _ in Float(random.nextUnit() * 4 - 2) }
        let y = x.map { Double($0 > 0 ? 2 * $0 : -$0) }
        let model = try GradientBoosting(configuration: config { $0.objective = .squaredError; $0.minDataInLeaf = 5 }).fit(Dataset(columns: [x]), labels: y)
        let predictions = model.predict(Dataset(columns: [x]))
        let mse = zip(predictions, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(y.count)
        #expect(mse < 0.01)
    }

    @Test func sameSeedGivesTheSameModelWithSubsampling() throws {
        let p = Self.problem
        let c = config { $0.rowSubsample = 0.7; $0.columnSubsample = 0.5; $0.seed = 11; $0.treeCount = 20 }
        let a = try GradientBoosting(configuration: c).fit(p.train, labels: p.trainLabels)
        let b = try GradientBoosting(configuration: c).fit(p.train, labels: p.trainLabels)
        var other = c
        other.seed = 12
        let d = try GradientBoosting(configuration: other).fit(p.train, labels: p.trainLabels)
        let same = a == b
        let differs = a != d
        #expect(same)
        #expect(differs)
        // Out-of-sample rows get each tree's output too, so subsampled boosting still learns the signal.
        #expect(BinaryMetrics.auc(labels: p.testLabels, scores: a.predict(p.test)) > 0.80)
    }

    @Test func threadCountDoesNotChangeTheModel() throws {
        let p = Self.problem
        let one = try GradientBoosting(configuration: config { $0.threads = 1; $0.treeCount = 10 }).fit(p.train, labels: p.trainLabels)
        let two = try GradientBoosting(configuration: config { $0.threads = 2; $0.treeCount = 10 }).fit(p.train, labels: p.trainLabels)
        let same = one == two
        #expect(same)
    }

    @Test func blockPartitionsGrowTheTreesOfOneThread() throws {
        // 40,000 rows: the top leaves pass ``HistogramTreeGrower/parallelRows`` and are partitioned in blocks, and their
        // gathers and histograms use both threads; the trees must be the ones the serial partition grows.
        let p = SyntheticProblem(rows: 40_000, features: 8, seed: 3)
        #expect(p.train.rowCount / 2 >= HistogramTreeGrower.parallelRows)
        for symmetricDepth in [nil, 5] {
            let one = try GradientBoosting(configuration: config { $0.threads = 1; $0.treeCount = 8; $0.symmetricDepth = symmetricDepth })
                .fit(p.train, labels: p.trainLabels)
            let two = try GradientBoosting(configuration: config { $0.threads = 2; $0.treeCount = 8; $0.symmetricDepth = symmetricDepth })
                .fit(p.train, labels: p.trainLabels)
            let same = one == two
            #expect(same)
        }
    }

    @Test func earlyStoppingKeepsTheBestRound() throws {
        let p = Self.problem
        let model = try GradientBoosting(configuration: config { $0.treeCount = 400; $0.learningRate = 0.3; $0.earlyStoppingRounds = 10 })
            .fit(p.train, labels: p.trainLabels, validation: (p.test, p.testLabels))
        #expect(model.trees.count < 400)
        let best = model.validationLoss.indices.min { model.validationLoss[$0] < model.validationLoss[$1] }
        #expect(best == model.trees.count - 1)
        #expect(model.validationLoss.count == model.trees.count + 10)
        // The loss tracked on binned validation rows is the loss of the kept model predicting the raw rows.
        let keptLoss = BinaryMetrics.logLoss(labels: p.testLabels, probabilities: model.predict(p.test))
        #expect(abs(keptLoss - model.validationLoss[model.trees.count - 1]) < 1e-9)
    }

    @Test func leavesRespectLeafCountAndMinData() throws {
        let p = Self.problem
        // Squared error has unit hessians, so the split search's estimate of a child's rows (its share of the
        // hessian, as LightGBM counts) is exact; under log loss a leaf may hold fewer rows than minDataInLeaf.
        let model = try GradientBoosting(configuration: config { $0.objective = .squaredError; $0.leafCount = 7; $0.minDataInLeaf = 50 })
            .fit(p.train, labels: p.trainLabels)
        for tree in model.trees {
            #expect(tree.leafCount <= 7)
            #expect(tree.leafCover.allSatisfy { $0 >= 50 })
        }
        let shallow = try GradientBoosting(configuration: config { $0.leafCount = 31; $0.maxDepth = 3; $0.treeCount = 10 }).fit(p.train, labels: p.trainLabels)
        #expect(shallow.trees.allSatisfy { $0.depth <= 3 && $0.leafCount <= 8 })
        #expect(shallow.trees.contains { $0.depth == 3 })
    }

    @Test func rawAndBinnedTraversalAgree() throws {
        let p = Self.problem
        let model = try GradientBoosting(configuration: config { $0.treeCount = 10 }).fit(p.train, labels: p.trainLabels)
        let binned = model.binner.bin(p.test)
        binned.bins.withUnsafeBufferPointer { bins in
            p.test.values.withUnsafeBufferPointer { values in
                for tree in model.trees {
                    for row in 0..<p.test.rowCount {
                        #expect(tree.leaf(row: row, bins: bins, rowCount: p.test.rowCount) == tree.leaf(row: row, values: values, rowCount: p.test.rowCount))
                    }
                }
            }
        }
    }

    @Test func splitsOnCategoricalLevels() throws {
        // Level codes 0…5; levels 1 and 4 carry the positive class.
        var random = SplitMix64(seed: 5)
        let codes = (0..<3_000).map { _ in Float(random.next() % 6) }
        let labels = codes.map { ($0 == 1 || $0 == 4) ? (random.nextUnit() < 0.9 ? 1.0 : 0.0) : (random.nextUnit() < 0.1 ? 1.0 : 0.0) }
        let data = Dataset(columns: [codes], names: ["team"], kinds: [.categorical(levels: ["a", "b", "c", "d", "e", "f"])])
        let model = try GradientBoosting(configuration: config { $0.treeCount = 5; $0.leafCount = 2 }).fit(data, labels: labels)
        let p = model.predict(Dataset(columns: [[0, 1, 2, 3, 4, 5]], names: ["team"], kinds: data.kinds))
        #expect(p[1] > 0.5 && p[4] > 0.5)
        #expect(p[0] < 0.5 && p[2] < 0.5 && p[3] < 0.5 && p[5] < 0.5)
    }
}
