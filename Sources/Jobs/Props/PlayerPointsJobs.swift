import Foundation
import Queue
import Store

/// Registers `predict.player_points` with a worker's registry.
public enum PlayerPointsJobs {
    /// Registers the handler: it predicts against `store` on the clock `now`; the result is the run.
    /// `predictionsChanged` runs after new prop predictions were stored (the API invalidates its prediction cache there).
    public static func register(
        in registry: JobRegistry, store: Store, now: @escaping @Sendable () -> Date,
        predictionsChanged: @escaping @Sendable () async throws -> Void = {}
    ) {
        PlayerPropPredictor<PlayerPointsMarket>.register(
            PredictPlayerPoints.self, date: { $0.date }, in: registry, store: store, now: now, predictionsChanged: predictionsChanged)
    }

    /// Makes `predict.player_points` known for payload validation only (processes that enqueue but do not run it).
    public static func declare(in registry: JobRegistry) {
        registry.declare(PredictPlayerPoints.self)
    }
}
