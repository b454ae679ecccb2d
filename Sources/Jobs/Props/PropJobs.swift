import Foundation
import Queue
import Store

/// Registers `predict.props` with a worker's registry.
public enum PropJobs {
    /// Registers the handler: it predicts against `store` on the clock `now`; the result is the run.
    /// `predictionsChanged` runs after new prop predictions were stored (the API invalidates its prediction cache there).
    public static func register(
        in registry: JobRegistry, store: Store, now: @escaping @Sendable () -> Date,
        predictionsChanged: @escaping @Sendable () async throws -> Void = {}
    ) {
        PlayerPropPredictor<BatterHitsMarket>.register(
            PredictProps.self, date: { $0.date }, in: registry, store: store, now: now, predictionsChanged: predictionsChanged)
    }

    /// Makes `predict.props` known for payload validation only (processes that enqueue but do not run it).
    public static func declare(in registry: JobRegistry) {
        registry.declare(PredictProps.self)
    }
}
