import Foundation
import Testing

@testable import ML

/// Out-of-fold predictions on time-ordered rows come only from models fitted on earlier rows.
@Suite struct WalkForwardTests {
    /// A two-layer stack of a GBM, a forest and a GLM on top of the market, validated with `scheme`.
    private static func stack(_ scheme: ValidationScheme, prior: MarketPrior) -> MultiLayerStack {
        var config = StackConfiguration()
        config.learners = [.smallGBM(threads: 1), .smallForest(trees: 10, depth: 6, threads: 1), .generalizedLinear(GeneralizedLinearConfiguration())]
        config.folds = 3
        config.layers = 2
        config.threads = 1
        config.validation = scheme
        config.prior = prior
        return MultiLayerStack(configuration: config)
    }

    @Test func everyWalkForwardFoldTrainsOnEveryEarlierRowAndOnlyOnThem() {
        for (rows, k) in [(103, 5), (40, 3), (1_000, 8)] {
            let folds = DataSplits.folds(.walkForward, rowCount: rows, folds: k)
            #expect(folds.count == k)
            for fold in folds {
                // Every training index precedes every validation index, and the window expands from the first row.
                #expect(fold.train.max()! < fold.validation.min()!)
                #expect(fold.train == Array(0..<fold.validation.min()!))
                #expect(fold.validation == Array(fold.validation.min()!...fold.validation.max()!))
            }
            // The blocks follow one another; the first block is never validated.
            #expect(folds.flatMap(\.validation) == Array(folds[0].train.count..<rows))
            #expect(folds[0].train.count == rows / (k + 1))
        }
    }

    @Test func walkForwardFoldsCutBetweenTimesNotWithinOne() {
        // Three games at each start time: a game never trains on another that started with it.
        let times = (0..<60).map { Double($0 / 3) }
        for fold in DataSplits.folds(.walkForward, rowCount: 60, folds: 4, times: times) {
            #expect(fold.train.map { times[$0] }.max()! < fold.validation.map { times[$0] }.min()!)
        }
    }

