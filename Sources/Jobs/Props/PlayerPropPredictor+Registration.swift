import Foundation
import Queue
import Store

extension PlayerPropPredictor {
    /// Registers the handler of `Parameters`, a prop job naming the day of its games in `date`: it predicts against
    /// `store` on the clock `now` and returns the run.
    ///
    /// Both prop jobs handle a run alike: `predictionsChanged` runs after new prop predictions were stored (the API
    /// invalidates its prediction cache there), and the new picks raise their alerts.
    static func register<Parameters: JobParameters>(
        _ type: Parameters.Type, date: @escaping @Sendable (Parameters) -> String?, in registry: JobRegistry, store: Store,
        now: @escaping @Sendable () -> Date, predictionsChanged: @escaping @Sendable () async throws -> Void
    ) {
        let predictor = PlayerPropPredictor(store: store, now: now, picks: .standard, anchorWeight: nil)
        registry.register(type) { parameters, context in
            let run = try await predictor.run(date: date(parameters), jobID: context.id, logger: context.logger)
            if run.predictions > 0 { try await predictionsChanged() }
            try await store.alerts.raiseForNewPicks()
            return run
        }
    }
}
