import Foundation
import Testing
@testable import ML

@Suite struct BinaryMetricsTests {
    @Test func aucMatchesHandCountedPairs() {
        // Positives 0.9, 0.4, 0.4; negatives 0.8, 0.4, 0.1: of the 9 pairs, wins 1+1+1 (0.9) + 0.5+1 (first 0.4) + 0.5+1 (second 0.4) = 6, ties at 0.4 count half.
        let labels: [Double] = [1, 0, 1, 1, 0, 0]
        let scores: [Double] = [0.9, 0.8, 0.4, 0.4, 0.4, 0.1]
        #expect(abs(BinaryMetrics.auc(labels: labels, scores: scores) - 6.0 / 9.0) < 1e-12)
    }

    @Test func aucIsNaNWithOneClass() {
        #expect(BinaryMetrics.auc(labels: [1, 1], scores: [0.2, 0.3]).isNaN)
    }

    @Test func logLossBrierAndAccuracyMatchHandComputedValues() {
        let labels: [Double] = [1, 0, 1, 0]
        let p: [Double] = [0.8, 0.3, 0.4, 0.1]
        let expectedLogLoss = -(log(0.8) + log(0.7) + log(0.4) + log(0.9)) / 4
        #expect(abs(BinaryMetrics.logLoss(labels: labels, probabilities: p) - expectedLogLoss) < 1e-12)
        #expect(abs(BinaryMetrics.brier(labels: labels, probabilities: p) - (0.04 + 0.09 + 0.36 + 0.01) / 4) < 1e-12)
        #expect(BinaryMetrics.accuracy(labels: labels, probabilities: p) == 0.75)
    }

    @Test func eceWeighsEachBinGapByItsShare() {
        // Bin [0.2, 0.3): two rows predicted 0.25, observed 0.5 → gap 0.25. Bin [0.9, 1]: two rows at 0.95, observed 1 → gap 0.05.
        let diagram = ReliabilityDiagram(labels: [0, 1, 1, 1], probabilities: [0.25, 0.25, 0.95, 0.95], binCount: 10)
        #expect(abs(diagram.expectedCalibrationError - (0.5 * 0.25 + 0.5 * 0.05)) < 1e-12)
        #expect(abs(diagram.maximumCalibrationError - 0.25) < 1e-12)
        #expect(diagram.bins[2].count == 2 && diagram.bins[9].count == 2)
    }
}
