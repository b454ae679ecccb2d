import Foundation

@testable import ML

/// A generated betting problem: a market probability column (`market`) that is the truth, or the truth without one
/// signal (`edge`, weighted by `signal`), beside pure-noise columns. With `coinFlips`, the labels are fair coin
/// flips whatever the columns say (a spread or total graded against a sharp line).
struct MarketProblem {
    let train: Dataset
    let trainLabels: [Double]
    let test: Dataset
    let testLabels: [Double]
    /// The prior that reads the `market` column.
    let prior = MarketPrior(probabilityColumns: ["market"])

    /// `rows` training and `2 · rows` test rows; `missingMarket` of the rows have no market probability.
    init(
        rows: Int = 2_000, noiseFeatures: Int = 8, signal: Double = 0, missingMarket: Double = 0, coinFlips: Bool = false, seed: UInt64 = 7
    ) {
        var random = SplitMix64(seed: seed)
        func normal() -> Double { random.nextNormal() }
        let names = ["market", "edge"] + (0..<noiseFeatures).map { "noise\($0)" }
        func make(_ n: Int) -> (Dataset, [Double]) {
            var columns = names.map { _ in [Float](repeating: 0, count: n) }
            var labels = [Double]()
            for row in 0..<n {
                let market = 0.8 * normal()
                let edge = normal()
                let truth = coinFlips ? 0.5 : 1 / (1 + exp(-(market + signal * edge)))
                columns[0][row] = random.nextUnit() < missingMarket ? .nan : Float(1 / (1 + exp(-market)))
                columns[1][row] = Float(edge)
                for f in 2..<names.count { columns[f][row] = Float(normal()) }
                labels.append(random.nextUnit() < truth ? 1 : 0)
            }
            return (Dataset(columns: columns, names: names), labels)
        }
        (train, trainLabels) = make(rows)
        (test, testLabels) = make(2 * rows)
    }

    /// The test log loss of the market alone.
    var priorTestLogLoss: Double {
        BinaryMetrics.logLoss(labels: testLabels, probabilities: prior.offsets(test).map(MarketPrior.sigmoid))
    }

    /// The test log loss of `model`.
    func testLogLoss(_ model: TrainedModel) -> Double {
        BinaryMetrics.logLoss(labels: testLabels, probabilities: model.predict(test))
    }
}
