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
        let predictor = PropPredictor(store: store, now: now)
        registry.register(PredictProps.self) { parameters, context in
            let run = try await predictor.run(parameters, jobID: context.id, logger: context.logger)
            if run.predictions > 0 { try await predictionsChanged() }
            try await store.alerts.raiseForNewPicks()
            return run
        }
    }

    /// Makes `predict.props` known for payload validation only (processes that enqueue but do not run it).
    public static func declare(in registry: JobRegistry) {
        registry.declare(PredictProps.self)
    }
}
