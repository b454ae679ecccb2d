import Foundation
import Queue
import Store

/// Registers `settle` with a worker's registry.
public enum SettleJobs {
    /// Registers the handler: it settles against `store`, dating settlements and reports with `now`.
    public static func register(in registry: JobRegistry, store: Store, now: @escaping @Sendable () -> Date) {
        let settler = PredictionSettler(store: store, now: now)
        registry.register(SettlePredictions.self) { parameters, context in
            try await settler.settle(parameters, jobID: context.id, logger: context.logger)
        }
    }

    /// Makes the job type known for payload validation only (processes that enqueue but do not run it).
    public static func declare(in registry: JobRegistry) {
        registry.declare(SettlePredictions.self)
    }
}
