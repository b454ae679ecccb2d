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

    /// The fewest examples worth fitting.
    static let minimumExamples = 200

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

    /// Fits on the older examples and scores the newest (examples in start order), with the Brier score of
    /// P(hits > 0.5) from the Poisson threshold.
    static func evaluate(_ examples: [Example]) throws -> PropEvaluation? {
        guard let split = PropEvaluation.split(examples, minimumExamples: minimumExamples) else { return nil }
        let (training, held) = split
        let expected = try fit(training).expectedHits(held.map(\.features))
        let brier = zip(held, expected).reduce(0.0) { sum, pair in
            let miss = PoissonThreshold.probabilityOver(0.5, mean: pair.1) - (pair.0.hits > 0.5 ? 1 : 0)
            return sum + miss * miss
        }
        return PropEvaluation(
            actual: held.map(\.hits), expected: expected, trainingMean: training.reduce(0) { $0 + $1.hits } / Double(training.count),
            brierOverHalf: brier / Double(held.count))
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
