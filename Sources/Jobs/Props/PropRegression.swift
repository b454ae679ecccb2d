import Foundation
import ML

/// One player-game a prop regression learns from: the player's form before it and the count (hits, points) in it.
protocol PropExample: Sendable {
    /// When the game started.
    var start: Date { get }
    /// The form before it, one value per feature name.
    var features: [Double] { get }
    /// The count the prop is on.
    var count: Double { get }
}

/// A prop's count regression: a gaussian GLM (elastic net, penalty chosen on held-out rows) of a player's count in a
/// game on his form before it, and the distribution that turns an expected count into P(count > line).
///
/// The batter-hits and player-points models differ only in their features, their floor and that distribution; the
/// fitting, the held-out evaluation and the expectations are written once, here.
protocol PropRegression: Sendable {
    associatedtype Example: PropExample

    /// The feature names, in the order of an example's `features`.
    static var featureNames: [String] { get }
    /// The least count expected (a linear model can go negative).
    static var expectationFloor: Double { get }
    /// The distribution of the count around its expectation, as recorded with the registered model.
    static var threshold: String { get }
    /// Whether the held-out evaluation scores P(count > 0.5), a line this prop is offered at.
    static var scoresHalfPointLine: Bool { get }

    /// The fitted linear model.
    var model: GeneralizedLinearModel { get }
    /// What was fitted beside the linear model, recorded in the archive's metadata and the registry's metrics.
    var fittedParameters: [String: Double] { get }

    /// Fits on `examples`.
    static func fit(_ examples: [Example]) throws -> Self
    /// A model fitted before: its linear fit and `fittedParameters` (as recorded, among other metrics); nil when a
    /// parameter is missing.
    init?(model: GeneralizedLinearModel, fittedParameters: [String: Double])
    /// P(count > `line`) for a player expected to reach `mean`.
    func probabilityOver(_ line: Double, mean: Double) -> Double
}

extension PropRegression {
    /// The fewest examples worth fitting.
    static var minimumExamples: Int { 200 }

    /// One example per game of `lines` (start order) that `example` makes from the game and its player's games before
    /// it (nil: no example, as when no form was known by its start), in start order.
    static func examples<Line>(
        _ lines: [Line], player: (Line) -> Int, example: (_ before: ArraySlice<Line>, _ game: Line) -> Example?
    ) -> [Example] {
        var byPlayer: [Int: [Line]] = [:]
        for line in lines { byPlayer[player(line), default: []].append(line) }
        var examples: [Example] = []
        for games in byPlayer.values {
            for index in games.indices {
                if let made = example(games[..<index], games[index]) { examples.append(made) }
            }
        }
        return examples.sorted { $0.start < $1.start }
    }

    /// The linear model of `examples`' counts on their features.
    static func linearModel(_ examples: [Example]) throws -> GeneralizedLinearModel {
        var configuration = GeneralizedLinearConfiguration()
        configuration.family = .gaussian
        configuration.lambdaSearch = true
        return try GeneralizedLinear(configuration: configuration).fit(
            dataset(examples.map(\.features)), labels: examples.map(\.count))
    }

    /// `model`'s expected count of each form, never below `expectationFloor`.
    static func expectations(of model: GeneralizedLinearModel, _ forms: [[Double]]) -> [Double] {
        guard !forms.isEmpty else { return [] }
        return model.predict(dataset(forms)).map { max(expectationFloor, $0) }
    }

    /// The expected count of each form.
    func expected(_ forms: [[Double]]) -> [Double] {
        Self.expectations(of: model, forms)
    }

    /// Fits on the older examples and scores the newest (examples in start order), with the Brier score of
    /// P(count > 0.5) where `scoresHalfPointLine`.
    static func evaluate(_ examples: [Example]) throws -> PropEvaluation? {
        guard let split = PropEvaluation.split(examples, minimumExamples: minimumExamples) else { return nil }
        let (training, held) = split
        let fitted = try fit(training)
        let expected = fitted.expected(held.map(\.features))
        var brierOverHalf: Double?
        if scoresHalfPointLine {
            let brier = zip(held, expected).reduce(0.0) { sum, pair in
                let miss = fitted.probabilityOver(0.5, mean: pair.1) - (pair.0.count > 0.5 ? 1 : 0)
                return sum + miss * miss
            }
            brierOverHalf = brier / Double(held.count)
        }
        return PropEvaluation(
            actual: held.map(\.count), expected: expected, trainingMean: training.reduce(0) { $0 + $1.count } / Double(training.count),
            brierOverHalf: brierOverHalf)
    }

    private static func dataset(_ rows: [[Double]]) -> Dataset {
        let columns = featureNames.indices.map { column in rows.map { Float($0[column]) } }
        return Dataset(columns: columns, names: featureNames)
    }
}
