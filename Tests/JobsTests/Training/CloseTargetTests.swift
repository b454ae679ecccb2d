import Foundation
import ML
import Store
import Testing

@testable import Jobs

/// The learners fit each game's fair close where it has one (`TrainingData.targets`), and what that buys.
@Suite struct CloseTargetTests {
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// A standard normal draw (Box–Muller).
    static func normal(_ random: inout SplitMix) -> Double {
        (-2 * log(max(random.next(), 1e-12))).squareRoot() * cos(2 * .pi * random.next())
    }

    /// `rows` games a quarter of a day apart: an opening line, an adjustment in the line's units of which the truth
    /// holds `share`, a close a little noisier than the truth, and a result drawn from the truth. Returns the examples
    /// (the first `withoutClose` without a close) and each game's true home-win probability.
    static func games(rows: Int, seed: UInt64, share: Double = 0.4, withoutClose: Int = 0) -> (examples: [TrainingExample], truth: [Int: Double]) {
        var random = SplitMix(state: seed)
        var examples: [TrainingExample] = []
        var truth: [Int: Double] = [:]
        for index in 0..<rows {
            let open = 0.5 * normal(&random)
            let adjustment = 0.15 * normal(&random)
            let trueMargin = open + share * adjustment
            let close = sigmoid(trueMargin + 0.02 * normal(&random))
            truth[index] = sigmoid(trueMargin)
            let start = Date(timeIntervalSince1970: Double(index) * 21_600)
            examples.append(
                TrainingExample(
                    gameID: index, scheduledAt: start, asOf: start.addingTimeInterval(-3_600),
                    features: ["line_homewinprob_open": sigmoid(open), "line_homewinprob_current": sigmoid(open), "line_adjust_drift": adjustment],
                    label: random.next() < truth[index]! ? 1 : 0, closingProbability: index < withoutClose ? nil : close))
        }
        return (examples, truth)
    }

    @Test func theLearnersFitTheFairCloseWhereAGameHasOneAndItsResultWhereNot() {
        let (examples, _) = Self.games(rows: 100, seed: 1, withoutClose: 10)
        let validationStart = Date(timeIntervalSince1970: 80 * 21_600)
        let byClose = TrainingData(examples: examples, validationStart: validationStart, learnsFromTheClose: true)
        let byResults = TrainingData(examples: examples, validationStart: validationStart)
        #expect(byClose.targets(byClose.fit) == byClose.fit.map { $0.closingProbability ?? $0.label })
        #expect(byClose.targets(byClose.fit).prefix(10).allSatisfy { $0 == 0 || $0 == 1 })
        #expect(byClose.targets(byClose.fit).dropFirst(10).contains { $0 > 0 && $0 < 1 })
        #expect(byResults.targets(byResults.fit) == byResults.labels(byResults.fit))
        #expect(byClose.closingProbabilities(byClose.evaluation).count == byClose.evaluation.count)
        #expect(byClose.closingProbabilities(byClose.fit).count == byClose.fit.count - 10)
    }

    /// The line-adjustment learner (one coefficient on top of the line) fitted to 560 games' closes and to their
    /// results, scored by expected log loss under the truth on the later games, over ten seeds: the results put the
    /// coefficient anywhere within about ± 0.6 of its truth, the closes within a hundredth.
    @Test func fittedToTheCloseTheAdjustmentIsLearntThatTheResultsCannotPinDown() throws {
        let prior = ModelMarkets.prior(.moneyline)
        var excess = (close: 0.0, results: 0.0)
        for seed in 1...10 {
            let (examples, truth) = Self.games(rows: 800, seed: UInt64(seed))
            let validationStart = Date(timeIntervalSince1970: 560 * 21_600)
            for learnsFromTheClose in [true, false] {
                let data = TrainingData(examples: examples, validationStart: validationStart, learnsFromTheClose: learnsFromTheClose)
                let learner = try #require(ModelMarkets.lineAdjustmentLearner(names: data.names, betType: .moneyline))
                let model = try learner.fit(data.dataset(data.fit), labels: data.targets(data.fit), prior: prior)
                let scored = data.calibration + data.evaluation
                let forecasts = model.predict(data.dataset(scored))
                var loss = 0.0
                for (row, forecast) in zip(scored, forecasts) {
                    let t = truth[row.gameID]!
                    // Cross-entropy of the forecast less the truth's own: what the forecast costs beyond the truth.
                    loss += t * log(t / forecast) + (1 - t) * log((1 - t) / (1 - forecast))
                }
                loss /= Double(scored.count)
                if learnsFromTheClose { excess.close += loss / 10 } else { excess.results += loss / 10 }
            }
        }
        #expect(excess.close < 0.00002)
        #expect(excess.results > 10 * excess.close)
    }
}
