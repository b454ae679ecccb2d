import Foundation
import Testing

@testable import ML

/// Learners fitted on top of a market prior fall back to it when the features hold nothing more, and improve on
/// it when they hold a signal it lacks.
@Suite struct MarketPriorTests {
    static let noise = MarketProblem()
    static let signal = MarketProblem(signal: 0.8)
    static let evenOdds = MarketProblem(coinFlips: true, seed: 11)

    static let learners: [(String, LearnerSpecification)] = ModelFamily.allCases.map { family in
        (family.rawValue, LearnerSpecification.defaultLearner(family).withThreads(2))
    }

    @Test func offsetsReadTheFirstColumnWithAProbabilityThenEvenOdds() {
        let data = Dataset(columns: [[0.8, .nan, .nan, 1], [0.1, 0.25, .nan, .nan]], names: ["current", "open"])
        let offsets = MarketPrior(probabilityColumns: ["current", "open", "absent"]).offsets(data)
        #expect(abs(offsets[0] - log(0.8 / 0.2)) < 1e-6)
        #expect(abs(offsets[1] - log(0.25 / 0.75)) < 1e-6)
        #expect(offsets[2] == 0 && offsets[3] == 0)
        #expect(MarketPrior.evenOdds.offsets(data) == [0, 0, 0, 0])
    }

    @Test func boostingStartsFromTheOffsetAndKeepsNoTreeThatDoesNotHelp() throws {
        let p = Self.noise
        var config = GradientBoostingConfiguration()
        config.threads = 2
        config.earlyStoppingRounds = 10
        let holdout = Array(0..<1_000)
        let model = try GradientBoosting(configuration: config).fit(
            p.train, labels: p.trainLabels, prior: p.prior, validation: (p.test.selecting(rows: holdout), holdout.map { p.testLabels[$0] }))
        #expect(model.prior == p.prior)
        // The market is the truth: the intercept on top of it is about zero, and trees on noise do not survive.
        #expect(abs(model.initialMargin) < 0.1)
        #expect(model.trees.count < 10)
        let empty = try GradientBoosting(
            configuration: {
                var c = config; c.treeCount = 0; return c
            }()
        ).fit(p.train, labels: p.trainLabels, prior: p.prior)
        let offsets = p.prior.offsets(p.test)
        for (probability, offset) in zip(empty.predict(p.test), offsets).prefix(50) {
            #expect(abs(probability - MarketPrior.sigmoid(offset + empty.initialMargin)) < 1e-12)
        }
    }

    @Test(arguments: 0..<4) func noiseFeaturesLeaveTheMarketsLogLoss(learner: Int) throws {
        let (name, specification) = Self.learners[learner]
        let p = Self.noise
        let anchored = try specification.fit(p.train, labels: p.trainLabels, prior: p.prior)
        let loss = p.testLogLoss(anchored)
        #expect(loss < p.priorTestLogLoss + 0.005, "\(name): \(loss) against the market's \(p.priorTestLogLoss)")
    }

    @Test func withoutThePriorBoostingOnNoiseIsWorseThanTheMarket() throws {
        // The failure the prior exists to prevent: the same GBM, fitted on the market as a feature only.
        let p = Self.noise
        let plain = try LearnerSpecification.defaultLearner(.gbm).withThreads(2).fit(p.train, labels: p.trainLabels)
        #expect(p.testLogLoss(plain) > p.priorTestLogLoss + 0.01)
    }

    @Test(arguments: 0..<4) func evenOddsPriorKeepsNoiseAtTheCoinFlip(learner: Int) throws {
        // A spread or total: the line makes both sides equally likely; every column is noise to the learners.
        let (name, specification) = Self.learners[learner]
        let p = Self.evenOdds
        let anchored = try specification.fit(p.train, labels: p.trainLabels, prior: .evenOdds)
        let loss = p.testLogLoss(anchored)
        let coin = BinaryMetrics.logLoss(labels: p.testLabels, probabilities: [Double](repeating: 0.5, count: p.testLabels.count))
        #expect(loss < coin + 0.005, "\(name): \(loss) against the coin flip's \(coin)")
    }

    @Test(arguments: [0, 1]) func aSignalTheMarketLacksImprovesOnIt(learner: Int) throws {
        let (name, specification) = Self.learners[learner]
        let p = Self.signal
        let anchored = try specification.fit(p.train, labels: p.trainLabels, prior: p.prior)
        let loss = p.testLogLoss(anchored)
        #expect(loss < p.priorTestLogLoss - 0.02, "\(name): \(loss) against the market's \(p.priorTestLogLoss)")
        guard case .priorAnchored(let model) = anchored else {
            Issue.record("not anchored")
            return
        }
        #expect(model.weight > 0.5)
    }

    @Test func glmOffsetRecoversTheMissingCoefficient() throws {
        let p = Self.signal
        var config = GeneralizedLinearConfiguration()
        config.lambda = 1e-4
        let model = try GeneralizedLinear(configuration: config).fit(p.train, labels: p.trainLabels, prior: p.prior)
        #expect(model.prior == p.prior)
        // Standardized "edge" has scale ≈ 1: its coefficient is the signal; the market's own column adds nothing.
        #expect(abs(model.coefficients[1] - 0.8) < 0.15)
        #expect(abs(model.coefficients[0]) < 0.15)
    }
}
