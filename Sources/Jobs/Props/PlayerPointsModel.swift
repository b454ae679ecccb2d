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
struct PlayerPointsModel: PropRegression {
    /// One player-game: the form before it and the points in it.
    struct Example: PropExample {
        var start: Date
        var features: [Double]
        var points: Double

        var count: Double { points }
    }

    static let featureNames = PlayerPointsForm.names
    static let expectationFloor = 0.5
    static let threshold = "normal_dispersion"
    static let scoresHalfPointLine = false

    let model: GeneralizedLinearModel
    /// Variance per point of mean (φ).
    let dispersion: Double
    var fittedParameters: [String: Double] { ["dispersion": dispersion] }

    init(model: GeneralizedLinearModel, dispersion: Double) {
        self.model = model
        self.dispersion = dispersion
    }

    init?(model: GeneralizedLinearModel, fittedParameters: [String: Double]) {
        guard let dispersion = fittedParameters["dispersion"] else { return nil }
        self.init(model: model, dispersion: dispersion)
    }

    /// Every player-game of `lines` (start order) he played with form known before its start, in start order.
    static func examples(_ lines: [PlayerGamePoints]) -> [Example] {
        examples(lines, player: \.playerID) { before, game in
            guard !game.didNotPlay, let points = game.points, let form = PlayerPointsForm(games: before, asOf: game.scheduledAt)
            else { return nil }
            return Example(start: game.scheduledAt, features: form.values, points: Double(points))
        }
    }

    /// Fits on `examples`, and φ on their residuals.
    static func fit(_ examples: [Example]) throws -> PlayerPointsModel {
        let model = try linearModel(examples)
        let expected = expectations(of: model, examples.map(\.features))
        var squared = 0.0
        var means = 0.0
        for (example, mean) in zip(examples, expected) {
            squared += (example.points - mean) * (example.points - mean)
            means += mean
        }
        return PlayerPointsModel(model: model, dispersion: max(1, squared / max(means, 1)))
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
}
