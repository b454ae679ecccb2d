import Queue
import Store

/// Registers `collect.odds`, `collect.games`, `collect.weather` and `quality.check` with a worker's registry.
public enum CollectorJobs {
    /// Registers the handlers: each runs its collector against `store` with `configuration`.
    ///
    /// Failures retrying cannot fix (a refused key, used-up credits, a rejected request) become
    /// `PermanentJobError`s and go straight to the dead set; a 429, an unreachable upstream or a bad
    /// payload are retried with the job's backoff.
    public static func register(
        in registry: JobRegistry, store: Store, configuration: CollectorConfiguration, upstream: UpstreamClient = UpstreamClient()
    ) {
        let odds = OddsCollector(
            client: OddsAPIClient(configuration: configuration.oddsAPI, upstream: upstream), store: store,
            teamNames: configuration.teamNames, now: configuration.now)
        let games = GamesCollector(
            client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, venues: configuration.venues,
            now: configuration.now)
        let weather = WeatherCollector(
            client: OpenMeteoClient(configuration: configuration.openMeteo, upstream: upstream), store: store, now: configuration.now)
        let quality = QualityChecker(store: store, teamNames: configuration.teamNames, now: configuration.now)
        registry.register(CollectOdds.self) { parameters, context in
            try await permanentWhenHopeless { try await odds.collect(parameters, jobID: context.id, logger: context.logger) }
        }
        registry.register(CollectGames.self) { parameters, context in
            try await permanentWhenHopeless { try await games.collect(parameters, jobID: context.id, logger: context.logger) }
        }
        registry.register(CollectWeather.self) { parameters, context in
            try await permanentWhenHopeless { try await weather.collect(parameters, jobID: context.id, logger: context.logger) }
        }
        registry.register(QualityCheck.self) { parameters, context in
            try await quality.run(parameters, jobID: context.id, logger: context.logger)
        }
    }

    /// Makes the job types known for payload validation only (processes that enqueue but do not run them).
    public static func declare(in registry: JobRegistry) {
        registry.declare(CollectOdds.self)
        registry.declare(CollectGames.self)
        registry.declare(CollectWeather.self)
        registry.declare(QualityCheck.self)
    }

    private static func permanentWhenHopeless<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CollectorError where error.isPermanent {
            throw PermanentJobError(error.description)
        }
    }
}
