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
    /// The ECE these forecasts would show by chance alone if every probability were exactly right: ECE is biased
    /// upward on small samples (eight forecasts of 0.5 show 0.137 when perfectly calibrated), so an ECE is read
    /// against this, not against zero. Per bin, it is the mean |observed rate − mean probability| when each
    /// outcome is drawn from its own probability, weighted by n_b / N as ECE is: exact (the count of wins is
    /// Poisson-binomial) up to `exactBinSize` forecasts in the bin, and beyond that the normal of variance
    /// Σ p(1 − p) / n_b², whose mean absolute value is σ·√(2/π).
    public var eceIfCalibrated: Double?

    /// Bins of the expected calibration error.
    public static let bins = 10

    /// The largest bin whose chance ECE is summed exactly (quadratic in the bin's size); a larger bin is near
    /// enough normal.
    static let exactBinSize = 200

    /// The quality of forecasts `probabilities` of outcomes `outcomes` (true: the selection won).
    public init(probabilities: [Double], outcomes: [Bool]) {
        let n = min(probabilities.count, outcomes.count)
        count = n
        guard n > 0 else { return }
        var logLoss = 0.0
        var brier = 0.0
        var binProbabilities = [[Double]](repeating: [], count: Self.bins)
        var binWins = [Double](repeating: 0, count: Self.bins)
        for i in 0..<n {
            let p = probabilities[i]
            let y = outcomes[i] ? 1.0 : 0.0
            let clipped = min(max(p, 1e-15), 1 - 1e-15)
            logLoss -= y * log(clipped) + (1 - y) * log(1 - clipped)
            brier += (p - y) * (p - y)
            // p = 1 falls in the last bin.
            let bin = min(Self.bins - 1, max(0, Int(p * Double(Self.bins))))
            binProbabilities[bin].append(p)
            binWins[bin] += y
        }
        var ece = 0.0
        var chance = 0.0
        for bin in 0..<Self.bins where !binProbabilities[bin].isEmpty {
            let size = Double(binProbabilities[bin].count)
            ece += size / Double(n) * abs(binProbabilities[bin].reduce(0, +) / size - binWins[bin] / size)
            chance += size / Double(n) * Self.chanceDeviation(binProbabilities[bin])
        }
        self.logLoss = logLoss / Double(n)
        self.brier = brier / Double(n)
        self.ece = ece
        self.eceIfCalibrated = chance
    }

    /// The mean |wins / m − mean p| of m outcomes each won with its own probability p.
    static func chanceDeviation(_ probabilities: [Double]) -> Double {
        let m = probabilities.count
        let mean = probabilities.reduce(0, +) / Double(m)
        guard m <= exactBinSize else {
            let variance = probabilities.reduce(0) { $0 + $1 * (1 - $1) }
            return (2 / Double.pi).squareRoot() * variance.squareRoot() / Double(m)
        }
        // wins[k]: the chance of k wins among the forecasts so far.
        var wins = [Double](repeating: 0, count: m + 1)
        wins[0] = 1
        for (index, p) in probabilities.enumerated() {
            for k in stride(from: index + 1, through: 1, by: -1) { wins[k] = wins[k] * (1 - p) + wins[k - 1] * p }
            wins[0] *= 1 - p
        }
        return wins.enumerated().reduce(0) { $0 + $1.element * abs(Double($1.offset) / Double(m) - mean) }
    }
}
