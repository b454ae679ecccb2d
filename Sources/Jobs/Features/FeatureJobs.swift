import Foundation
import Queue
import Store

/// Registers `featurize` with a worker's registry.
public enum FeatureJobs {
    /// Registers the handler: it features the payload's sport, or each of `sports` that has features, against
    /// `store`, with `now` as the clock of runs for upcoming games; the result is per sport. Features only `uncollected`
    /// sources give are not counted against completeness.
    ///
    /// Writes are upserts keyed by game, version and `as_of`, so a redelivery is harmless: a history run
    /// rewrites identical rows, a run for upcoming games adds a fresher `as_of`.
    public static func register(
        in registry: JobRegistry, store: Store, sports: [String], uncollected: Set<BackfillSource> = [], now: @escaping @Sendable () -> Date
    ) {
        let featurizer = Featurizer(store: store, now: now, uncollected: uncollected)
        let configured = sports.filter(FeatureCatalog.sports.contains)
        registry.register(Featurize.self) { parameters, context in
            var results: [String: FeaturizeResult] = [:]
            for sport in parameters.sport.map({ [$0] }) ?? configured {
                results[sport] = try await featurizer.run(sport: sport, parameters, logger: context.logger)
            }
            return results
        }
    }

    /// Makes `featurize` known for payload validation only (processes that enqueue but do not run it).
    public static func declare(in registry: JobRegistry) {
        registry.declare(Featurize.self)
    }
}
