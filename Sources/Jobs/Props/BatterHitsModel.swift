import Foundation
import ML
import Store

/// A regression of a batter's hits in a game on his form before it: a gaussian GLM (elastic net, penalty
/// chosen on held-out rows), fitted on every batter-game of the history.
struct BatterHitsModel: Sendable {
    /// One batter-game: the form before it and the hits in it.
    struct Example: Sendable {
        var start: Date
        var features: [Double]
        var hits: Double
    }

    /// Errors of the expected hits on the newest games, with the model fitted on the older ones.
    struct Evaluation: Sendable, Equatable {
        /// Held-out batter-games.
        var heldOut: Int
        /// Root mean squared error of the expected hits.
        var rmse: Double
        /// Mean absolute error of the expected hits.
        var mae: Double
        /// RMSE of the training rows' mean hits: what the form adds is the gap to this.
        var baselineRMSE: Double
        /// Brier score of P(hits > 0.5) from the Poisson threshold.
        var brierOverHalf: Double
    }

    /// The fewest examples worth fitting.
    static let minimumExamples = 200
    /// The newest share of examples held out for the evaluation.
    static let heldOutShare = 0.2

    let model: GeneralizedLinearModel

    /// Every batter-game of `lines` (start order) with form known before its start, in start order.
    static func examples(_ lines: [BatterGameHits]) -> [Example] {
        var byBatter: [Int: [BatterGameHits]] = [:]
        for line in lines { byBatter[line.batterID, default: []].append(line) }
        var examples: [Example] = []
        for games in byBatter.values {
            for index in games.indices {
                guard let form = BatterForm(games: games[..<index], asOf: games[index].scheduledAt) else { continue }
                examples.append(Example(start: games[index].scheduledAt, features: form.values, hits: Double(games[index].hits)))
            }
        }
        return examples.sorted { $0.start < $1.start }
    }

    /// Fits on `examples`.
    static func fit(_ examples: [Example]) throws -> BatterHitsModel {
        var configuration = GeneralizedLinearConfiguration()
        configuration.family = .gaussian
        configuration.lambdaSearch = true
        return BatterHitsModel(
            model: try GeneralizedLinear(configuration: configuration).fit(dataset(examples.map(\.features)), labels: examples.map(\.hits)))
    }

    /// Fits on the older examples and scores the newest `heldOutShare` (examples in start order).
    static func evaluate(_ examples: [Example]) throws -> Evaluation? {
        let cut = Int(Double(examples.count) * (1 - heldOutShare))
        guard cut >= minimumExamples / 2, cut < examples.count else { return nil }
        let training = Array(examples[..<cut])
        let held = Array(examples[cut...])
        let predicted = try fit(training).expectedHits(held.map(\.features))
        let mean = training.reduce(0) { $0 + $1.hits } / Double(training.count)
        let n = Double(held.count)
        var squared = 0.0
        var absolute = 0.0
        var baseline = 0.0
        var brier = 0.0
        for (example, expected) in zip(held, predicted) {
            squared += (expected - example.hits) * (expected - example.hits)
            absolute += abs(expected - example.hits)
            baseline += (mean - example.hits) * (mean - example.hits)
            let over = PoissonThreshold.probabilityOver(0.5, mean: expected) - (example.hits > 0.5 ? 1 : 0)
            brier += over * over
        }
        return Evaluation(
            heldOut: held.count, rmse: (squared / n).squareRoot(), mae: absolute / n, baselineRMSE: (baseline / n).squareRoot(),
            brierOverHalf: brier / n)
    }

    /// The expected hits of each form, never below a small positive floor (a linear model can go negative).
    func expectedHits(_ forms: [[Double]]) -> [Double] {
        guard !forms.isEmpty else { return [] }
        return model.predict(Self.dataset(forms)).map { max(0.01, $0) }
    }

    private static func dataset(_ rows: [[Double]]) -> Dataset {
        let columns = BatterForm.names.indices.map { column in rows.map { Float($0[column]) } }
        return Dataset(columns: columns, names: BatterForm.names)
    }
}
