import Testing
@testable import ML

@Suite struct EnsembleTests {
    static let problem = SyntheticProblem(rows: 800)

    /// A small AutoML search of `maxModels` models on two threads, in `folds` folds (nil: the default).
    static func autoML(maxModels: Int, folds: Int? = nil) -> AutoMLConfiguration {
        var config = AutoMLConfiguration()
        config.maxModels = maxModels
        if let folds { config.folds = folds }
        config.threads = 2
        return config
    }

    @Test func caruanaFavorsTheBetterModel() {
        let labels: [Double] = [0, 1, 0, 1, 1, 0]
        let good: [Double] = [0.2, 0.8, 0.3, 0.7, 0.9, 0.1]
        let noise: [Double] = [0.6, 0.4, 0.5, 0.5, 0.3, 0.7]
        let weights = CaruanaSelection.weights(predictions: [noise, good], labels: labels, iterations: 10)
        #expect(weights[1] > 0.8)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
    }

    @Test func metaEnsembleKeepsDefaultsWithoutEnoughValidationRows() {
        let weights = MetaEnsemble.weights(validationPredictions: [[0.5], [0.5], [0.5]], labels: [1])
        #expect(weights == MetaEnsemble.defaultWeights)
    }

    @Test func metaEnsembleMovesWeightToTheBestComponent() {
        let p = Self.problem
        let truth = p.testTruth
        let flat = [Double](repeating: 0.5, count: truth.count)
        let weights = MetaEnsemble.weights(validationPredictions: [flat, truth, flat], labels: p.testLabels)
        #expect(weights[1] > 0.9)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-9)
    }

    /// A member that looks perfect on the rows it was chosen on but is noise on a later window does not take the
    /// weight (the winner's curse); one that is good on both does.
    @Test func searchedWeightsNeedConfirmingOnRowsNoMemberWasChosenOn() {
        let p = Self.problem
        let (labels, truth) = (p.testLabels, p.testTruth)
        let half = labels.count / 2
        let flat = [Double](repeating: 0.5, count: labels.count)
        // Fitted to the labels of the first half (what choosing on them rewards), a coin toss on the second.
        let cursed = labels.indices.map { $0 < half ? 0.05 + 0.9 * labels[$0] : ($0 % 2 == 0 ? 0.9 : 0.1) }
        func split(_ members: [[Double]]) -> (search: ([[Double]], [Double]), confirmation: ([[Double]], [Double])) {
            (
                (members.map { Array($0[..<half]) }, Array(labels[..<half])),
                (members.map { Array($0[half...]) }, Array(labels[half...]))
            )
        }
        let curse = split([cursed, flat, flat])
        #expect(MetaEnsemble.weights(search: curse.search, confirmation: curse.confirmation) == MetaEnsemble.defaultWeights)
        // Searched alone, the first half hands the cursed member everything.
        #expect(MetaEnsemble.weights(validationPredictions: curse.search.0, labels: curse.search.1)[0] == 1)
        let real = split([flat, truth, flat])
        #expect(MetaEnsemble.weights(search: real.search, confirmation: real.confirmation)[1] > 0.9)
    }

