import Foundation

/// The two samples a model's feature drift compares: its training games, and the games after its training window up to
/// a day ahead, each with the feature set the model's publication's forecasts see (computed before kickoff).
public struct ModelDriftSample: Sendable {
    /// How many days back the current window reaches unless told otherwise.
    public static let defaultDays = 14

    /// A range of game days and the feature sets of its games.
    public struct Window: Sendable {
        public var from: Date
        public var to: Date
        public var sets: [GameFeatureSet]
    }

    /// The model's training games.
    public var reference: Window
    /// The games of the last `days` days and the next day that are after the training window.
    public var current: Window
}

extension GameFeatureRepository {
    /// `model`'s drift sample as of `now`, its current window reaching `days` days back.
    public func driftSample(for model: ModelSummary, days: Int, now: Date) async throws -> ModelDriftSample {
        let day: TimeInterval = 86_400
        let currentTo = now.addingTimeInterval(day)
        let currentFrom = min(max(now.addingTimeInterval(-Double(days) * day), model.trainingEnd), currentTo)
        func window(from: Date, to: Date) async throws -> ModelDriftSample.Window {
            let sets = try await trainingSets(
                sport: model.sport, featureSetVersion: model.featureSetVersion, from: from, to: to, publication: model.publication)
            return .init(from: from, to: to, sets: sets)
        }
        return ModelDriftSample(
            reference: try await window(from: model.trainingStart, to: model.trainingEnd), current: try await window(from: currentFrom, to: currentTo))
    }
}
