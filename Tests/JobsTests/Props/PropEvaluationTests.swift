import Testing

@testable import Jobs

/// The held-out errors both prop regressions report.
@Suite struct PropEvaluationTests {
    @Test func theNewestFifthIsHeldOutAndTooFewExamplesAreNotScored() throws {
        let split = try #require(PropEvaluation.split(Array(0..<500), minimumExamples: 200))
        #expect(split.training == Array(0..<400) && split.heldOut == Array(400..<500))
        // 80 % of 240 is 192, under half of 400.
        #expect(PropEvaluation.split(Array(0..<240), minimumExamples: 400) == nil)
        // Nothing would be held out of a single example.
        #expect(PropEvaluation.split([7], minimumExamples: 0) == nil)
    }

    @Test func errorsAreMeasuredAgainstTheTrainingMean() {
        let evaluation = PropEvaluation(actual: [0, 2, 4, 2], expected: [1, 2, 3, 2], trainingMean: 1, brierOverHalf: 0.25)
        #expect(evaluation.heldOut == 4)
        #expect(abs(evaluation.rmse - (2.0 / 4).squareRoot()) < 1e-12)
        #expect(abs(evaluation.mae - 0.5) < 1e-12)
        // (1 + 1 + 9 + 1) / 4 = 3.
        #expect(abs(evaluation.baselineRMSE - 3.0.squareRoot()) < 1e-12)
        #expect(evaluation.metrics["brier_over_0_5"] == 0.25 && evaluation.metrics["held_out"] == 4)
        var run = PropRun()
        evaluation.record(into: &run)
        #expect(run.heldOut == 4 && run.mae == evaluation.mae && run.brierOverHalf == 0.25)
        #expect(PropEvaluation(actual: [1], expected: [1], trainingMean: 1).metrics["brier_over_0_5"] == nil)
    }
}