    @Test func autoMLRanksModelsAndBuildsBothStackedEnsembles() throws {
        let p = Self.problem
        var config = Self.autoML(maxModels: 5, folds: 3)
        config.maxRuntimeSeconds = 120
        let result = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels)
        let names = result.leaderboard.map(\.name)
        #expect(result.leaderboard.count == 7)
        #expect(names.contains("StackedEnsemble_AllModels") && names.contains("StackedEnsemble_BestOfFamily"))
        #expect(Set(result.leaderboard.compactMap(\.family)) == Set(ModelFamily.allCases))
        #expect(zip(result.leaderboard, result.leaderboard.dropFirst()).allSatisfy { $0.auc >= $1.auc })
        let auc = BinaryMetrics.auc(labels: p.testLabels, scores: result.leader.predict(p.test))
        #expect(auc > 0.80)
        if case .stackedEnsemble(let ensemble) = result.models["StackedEnsemble_AllModels"] {
            #expect(ensemble.metalearner.coefficients.allSatisfy { $0 >= 0 })
        } else {
            Issue.record("the all-models ensemble is not a stacked ensemble")
        }
    }

    @Test func autoMLTriesTheCallersLeadingLearnersFirst() throws {
        let p = Self.problem
        var named = GeneralizedLinearConfiguration()
        named.columns = [p.train.names[0]]
        var config = Self.autoML(maxModels: 2, folds: 3)
        config.families = [.gbm]
        config.stackedEnsembles = false
        config.leadingLearners = [.generalizedLinear(named)]
        let result = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels)
        #expect(Set(result.leaderboard.map(\.name)) == ["GLM_1", "GBM_1"])
        #expect(result.leaderboard.first { $0.name == "GLM_1" }?.learner == .generalizedLinear(named))
    }

    @Test func autoMLStopsAtTheTimeBudget() throws {
        let p = Self.problem
        var config = AutoMLConfiguration()
        config.maxModels = 1_000
        config.folds = 2
        config.maxRuntimeSeconds = 0.5
        config.stackedEnsembles = false
        let result = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels)
        #expect(result.leaderboard.count >= 1 && result.leaderboard.count < 1_000)
    }

    @Test func multiLayerStackBeatsItsWeakestBaseModel() throws {
        let p = Self.problem
        var config = StackConfiguration()
        config.learners = [.smallGBM(), .smallForest(.best), .smallForest(.randomThreshold), .generalizedLinear(GeneralizedLinearConfiguration())]
        config.folds = 3
        config.layers = 2
        config.threads = 2
        let result = try MultiLayerStack(configuration: config).fit(p.train, labels: p.trainLabels)
        #expect(result.model.layers.count == 2 && result.model.layers.allSatisfy { $0.count == 4 && $0.allSatisfy { $0.members.count == 3 } })
        let stackLoss = BinaryMetrics.logLoss(labels: p.trainLabels, probabilities: result.outOfFold)
        #expect(stackLoss <= result.layerLogLoss.last!.max()!)
        let auc = BinaryMetrics.auc(labels: p.testLabels, scores: result.model.predict(p.test))
        #expect(auc > 0.80)
    }

    @Test func softVotingAveragesItsMembers() throws {
        let p = Self.problem
        let voting = try SoftVotingEnsemble(learners: [.smallGBM(), .generalizedLinear(GeneralizedLinearConfiguration())]).fit(p.train, labels: p.trainLabels)
        let expected = zip(voting.members[0].predict(p.test), voting.members[1].predict(p.test)).map { ($0 + $1) / 2 }
        #expect(zip(voting.predict(p.test), expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func metaEnsembleBlendsTheThreeComponentsAndCalibrates() throws {
        let p = Self.problem
        let autoML = Self.autoML(maxModels: 3, folds: 2)
        var stack = StackConfiguration()
        stack.learners = [.smallGBM(), .generalizedLinear(GeneralizedLinearConfiguration())]
        stack.folds = 2
        stack.threads = 2
        let voting = SoftVotingEnsemble(learners: [.smallForest(.best), .generalizedLinear(GeneralizedLinearConfiguration())])
        let result = try MetaEnsemble.fit(p.train, labels: p.trainLabels, autoML: autoML, stack: stack, voting: voting, seed: 1)
        #expect(result.weights.count == 3 && abs(result.weights.reduce(0, +) - 1) < 1e-9)
        #expect(result.componentLogLoss.count == 3)
        let predictions = result.model.predict(p.test)
        #expect(predictions.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(BinaryMetrics.auc(labels: p.testLabels, scores: predictions) > 0.78)
    }

    @Test func autoMLAcceptsWalkForwardFolds() throws {
        let p = Self.problem
        let times = (0..<p.train.rowCount).map { Double($0 / 10) }
        let config = Self.autoML(maxModels: 3)
        let result = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels, folds: DataSplits.walkForward(times: times, folds: 3, gap: 2))
        #expect(result.leaderboard.count == 5)
        #expect(result.leaderboard.allSatisfy { $0.auc.isFinite && $0.logLoss.isFinite && $0.auc > 0.7 })
    }

    @Test func autoMLIsDeterministicGivenTheSeed() throws {
        let p = SyntheticProblem(rows: 300, seed: 8)
        var config = Self.autoML(maxModels: 4, folds: 2)
        config.seed = 5
        let first = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels)
        let second = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels)
        #expect(first.leaderboard.map(\.name) == second.leaderboard.map(\.name))
        #expect(first.leaderboard.map(\.auc) == second.leaderboard.map(\.auc))
        let same = first.leader == second.leader
        #expect(same)
    }
}
