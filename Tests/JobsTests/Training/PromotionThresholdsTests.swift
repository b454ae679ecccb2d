import Foundation
import Jobs
import ML
import Testing

/// The seed's promotion thresholds, each one able to fail on its own.
@Suite struct PromotionThresholdsTests {
    @Test func everyThresholdIsChecked() throws {
        // Calibrated and sharp: 80 % of the games given 0.8 are won, 20 % of those given 0.2.
        let sharp = BinaryEvaluation(
            labels: (0..<200).map { $0 % 10 < 4 || $0 % 10 == 5 ? 1 : 0 }, probabilities: (0..<200).map { $0 % 10 < 5 ? 0.8 : 0.2 })
        #expect(PromotionThresholds().failures(sharp).isEmpty)
        let labels: [Double] = (0..<200).map { Double($0 % 2) }
        let coinFlip = BinaryEvaluation(labels: labels, probabilities: labels.map { _ in 0.5 })
        let failures = PromotionThresholds().failures(coinFlip)
        #expect(failures.contains { $0.hasPrefix("accuracy") } && failures.contains { $0.hasPrefix("AUC") })
        #expect(failures.contains { $0.hasPrefix("log loss") } && failures.contains { $0.hasPrefix("Brier") })
        // Confident and wrong a quarter of the time: accurate enough, badly calibrated.
        let overconfident = BinaryEvaluation(
            labels: labels, probabilities: labels.enumerated().map { index, label in (index % 4 == 0) == (label == 1) ? 0.02 : 0.98 })
        #expect(PromotionThresholds().failures(overconfident).contains { $0.hasPrefix("ECE") })
        let lenient = try JSONDecoder().decode(PromotionThresholds.self, from: Data(#"{"auc": 0.4}"#.utf8))
        #expect(lenient.auc == 0.4 && lenient.accuracy == 0.55)
        var impossible = PromotionThresholds()
        impossible.auc = 2
        #expect(throws: (any Error).self) { try Calibrate(thresholds: impossible).validate() }
    }

    /// A model the market it starts from beats is refused, however well it meets the thresholds: it would publish
    /// forecasts worse than the price. Matching the market is no reason to refuse it.
    @Test func aModelWorseThanTheMarketFails() {
        // A calibrated market: games it gives 70 % are won seven times in ten, games it gives 30 % three times. The
        // model is calibrated enough (ECE 0.04) and sharp enough, but less sharp than the market: 66 % and 34 %.
        let favourite = (0..<4_000).map { ($0 / 10) % 2 == 0 }
        let labels: [Double] = (0..<4_000).map { $0 % 10 < (favourite[$0] ? 7 : 3) ? 1 : 0 }
        let market = favourite.map { $0 ? 0.7 : 0.3 }
        let worse = PooledEvaluation(labels: labels, probabilities: favourite.map { $0 ? 0.66 : 0.34 }, priorProbabilities: market, trainingRows: 3_000)
        #expect(worse.verdict == "is worse than the market")
        #expect(PromotionThresholds().failures(worse.model).isEmpty)
        #expect(PromotionThresholds().failures(worse).contains { $0.hasPrefix("log loss 0.0") && $0.hasSuffix("above the market's (over two standard errors)") })
        var lenient = PromotionThresholds()
        lenient.notWorseThanMarket = false
        #expect(lenient.failures(worse).isEmpty)
        let same = PooledEvaluation(labels: labels, probabilities: market, priorProbabilities: market, trainingRows: 3_000)
        #expect(PromotionThresholds().failures(same).isEmpty)
        let kept = try? JSONDecoder().decode(PromotionThresholds.self, from: Data(#"{"not_worse_than_market": false}"#.utf8))
        #expect(kept?.notWorseThanMarket == false && kept?.ece == 0.06)
    }

    @Test func calibrationErrorIsThePlainTenBinECE() {
        // Judged on pooled games, ECE is the seed's own: Σ (n_b/N)·|mean p − observed rate| over 10 equal-width bins.
        // 0.55 predicted, 60 % won: ECE 0.05 passes 0.06.
        let labels: [Double] = (0..<1_000).map { $0 % 5 < 3 ? 1 : 0 }
        let close = BinaryEvaluation(labels: labels, probabilities: Array(repeating: 0.55, count: 1_000))
        #expect(abs(close.expectedCalibrationError - 0.05) < 1e-9)
        #expect(!PromotionThresholds().failures(close).contains { $0.hasPrefix("ECE") })
        // 0.5 predicted, 60 % won: ECE 0.1 fails.
        let biased = BinaryEvaluation(labels: labels, probabilities: Array(repeating: 0.5, count: 1_000))
        #expect(PromotionThresholds().failures(biased).contains { $0.hasPrefix("ECE 0.1000") })
    }
}
