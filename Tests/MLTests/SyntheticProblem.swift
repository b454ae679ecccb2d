import Foundation
@testable import ML

/// Small generated binary problems with a known signal, shared by the tests.
struct SyntheticProblem {
    let train: Dataset
    let trainLabels: [Double]
    let test: Dataset
    let testLabels: [Double]
    /// The true probability of class 1 on the test rows.
    let testTruth: [Double]

    /// `rows` training and `rows` test rows of `features` standard-normal features (2% missing in the first two);
    /// the log-odds are `1.5·x0 − x1 + x2·x3 + (x4 > 0)`, so features 5 and beyond are noise.
    init(rows: Int = 2_000, features: Int = 6, seed: UInt64 = 42) {
        var random = SplitMix64(seed: seed)
        func normal() -> Float { Float(random.nextNormal()) }
        func make(_ n: Int) -> (Dataset, [Double], [Double]) {
            var columns = (0..<features).map { _ in [Float](repeating: 0, count: n) }
            var labels = [Double]()
            var truth = [Double]()
            for row in 0..<n {
                for f in 0..<features { columns[f][row] = normal() }
                let x = (0..<features).map { Double(columns[$0][row]) }
                let logit = 1.5 * x[0] - x[1] + x[2] * x[3] + (x[4] > 0 ? 1 : 0) - 0.5
                let p = 1 / (1 + exp(-logit))
                truth.append(p)
                labels.append(random.nextUnit() < p ? 1 : 0)
                for f in 0..<min(2, features) where random.nextUnit() < 0.02 { columns[f][row] = .nan }
            }
            return (Dataset(columns: columns), labels, truth)
        }
        (train, trainLabels, _) = make(rows)
        (test, testLabels, testTruth) = make(rows)
    }
}
