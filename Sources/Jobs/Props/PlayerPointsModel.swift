import Foundation
import ML
import Store

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A regression of an NBA player's points in a game on his form before it (a gaussian GLM, elastic net, penalty
/// chosen on held-out rows), and the spread around it: points are overdispersed counts, so the variance is taken as
/// proportional to the mean (φ · mean, φ fitted on the training residuals) and P(points > line) is normal.
struct PlayerPointsModel: Sendable {
    /// One player-game: the form before it and the points in it.
    struct Example: Sendable {
        var start: Date
        var features: [Double]
        var points: Double
    }

    /// The fewest examples worth fitting.
    static let minimumExamples = 200

    let model: GeneralizedLinearModel
    /// Variance per point of mean (φ).
    let dispersion: Double

    /// Every player-game of `lines` (start order) he played with form known before its start, in start order.
    static func examples(_ lines: [PlayerGamePoints]) -> [Example] {
        var byPlayer: [Int: [PlayerGamePoints]] = [:]
        for line in lines { byPlayer[line.playerID, default: []].append(line) }
        var examples: [Example] = []
        for games in byPlayer.values {
            for index in games.indices {
                guard !games[index].didNotPlay, let points = games[index].points,
                    let form = PlayerPointsForm(games: games[..<index], asOf: games[index].scheduledAt)
                else { continue }
                examples.append(Example(start: games[index].scheduledAt, features: form.values, points: Double(points)))
            }
        }
        return examples.sorted { $0.start < $1.start }
    }

    /// Fits on `examples`.
    static func fit(_ examples: [Example]) throws -> PlayerPointsModel {
        var configuration = GeneralizedLinearConfiguration()
        configuration.family = .gaussian
        configuration.lambdaSearch = true
        let model = try GeneralizedLinear(configuration: configuration).fit(
            dataset(examples.map(\.features)), labels: examples.map(\.points))
        let expected = model.predict(dataset(examples.map(\.features))).map { max(0.5, $0) }
        var squared = 0.0
        var means = 0.0
        for (example, mean) in zip(examples, expected) {
            squared += (example.points - mean) * (example.points - mean)
            means += mean
        }
        return PlayerPointsModel(model: model, dispersion: max(1, squared / max(means, 1)))
    }

    /// Fits on the older examples and scores the newest (examples in start order).
    static func evaluate(_ examples: [Example]) throws -> PropEvaluation? {
        guard let split = PropEvaluation.split(examples, minimumExamples: minimumExamples) else { return nil }
        let (training, held) = split
        return PropEvaluation(
            actual: held.map(\.points), expected: try fit(training).expectedPoints(held.map(\.features)),
            trainingMean: training.reduce(0) { $0 + $1.points } / Double(training.count))
    }

    /// The expected points of each form, never below half a point (a linear model can go negative).
    func expectedPoints(_ forms: [[Double]]) -> [Double] {
        guard !forms.isEmpty else { return [] }
        return model.predict(Self.dataset(forms)).map { max(0.5, $0) }
    }

    /// P(points > `line`) for a player expected to score `mean`: normal with variance φ · mean.
    func probabilityOver(_ line: Double, mean: Double) -> Double {
        Self.probabilityOver(line, mean: mean, dispersion: dispersion)
    }

    /// P(X > `line`) for X normal with mean `mean` and variance `dispersion` · `mean`.
    static func probabilityOver(_ line: Double, mean: Double, dispersion: Double) -> Double {
        let deviation = (dispersion * max(mean, 0.5)).squareRoot()
        return 0.5 * erfc((line - mean) / (deviation * 2.0.squareRoot()))
    }

    private static func dataset(_ rows: [[Double]]) -> Dataset {
        let columns = PlayerPointsForm.names.indices.map { column in rows.map { Float($0[column]) } }
        return Dataset(columns: columns, names: PlayerPointsForm.names)
    }
}
