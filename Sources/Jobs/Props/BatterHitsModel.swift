import Foundation
import ML
import Store

/// A regression of a batter's hits in a game on his form before it, fitted on every batter-game of the history;
/// P(hits > line) is Poisson (`PoissonThreshold`).
struct BatterHitsModel: PropRegression {
    /// One batter-game: the form before it and the hits in it.
    struct Example: PropExample {
        var start: Date
        var features: [Double]
        var hits: Double

        var count: Double { hits }
    }

    static let featureNames = BatterForm.names
    static let expectationFloor = 0.01
    static let threshold = "poisson"
    static let scoresHalfPointLine = true

    let model: GeneralizedLinearModel
    var fittedParameters: [String: Double] { [:] }

    init(model: GeneralizedLinearModel) {
        self.model = model
    }

    init?(model: GeneralizedLinearModel, fittedParameters: [String: Double]) {
        self.init(model: model)
    }

    /// Every batter-game of `lines` (start order) with form known before its start, in start order.
    static func examples(_ lines: [BatterGameHits]) -> [Example] {
        examples(lines, player: \.batterID) { before, game in
            BatterForm(games: before, asOf: game.scheduledAt).map {
                Example(start: game.scheduledAt, features: $0.values, hits: Double(game.hits))
            }
        }
    }

    /// Fits on `examples`.
    static func fit(_ examples: [Example]) throws -> BatterHitsModel {
        BatterHitsModel(model: try linearModel(examples))
    }

    /// P(hits > `line`) for a batter expected to get `mean`: Poisson.
    func probabilityOver(_ line: Double, mean: Double) -> Double {
        PoissonThreshold.probabilityOver(line, mean: mean)
    }
}
