import Foundation
import Testing
@testable import ML

@Suite struct CalibrationTests {
    /// Labels drawn with probability `truth`, scores a distorted (overconfident) version of it.
    private func miscalibrated(count: Int, seed: UInt64) -> (scores: [Double], labels: [Double]) {
        var random = SplitMix64(seed: seed)
        var scores = [Double]()
        var labels = [Double]()
        for _ in 0..<count {
            let truth = random.nextUnit()
            labels.append(random.nextUnit() < truth ? 1 : 0)
            scores.append(truth * truth)
        }
        return (scores, labels)
    }

    @Test func isotonicOutputIsMonotone() {
        let (scores, labels) = miscalibrated(count: 2_000, seed: 1)
        let calibrator = IsotonicCalibrator(scores: scores, labels: labels)
        let grid = stride(from: -0.1, through: 1.1, by: 0.001).map { $0 }
        let output = calibrator.calibrate(grid)
        #expect(zip(output, output.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(calibrator.values, calibrator.values.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func isotonicPoolsViolatorsToTheirMean() {
        let calibrator = IsotonicCalibrator(scores: [0.1, 0.2, 0.3, 0.4], labels: [0, 1, 0, 1])
        // 1 then 0 violate order and pool to 0.5; the end blocks stop half an observation (0.5 / 5) short of 0 and 1.
        #expect(calibrator.calibrate(0.1) == 0.1)
        #expect(calibrator.calibrate(0.2) == 0.5 && calibrator.calibrate(0.3) == 0.5)
        #expect(calibrator.calibrate(0.4) == 0.9)
    }

    @Test func isotonicLowersECEOnMiscalibratedScores() {
        let fit = miscalibrated(count: 5_000, seed: 2)
        let holdout = miscalibrated(count: 5_000, seed: 3)
        let before = BinaryMetrics.expectedCalibrationError(labels: holdout.labels, probabilities: holdout.scores)
        let calibrated = IsotonicCalibrator(scores: fit.scores, labels: fit.labels).calibrate(holdout.scores)
        let after = BinaryMetrics.expectedCalibrationError(labels: holdout.labels, probabilities: calibrated)
        #expect(before > 0.1)
        #expect(after < 0.03)
    }

    @Test func plattLowersECEOnOverconfidentScores() {
        var random = SplitMix64(seed: 4)
        var scores = [Double]()
        var labels = [Double]()
        for _ in 0..<4_000 {
            let logit = 4 * random.nextUnit() - 2
            labels.append(random.nextUnit() < 1 / (1 + exp(-logit)) ? 1 : 0)
            scores.append(1 / (1 + exp(-3 * logit)))
        }
        let platt = PlattCalibrator(scores: scores, labels: labels)
        #expect(abs(platt.slope - 1.0 / 3.0) < 0.08)
        let after = BinaryMetrics.expectedCalibrationError(labels: labels, probabilities: platt.calibrate(scores))
        #expect(after < BinaryMetrics.expectedCalibrationError(labels: labels, probabilities: scores) / 3)
    }

    @Test func selectionPicksACalibratorForDistortedScoresAndNoneForCalibratedOnes() {
        let distorted = miscalibrated(count: 3_000, seed: 5)
        let choice = CalibrationSelection.choose(scores: distorted.scores, labels: distorted.labels)
        #expect(choice.method != .none && choice.calibrator != nil)
        #expect(choice.logLoss[choice.method]! < choice.logLoss[.none]!)

        var random = SplitMix64(seed: 6)
        let truth = (0..<3_000).map { _ in 0.2 + 0.6 * random.nextUnit() }
        let labels = truth.map { random.nextUnit() < $0 ? 1.0 : 0.0 }
        let calibrated = CalibrationSelection.choose(scores: truth, labels: labels)
        #expect(calibrated.logLoss[.isotonic]! > calibrated.logLoss[.none]!)
        #expect(calibrated.method == .none)
    }

    @Test func aHundredNearlyConstantScoresAreNotCalibratedToNoise() {
        // An anchored spread model: scores a hair from 0.5, labels fair coin flips. Some seeds' cross-fitted
        // calibrators land below the raw log loss by luck; none may be chosen for it.
        for seed in UInt64(0)..<20 {
            var random = SplitMix64(seed: 100 + seed)
            let scores = (0..<100).map { _ in 0.49 + 0.02 * random.nextUnit() }
            let labels = scores.map { _ in random.nextUnit() < 0.5 ? 1.0 : 0.0 }
            let choice = CalibrationSelection.choose(scores: scores, labels: labels, seed: seed)
            #expect(choice.method == .none, "seed \(seed): \(choice.logLoss)")
        }
    }
}
