import Foundation
import ML
import Store

/// Labelled games in time order, cut into the part the learners fit, the part that weights and calibrates the
/// blend, and the most recent part that evaluates it: no row of a later part is older than a row of an earlier one.
public struct TrainingData: Sendable {
    /// The feature names, in column order.
    public let names: [String]
    /// Rows the base learners fit.
    public let fit: [TrainingExample]
    /// Rows that choose the blend weights and fit the calibrator (the older half of the validation window).
    public let calibration: [TrainingExample]
    /// Rows that evaluate the calibrated blend and compare it with the champion (the newer half).
    public let evaluation: [TrainingExample]
    /// Whether the learners fit each game's fair close where it has one, instead of its result (``targets(_:)``).
    public let learnsFromTheClose: Bool
    /// Each game's last prices before its start, by game, as the loader read them for the fair closes: the calibrator's
    /// backtests measure picks against them.
    public let closingOdds: [Int: [OddsSnapshot]]

    /// Splits `examples` at `validationStart`; the validation rows are halved in time.
    public init(
        examples: [TrainingExample], validationStart: Date, names: [String]? = nil, learnsFromTheClose: Bool = false,
        closingOdds: [Int: [OddsSnapshot]] = [:]
    ) {
        self.learnsFromTheClose = learnsFromTheClose
        self.closingOdds = closingOdds
        let sorted = examples.sorted { ($0.scheduledAt, $0.gameID) < ($1.scheduledAt, $1.gameID) }
        self.names = names ?? Array(Set(sorted.flatMap(\.features.keys))).sorted()
        fit = sorted.filter { $0.scheduledAt < validationStart }
        let validation = sorted.filter { $0.scheduledAt >= validationStart }
        let half = validation.count / 2
        calibration = Array(validation.prefix(half))
        evaluation = Array(validation.dropFirst(half))
    }

    /// The learners' view of `rows`: one column per name, NaN where a feature is missing.
    public func dataset(_ rows: [TrainingExample]) -> Dataset {
        Self.dataset(rows.map(\.features), names: names)
    }

    /// Feature dictionaries as a dataset with `names` as columns (NaN for a missing feature).
    public static func dataset(_ rows: [[String: Double]], names: [String]) -> Dataset {
        let columns = names.map { name in rows.map { Float($0[name] ?? .nan) } }
        return Dataset(columns: columns, names: names)
    }

    /// The labels of `rows`.
    public func labels(_ rows: [TrainingExample]) -> [Double] { rows.map(\.label) }

    /// What the learners fit on `rows`: with ``learnsFromTheClose``, each game's fair closing probability where it has
    /// one and its label where it has none; the labels otherwise. Calibration, evaluation and every judgement against
    /// the market read the labels.
    ///
    /// Why the close: a forecast published at the open is worth what it knows of where the line goes, and the close
    /// says it with far less noise than one game's result. On real MLB lines (`../shared/data/real`, a logistic regression
    /// outside the platform; the replay reference's `glm open + drift` shows the same), the difference of
    /// the two teams' mean open-to-close moves over their last 20 games correlates 0.2 with the next game's move. Its
    /// coefficient on top of the opening line, fitted to the results, is 1.27 ± 0.47 on 2014–2015 and 0.33 ± 0.65 on
    /// 2016; fitted to the closes, 0.39 ± 0.03 and 0.40 ± 0.05.
    public func targets(_ rows: [TrainingExample]) -> [Double] {
        learnsFromTheClose ? rows.map { $0.closingProbability ?? $0.label } : labels(rows)
    }

    /// The fair closing probabilities of `rows` that have one, by game.
    public func closingProbabilities(_ rows: [TrainingExample]) -> [Int: Double] {
        Dictionary(rows.compactMap { row in row.closingProbability.map { (row.gameID, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Start times as seconds, for walk-forward splits.
    public func times(_ rows: [TrainingExample]) -> [Double] { rows.map(\.scheduledAt.timeIntervalSince1970) }
}
