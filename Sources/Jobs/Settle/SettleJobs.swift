import Foundation
import Queue
import Store

/// Registers `settle` with a worker's registry.
public enum SettleJobs {
    /// Registers the handler: it settles against `store`, dating settlements and reports with `now`;
    /// `predictionsChanged` runs after predictions were graded (the API invalidates its prediction cache there).
    public static func register(
        in registry: JobRegistry, store: Store, now: @escaping @Sendable () -> Date,
        predictionsChanged: @escaping @Sendable () async throws -> Void = {}
    ) {
        let settler = PredictionSettler(store: store, now: now)
        registry.register(SettlePredictions.self) { parameters, context in
            let runs = try await settler.settle(parameters, jobID: context.id, logger: context.logger)
            if runs.values.contains(where: { $0.wins + $0.losses + $0.pushes + $0.voids > 0 }) { try await predictionsChanged() }
            return runs
        }
    }

    /// Makes the job type known for payload validation only (processes that enqueue but do not run it).
    public static func declare(in registry: JobRegistry) {
        registry.declare(SettlePredictions.self)
    }
}
