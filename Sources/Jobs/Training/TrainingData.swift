import Foundation
import ML

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

    /// Splits `examples` at `validationStart`; the validation rows are halved in time.
    public init(examples: [TrainingExample], validationStart: Date, names: [String]? = nil) {
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

    /// Start times as seconds, for walk-forward splits.
    public func times(_ rows: [TrainingExample]) -> [Double] { rows.map(\.scheduledAt.timeIntervalSince1970) }
}