    @Test func shuffledFoldsAreTheStratifiedKFold() {
        let labels = (0..<90).map { $0 % 3 == 0 ? 1.0 : 0.0 }
        #expect(DataSplits.folds(.shuffled, rowCount: 90, folds: 4, seed: 3, labels: labels)
            == DataSplits.kFold(rowCount: 90, folds: 4, seed: 3, stratifiedBy: labels))
    }

    /// The stack fitted on a market problem's rows, then again after the labels of the last of four blocks are flipped.
    private static func stackBeforeAndAfterChangingTheFuture(_ scheme: ValidationScheme) throws -> (before: MultiLayerStack.Result, after: MultiLayerStack.Result, kept: Range<Int>) {
        let p = MarketProblem(rows: 480, noiseFeatures: 3, signal: 0.8, seed: 21)
        let stack = Self.stack(scheme, prior: p.prior)
        let before = try stack.fit(p.train, labels: p.trainLabels)
        let changedFrom = 3 * p.train.rowCount / 4
        let flipped = p.trainLabels.enumerated().map { row, label in row >= changedFrom ? 1 - label : label }
        return try (before, stack.fit(p.train, labels: flipped), 0..<changedFrom)
    }

    @Test func theStacksOutOfFoldPredictionsNeverDependOnLaterRows() throws {
        let (before, after, kept) = try Self.stackBeforeAndAfterChangingTheFuture(.walkForward)
        let blockSize = 480 / 4
        for (layer, (models, changed)) in zip(before.layerOutOfFold, after.layerOutOfFold).enumerated() {
            for (model, (p, q)) in zip(models, changed).enumerated() {
                // Layer 1 scores blocks 1…3; layer 2, fitted on layer 1's predictions, blocks 2…3.
                #expect(p.indices.allSatisfy { p[$0].isNaN == ($0 < (layer + 1) * blockSize) }, "layer \(layer + 1) model \(model)")
                // Rows before the changed labels are scored exactly as before: no model behind them saw a later row.
                let moved = kept.filter { !p[$0].isNaN && p[$0] != q[$0] }
                #expect(moved.isEmpty, "layer \(layer + 1) model \(model): \(moved.count) earlier rows moved")
            }
        }
        #expect(before.outOfFold.filter { !$0.isNaN }.count == 2 * blockSize)
        #expect(before.model.layers.allSatisfy { $0.allSatisfy { $0.members.count == 1 } })
    }

    @Test func shuffledFoldsLetLaterRowsMoveEarlierPredictions() throws {
        // The leak walk-forward removes, shown on the same data: shuffled folds train on rows after the ones they score.
        let (before, after, kept) = try Self.stackBeforeAndAfterChangingTheFuture(.shuffled)
        let moved = (0..<3).map { model in kept.filter { before.layerOutOfFold[0][model][$0] != after.layerOutOfFold[0][model][$0] }.count }
        #expect(moved.max()! > kept.count / 2, "\(moved)")
    }

    @Test func autoMLScoresEachLearnerOnItsOwnWalkForwardPredictions() throws {
        // No signal beyond the market: anchored, the learners are the market; their own predictions still differ.
        let p = MarketProblem(rows: 600, noiseFeatures: 4, seed: 5)
        var config = AutoMLConfiguration()
        config.maxModels = 4
        config.folds = 3
        config.threads = 1
        config.validation = .walkForward
        config.stackedEnsembles = false
        config.prior = p.prior
        let result = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels)
        let learners = result.leaderboard
        #expect(learners.count == 4)
        #expect(learners.allSatisfy { $0.rows == 600 - 600 / 4 && $0.anchoredLogLoss != nil })
        #expect(Set(learners.map(\.logLoss)).count == learners.count, "\(learners.map(\.logLoss))")
        // The forests are not fitted on the market's offset: alone they are worse than anchored.
        let forest = learners.first { $0.family == .drf }!
        #expect(forest.logLoss > forest.anchoredLogLoss!)
    }

    @Test func aStackedEnsembleLeadsOnlyOnWhatItAddsToTheMarketOnItsOwnGames() throws {
        // A market with nothing to add to it that grows sharper row by row: later games are easier to call. The
        // ensembles are scored on the last block only, their members on the last three, so on raw log loss an ensemble
        // that merely recalibrates the market would lead.
        var random = SplitMix64(seed: 11)
        let rows = 900
        var market = [Float](), noise = [Float](), labels = [Double]()
        for row in 0..<rows {
            let logit = (0.3 + 2.5 * Double(row) / Double(rows)) * random.nextNormal()
            market.append(Float(1 / (1 + exp(-logit))))
            noise.append(Float(random.nextNormal()))
            labels.append(random.nextUnit() < 1 / (1 + exp(-logit)) ? 1 : 0)
        }
        var config = AutoMLConfiguration()
        config.maxModels = 4
        config.folds = 3
        config.threads = 1
        config.validation = .walkForward
        config.sortMetric = .logLoss
        config.prior = MarketPrior(probabilityColumns: ["market"])
        let result = try AutoML(configuration: config).fit(Dataset(columns: [market, noise], names: ["market", "noise"]), labels: labels)
        let leader = result.leaderboard[0]
        let ensembles = result.leaderboard.filter { $0.family == nil }
        #expect(ensembles.count == 2 && ensembles.allSatisfy { $0.rows < leader.rows || leader.family == nil })
        // What raw log loss would have chosen: an ensemble, on its easier games.
        #expect(ensembles.contains { $0.logLoss < result.leaderboard.filter { $0.family != nil }.map(\.modelLogLoss).min()! })
        // Every entry carries the market on its own games, and the leader adds the most to it.
        #expect(result.leaderboard.allSatisfy { $0.priorLogLoss != nil })
        #expect(result.leaderboard.allSatisfy { leader.logLossOverPrior <= $0.logLossOverPrior })
        // An ensemble leads only if it beats the market on its own games.
        #expect(leader.family != nil || leader.logLoss < leader.priorLogLoss!, "\(result.leaderboard.map { ($0.name, $0.logLoss, $0.priorLogLoss!) })")
    }
}
