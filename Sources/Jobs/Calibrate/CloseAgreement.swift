import Foundation

/// Whether a model's departures from the market move toward where the market closed or away from it: the mean
/// cross-entropy of the model's probability against the fair closing probability, minus the market prior's, over
/// the pooled games with a fair close (`ClosingConsensus.fairPrice`).
///
/// Results are noisy. On a few hundred games, a model whose departures are noise beats the market's log loss often
/// enough to be served: on the pipeline bench's 150 simulated days of NHL, the model published at the open beat the
/// opening line on the results (−0.0073 ± 0.0100) while its expected log loss under the simulator's truth was worse
/// (+0.0038 ± 0.0009). The close is the market's last and best estimate, the one CLV is measured against, and a
/// forecast published before it is worth what it foretells of it. Against it, a departure that is noise costs on
/// every game, free of the results' noise, and one that anticipates the move gains.
public struct CloseAgreement: Sendable, Equatable {
    /// Pooled games with a fair close.
    public var games: Int
    /// Mean cross-entropy against the closing probability, model minus prior (negative: the model is closer to the close).
    public var difference: Double
    /// The standard error of that mean.
    public var standardError: Double

    /// The metric names the figures are registered under.
    public enum Metric {
        public static let games = "pooled_close_games"
        public static let difference = "pooled_close_cross_entropy_difference"
        public static let standardError = "pooled_close_cross_entropy_difference_se"
    }

    /// Compares `probabilities` and `priorProbabilities` with `closing` (nil: the game has no fair close), game by game.
    public init(probabilities: [Double], priorProbabilities: [Double], closing: [Double?]) {
        precondition(probabilities.count == priorProbabilities.count && probabilities.count == closing.count)
        func crossEntropy(_ p: Double, _ close: Double) -> Double {
            let q = min(max(p, 1e-15), 1 - 1e-15)
            return -(close * log(q) + (1 - close) * log(1 - q))
        }
        let differences = closing.indices.compactMap { index in
            closing[index].map { crossEntropy(probabilities[index], $0) - crossEntropy(priorProbabilities[index], $0) }
        }
        let sample = SampleMean(differences)
        games = differences.count
        difference = sample.mean
        standardError = sample.standardError
    }

    /// A mean difference this small is rounding: the model is the market.
    public static let rounding = 1e-12

    /// Whether the departures move away from the close on average. A model that never departs does not.
    public var movesAwayFromTheClose: Bool { games > 0 && difference > Self.rounding }

    /// Whether the departures move toward the close by more than two standard errors: evidence the results' noise
    /// cannot outweigh on as many games (see `ModelCalibrator.blend`).
    public var movesTowardTheCloseBeyondNoise: Bool { games > 0 && difference < -Self.rounding && difference < -2 * standardError }

    /// The comparison as model metrics.
    public var metrics: [String: Double] {
        [Metric.games: Double(games), Metric.difference: difference, Metric.standardError: standardError]
    }

    /// The comparison in words, for the model's decision (`subject` departs from the market).
    public func sentence(_ subject: String = "Its") -> String {
        guard games > 0 else { return "\(subject) departures could not be compared with the close: no pooled game had a fair closing line." }
        let direction = difference > 0 ? "away from" : difference < 0 ? "toward" : "neither toward nor away from"
        return "\(subject) departures from the market moved \(direction) the close: cross-entropy against the fair closing "
            + "probability " + String(format: "%+.5f ± %.5f", difference, standardError) + " against the market's on the \(games) pooled games with one."
    }
}
