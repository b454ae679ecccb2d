import Foundation

/// How good a group of forecasts' probabilities were: log loss, Brier score and expected calibration error.
///
/// Scored on every settled forecast (one per game, market, model and publication), picked or not: the
/// probability of the row's selection against whether it won; pushes are left out. ECE is the seed's plain
/// ECE: 10 equal-width probability bins, Σ (n_b / N) · |mean p_b − observed rate_b|.
public struct ForecastQuality: Sendable, Equatable {
    /// Forecasts scored.
    public var count: Int
    /// Mean −[y·ln p + (1 − y)·ln(1 − p)], p clipped to [1e-15, 1 − 1e-15].
    public var logLoss: Double?
    /// Mean (p − y)².
    public var brier: Double?
    /// Plain ECE over 10 equal-width bins.
    public var ece: Double?

    /// Bins of the expected calibration error.
    public static let bins = 10

    /// The quality of forecasts `probabilities` of outcomes `outcomes` (true: the selection won).
    public init(probabilities: [Double], outcomes: [Bool]) {
        let n = min(probabilities.count, outcomes.count)
        count = n
        guard n > 0 else { return }
        var logLoss = 0.0
        var brier = 0.0
        var binCount = [Int](repeating: 0, count: Self.bins)
        var binProbability = [Double](repeating: 0, count: Self.bins)
        var binWins = [Double](repeating: 0, count: Self.bins)
        for i in 0..<n {
            let p = probabilities[i]
            let y = outcomes[i] ? 1.0 : 0.0
            let clipped = min(max(p, 1e-15), 1 - 1e-15)
            logLoss -= y * log(clipped) + (1 - y) * log(1 - clipped)
            brier += (p - y) * (p - y)
            // p = 1 falls in the last bin.
            let bin = min(Self.bins - 1, max(0, Int(p * Double(Self.bins))))
            binCount[bin] += 1
            binProbability[bin] += p
            binWins[bin] += y
        }
        var ece = 0.0
        for bin in 0..<Self.bins where binCount[bin] > 0 {
            let size = Double(binCount[bin])
            ece += size / Double(n) * abs(binProbability[bin] / size - binWins[bin] / size)
        }
        self.logLoss = logLoss / Double(n)
        self.brier = brier / Double(n)
        self.ece = ece
    }
}
