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

        public init(from: Date, to: Date, sets: [GameFeatureSet]) {
            self.from = from
            self.to = to
            self.sets = sets
        }
    }

    /// The model's training games.
    public var reference: Window
    /// The games of the last `days` days and the next day that are after the training window.
    public var current: Window

    public init(reference: Window, current: Window) {
        self.reference = reference
        self.current = current
    }
}

extension GameFeatureRepository {
    /// `model`'s drift sample as of `now`, its current window reaching `days` days back.
    public func driftSample(for model: ModelSummary, days: Int, now: Date) async throws -> ModelDriftSample {
        ModelDriftSample(reference: try await driftReference(for: model), current: try await driftCurrent(for: model, days: days, now: now))
    }

    /// `model`'s training games: the reference window, the same at every read while the games' features stay as stored.
    public func driftReference(for model: ModelSummary) async throws -> ModelDriftSample.Window {
        try await driftWindow(for: model, from: model.trainingStart, to: model.trainingEnd)
    }

    /// The games of the last `days` days before `now` and the next day that are after `model`'s training window.
    public func driftCurrent(for model: ModelSummary, days: Int, now: Date) async throws -> ModelDriftSample.Window {
        let day: TimeInterval = 86_400
        let currentTo = now.addingTimeInterval(day)
        let currentFrom = min(max(now.addingTimeInterval(-Double(days) * day), model.trainingEnd), currentTo)
        return try await driftWindow(for: model, from: currentFrom, to: currentTo)
    }

    private func driftWindow(for model: ModelSummary, from: Date, to: Date) async throws -> ModelDriftSample.Window {
        let sets = try await trainingSets(
            sport: model.sport, featureSetVersion: model.featureSetVersion, from: from, to: to, publication: model.publication)
        return .init(from: from, to: to, sets: sets)
    }
}
