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
        BatterHitsModel(model: try linearModel(examples))
    }

    /// P(hits > `line`) for a batter expected to get `mean`: Poisson.
    func probabilityOver(_ line: Double, mean: Double) -> Double {
        PoissonThreshold.probabilityOver(line, mean: mean)
    }
}
