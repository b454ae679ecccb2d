import Foundation
import ML
import Store
import Testing

@testable import Jobs

/// Promotion is judged on the pooled walk-forward games of the training window plus the evaluation window, beside
/// the market on the same games.
@Suite struct PooledPromotionTests {
    @Test func thresholdsAreJudgedOnThePooledWalkForwardGamesBesideTheMarket() throws {
        let data = EvaluationReportPageTests.synthetic(rows: 400, seed: 5)
        let settings = TrainingSettings.quick(maxModels: 2, preset: .mediumQuality)
        let automl = try ModelTrainer.fit(.automl, data, settings: settings, prior: .evenOdds)
        let stack = try ModelTrainer.fit(.stack, data, settings: settings, prior: .evenOdds)
        // The first walk-forward block of the fit rows has no out-of-fold prediction; every later row of the stack has one.
        let firstBlock = data.fit.count / 4
        #expect(automl.outOfFold.ids.allSatisfy { $0 >= firstBlock } && !automl.outOfFold.ids.isEmpty)
        #expect(stack.outOfFold.ids == Array(firstBlock..<data.fit.count))
        let blended = try ModelCalibrator.blend(
            automl: automl.model, stack: stack.model, data: data, prior: .evenOdds, seed: 0, outOfFold: (automl.outOfFold, stack.outOfFold),
            folds: settings.folds)
        let pooled = blended.pooled
        #expect(pooled.evaluationRows == data.evaluation.count)
        #expect(pooled.trainingRows >= data.fit.count / 2)
        #expect(pooled.model.logLoss < pooled.prior.logLoss - 0.1 && pooled.verdict == "beats the market")
        let alone = try ModelCalibrator.blend(automl: automl.model, stack: stack.model, data: data, prior: .evenOdds, seed: 0)
        #expect(alone.pooled.rows == data.evaluation.count && alone.pooled.trainingRows == 0)
        #expect(abs(alone.pooled.model.logLoss - alone.evaluation.logLoss) < 1e-12)
    }

    /// The market is the truth here and the other features are noise: what the learners add to it on the pooled walk-forward
    /// games only costs, so the model serves the market's probability, and says why.
    @Test func aBlendTheMarketBeatsOnThePooledGamesServesTheMarket() throws {
        // Seed 21: the learners' noise costs 0.0046 of log loss on the pooled games (on seeds 3 and 9 it costs nothing).
        let data = MarketPriorTrainingTests.moneyline(rows: 700, seed: 21)
        let prior = ModelMarkets.prior(.moneyline)
        let blended = try MarketPriorTrainingTests.blended(data, preset: .mediumQuality, walkForward: true)
        let fallback = try #require(blended.marketFallback)
        #expect(fallback.logLossDifference > 0 && fallback.rows == blended.pooled.rows && fallback.trainingRows > 0)
        let evaluation = data.dataset(data.evaluation)
        #expect(blended.model.predict(evaluation) == prior.probabilities(evaluation))
        #expect(blended.pooled.logLossDifference == 0 && blended.probabilities == prior.probabilities(evaluation))
        // What its members said is still there to read.
        #expect(Predictor.components(blended.model, evaluation).keys.sorted() == ["automl", "stack", "voting"])
    }

    @Test func aModelThatIsTheMarketIsReportedAsMatchingIt() {
        let labels: [Double] = (0..<300).map { $0 % 5 < 3 ? 1 : 0 }
        let market = (0..<300).map { $0 % 2 == 0 ? 0.55 : 0.65 }
        let same = PooledEvaluation(labels: labels, probabilities: market, priorProbabilities: market, trainingRows: 200)
        #expect(same.rows == 300 && same.evaluationRows == 100)
        #expect(same.logLossDifference == 0 && same.verdict == "matches the market")
        let worse = PooledEvaluation(labels: labels, probabilities: market.map { $0 > 0.6 ? 0.95 : 0.05 }, priorProbabilities: market, trainingRows: 200)
        #expect(worse.verdict == "is worse than the market")
    }
}
