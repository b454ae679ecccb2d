import Logging
import Queue
import Store

/// Registers `collect.odds`, `collect.prop_odds`, `collect.games`, `collect.weather`, `collect.injuries`,
/// `collect.summaries`, `collect.statcast` and `quality.check` with a worker's registry.
public enum CollectorJobs {
    /// Registers the handlers: each runs its collector against `store` with `configuration`.
    ///
    /// Failures retrying cannot fix (a refused key, used-up credits, a rejected request) become
    /// `PermanentJobError`s and go straight to the dead set; a 429, an unreachable upstream or a bad
    /// payload are retried with the job's backoff.
    ///
    /// `oddsChanged` and `gamesChanged` run with what changed after a collection committed new odds (`collect.odds`,
    /// `collect.summaries`) or games (`collect.games`); the API invalidates its odds and game caches there.
    public static func register(
        in registry: JobRegistry, store: Store, configuration: CollectorConfiguration, upstream: UpstreamClient = UpstreamClient(),
        oddsChanged: @escaping @Sendable (CollectionChange) async throws -> Void = { _ in },
        gamesChanged: @escaping @Sendable (CollectionChange) async throws -> Void = { _ in }
    ) {
        let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
        let propOdds = PropOddsCollector(configuration: configuration, store: store, upstream: upstream)
        let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
        let weather = WeatherCollector(configuration: configuration, store: store, upstream: upstream)
        let injuries = InjuriesCollector(
            client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, now: configuration.now)
        let summaries = SummariesCollector(
            client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, now: configuration.now)
        let statcast = StatcastCollector(
            client: SavantClient(configuration: configuration.savant, upstream: upstream), store: store, now: configuration.now)
        let quality = QualityChecker(
            store: store, teamNames: configuration.teamNames, thresholds: configuration.qualityThresholds, now: configuration.now)
        let sports = configuration.sports
        /// A collector that runs once per sport: its results by sport, and its success metric once all succeeded.
        func perSport<P: SportJob, R: Encodable & Sendable>(
            _ type: P.Type, _ collect: @escaping @Sendable (P, String, Logger) async throws -> R
        ) {
            registry.register(type) { parameters, context in
                let results = try await eachSport(parameters, sports, context) { parameters, effectID in
                    try await collect(parameters, effectID, context.logger)
                }
                CollectorMetrics.succeeded(P.jobType)
                return results
            }
        }
        perSport(CollectOdds.self) { parameters, effectID, logger in
            let result = try await odds.collect(parameters, jobID: effectID, logger: logger)
            try await report(parameters, applied: result.applied, written: result.oddsGameIDs, to: oddsChanged)
            return result
        }
        perSport(CollectGames.self) { parameters, effectID, logger in
            let result = try await games.collect(parameters, jobID: effectID, logger: logger)
            try await report(parameters, applied: result.applied, written: result.writtenGameIDs, to: gamesChanged)
            return result
        }
        perSport(CollectWeather.self) { try await weather.collect($0, jobID: $1, logger: $2) }
        perSport(CollectInjuries.self) { try await injuries.collect($0, jobID: $1, logger: $2) }
        perSport(CollectSummaries.self) { parameters, effectID, logger in
            let result = try await summaries.collect(parameters, jobID: effectID, logger: logger)
            try await report(parameters, applied: result.applied, written: result.oddsGameIDs, to: oddsChanged)
            return result
        }
        /// A collector that runs once for every sport it covers: its result, and its success metric.
        func once<P: JobParameters, R: Encodable & Sendable>(
            _ type: P.Type, _ collect: @escaping @Sendable (P, String, Logger) async throws -> R
        ) {
            registry.register(type) { parameters, context in
                do {
                    let result = try await collect(parameters, context.id, context.logger)
                    CollectorMetrics.succeeded(P.jobType)
                    return result
                } catch let error as CollectorError where error.isPermanent {
                    throw PermanentJobError(error.description)
                }
            }
        }
        once(CollectStatcast.self) { try await statcast.collect($0, jobID: $1, logger: $2) }
        once(CollectPropOdds.self) { try await propOdds.collect($0, jobID: $1, logger: $2) }
        registry.register(QualityCheck.self) { parameters, context in
            try await eachSport(parameters, sports, context) { parameters, effectID in
                try await quality.run(parameters, jobID: effectID, logger: context.logger)
            }
        }
    }

    /// Makes the job types known for payload validation only (processes that enqueue but do not run them).
    public static func declare(in registry: JobRegistry) {
        registry.declare(CollectOdds.self)
        registry.declare(CollectPropOdds.self)
        registry.declare(CollectGames.self)
        registry.declare(CollectWeather.self)
        registry.declare(CollectInjuries.self)
        registry.declare(CollectSummaries.self)
        registry.declare(CollectStatcast.self)
        registry.declare(QualityCheck.self)
    }

    /// Runs `body` for the job's sport, or for each configured sport when it names none; results by sport.
    ///
    /// Each sport's writes are recorded under the effect id `<job id>/<sport>`, so a retry after one sport
    /// failed does not rewrite the sports that succeeded, and a redelivery writes nothing.
    private static func eachSport<P: SportJob, R: Sendable>(
        _ parameters: P, _ configured: [String], _ context: JobContext, _ body: (P, String) async throws -> R
    ) async throws -> [String: R] {
        var results: [String: R] = [:]
        for sport in parameters.sport.map({ [$0] }) ?? configured {
            var single = parameters
            single.sport = sport
            do {
                results[sport] = try await body(single, "\(context.id)/\(sport)")
            } catch let error as CollectorError where error.isPermanent {
                throw PermanentJobError(error.description)
            }
        }
        return results
    }

    /// Tells `changed` what a run of `parameters` wrote, if anything (see `CollectionChange.after`).
    private static func report(
        _ parameters: some SportJob, applied: Bool, written: Set<Int>, to changed: @Sendable (CollectionChange) async throws -> Void
    ) async throws {
        guard let sport = parameters.sport, let change = CollectionChange.after(sport: sport, applied: applied, written: written) else {
            return
        }
        try await changed(change)
    }
}
