import Foundation
import Queue
import Store

/// Registers `predict.props` with a worker's registry.
public enum PropJobs {
    /// Registers the handler: it predicts against `store` on the clock `now`; the result is the run.
    public static func register(in registry: JobRegistry, store: Store, now: @escaping @Sendable () -> Date) {
        let predictor = PropPredictor(store: store, now: now)
        registry.register(PredictProps.self) { parameters, context in
            try await predictor.run(parameters, jobID: context.id, logger: context.logger)
        }
    }

    /// Makes `predict.props` known for payload validation only (processes that enqueue but do not run it).
    public static func declare(in registry: JobRegistry) {
        registry.declare(PredictProps.self)
    }
}
