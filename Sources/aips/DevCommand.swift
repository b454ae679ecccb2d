import API
import ArgumentParser
import EmbeddedServers
import Essentials
import Foundation
import Jobs
import Logging
import Metrics
import Postgres
import Prometheus
import Queue
import Redis
import Sandbox
import Scheduler
import ServiceLifecycle
import Store
import UnixSignals

/// `aips dev`: the whole platform in one process, with embedded servers when none are configured.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: """
            Run the platform locally: embedded redis-server and PostgreSQL under .data/ unless REDIS_URL / DATABASE_URL \
            are set (DATABASE_REPLICA_URL: a streaming replica for the API's reads), migrations, a worker, the scheduler \
            (the schedules this build has handlers for) and the HTTP API.
            """)

    @Option(help: "Directory for embedded servers' data.")
    var data: String = ".data"

    @Option(help: "Queues the in-process worker serves.")
    var queues: String = "default"

    @Option(help: "Jobs the in-process worker runs at once.")
    var concurrency: Int = 10

    @Option(help: "Port of the HTTP API (and /metrics).")
    var port: Int = 8080

    @Option(help: "Port of the in-process sandbox world the collectors read, unless ODDS_API_KEY is set.")
    var sandboxPort: Int = 8090

    @Option(help: "World seconds per real second in the sandbox (60: an hour a minute, so games start and finish within minutes).")
    var sandboxSpeed: Double = 60

    @Option(help: "Days of sandbox history the first run backfills and trains on (0: none).")
    var bootstrapDays: Int = 365

    @Option(
        help: """
            Serve a historical file instead of the simulated world: a games CSV (e.g. ../shared/data/real/mlb-2014-2016.csv) \
            or football-data.co.uk's layout with --replay-format football-data. Its games, scores and opening-to-closing \
            lines; the collectors, features, training, picks and settlement run on them.
            """)
    var replay: String?

    @Option(name: .customLong("replay-format"), help: "The replay file's layout: games or football-data.")
    var replayFormat: ReplayFormat = .games

    @Option(
        name: .customLong("replay-start"),
        help: "With --replay: world time at start, ISO 8601 (default: an hour before the first game day --bootstrap-days into the file).")
    var replayStart: String?

    func validate() throws {
        guard sandboxSpeed >= 0 && sandboxSpeed <= 3_600 else { throw ValidationError("--sandbox-speed must be 0…3600") }
        // A backfill covers at most 366 days (`BackfillPlan`).
        guard bootstrapDays == 0 || (28...366).contains(bootstrapDays) else {
            throw ValidationError("--bootstrap-days must be 0 or 28…366 (training needs weeks of games; a backfill covers at most a year)")
        }
        if replay != nil {
            guard Self.servesOwnSandbox(ProcessInfo.processInfo.environment) else {
                throw ValidationError("--replay serves the file from aips dev's own sandbox: unset ODDS_API_KEY and AIPS_SANDBOX_URL")
            }
        } else if replayStart != nil {
            throw ValidationError("--replay-start goes with --replay")
        }
        if let replayStart, (try? Date(replayStart, strategy: .iso8601)) == nil {
            throw ValidationError("--replay-start must be ISO 8601, e.g. 2016-04-03T16:00:00Z")
        }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let logger = Logger(label: "aips.dev")
        let environment = ProcessInfo.processInfo.environment
        // Read before any server starts: a file that cannot be replayed stops here.
        let replayed = try replay.map { try ReplayWorld(contentsOf: URL(fileURLWithPath: $0), format: replayFormat) }
        let worldStart = try replayed.map(replayStartDate) ?? Date()
        let dataDirectory = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
        // The embedded database keeps the world its sandbox served: a replay and the simulated world do not mix.
        let ownSandbox = Self.servesOwnSandbox(environment)
        if environment["DATABASE_URL"] == nil && ownSandbox {
            try (replay.map(DevWorld.replay(of:)) ?? .simulated).claim(dataDirectory)
        }
        var embeddedRedis: EmbeddedRedis?
        let redisURL: String
        if let configured = environment["REDIS_URL"] {
            redisURL = configured
        } else {
            let embedded = try await EmbeddedRedis(directory: dataDirectory.appendingPathComponent("redis"))
            embeddedRedis = embedded
            redisURL = embedded.url
        }
        var embeddedPostgres: EmbeddedPostgres?
        let databaseURL: String
        do {
            if let configured = environment["DATABASE_URL"] {
                databaseURL = configured
            } else {
                let embedded = EmbeddedPostgres(
                    configuration: EmbeddedPostgresConfiguration(directory: dataDirectory.appendingPathComponent("pg").path),
                    logger: Logger(label: "aips.embedded-postgres"))
                databaseURL = try await embedded.start()
                embeddedPostgres = embedded
            }
        } catch {
            await embeddedRedis?.stop()
            throw error
        }
        // A replica is only ever configured: the embedded server has none.
        let replicaURL = environment["DATABASE_REPLICA_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let store = Store(
            configuration: PostgresConfiguration(url: databaseURL, maximumConnections: 4),
            replica: replicaURL.map { PostgresReplicaConfiguration(url: $0, maximumConnections: 4) })
        let client = RedisClient(configuration: try RedisConfiguration(url: redisURL))
        // The service group closes the clients; the embedded servers stop after it, or when setup fails.
        let stopServers = {
            DevServers.remove(in: dataDirectory)
            try? await embeddedPostgres?.stop()
            await embeddedRedis?.stop()
        }
        var groupStarted = false
        do {
            let totpKeysFile = try DevServers.totpKeysFile(in: dataDirectory)
            try DevServers(redisURL: redisURL, databaseURL: databaseURL, processID: getpid(), totpKeysFile: totpKeysFile).write(in: dataDirectory)
            let applied = try await store.migrate(logger: logger)
            if !applied.isEmpty { logger.info("migrated", metadata: ["applied": "\(applied.count)"]) }
            // Without an Odds API key the collectors read the simulated world, started here.
            var collectorEnvironment = environment
            var sandbox: SandboxServer?
            if ownSandbox {
                let world = SandboxServer(
                    configuration: SandboxConfiguration(
                        seed: 1, start: worldStart, speed: sandboxSpeed,
                        oddsAPIQuota: try Self.sandboxOddsQuota(bootstrapDays: bootstrapDays, now: worldStart),
                        host: "127.0.0.1", port: sandboxPort, replay: replayed),
                    logger: Logger(label: "aips.sandbox"))
                collectorEnvironment["AIPS_SANDBOX_URL"] = "http://127.0.0.1:\(sandboxPort)"
                collectorEnvironment["AIPS_MARKET"] = (replayed == nil ? MarketSource.simulated : .replayed).rawValue
                if let replayed {
                    // A replayed file's leagues only; its teams' venues are not in it (no weather, no travel), nor anything
                    // but scores and prices, so the features of the other sources are not missing but not collected.
                    collectorEnvironment["AIPS_SPORTS"] = replayed.leagues.map(\.code).joined(separator: ",")
                    collectorEnvironment["AIPS_UNCOLLECTED_SOURCES"] = BackfillSource.allCases
                        .filter { !PipelineFlow.replayedSources.contains($0) }.map(\.rawValue).joined(separator: ",")
                } else {
                    let venuesFile = dataDirectory.appendingPathComponent("venues.json")
                    let venues = SandboxSport.allCases.compactMap { world.world.league($0) }.flatMap { $0.teams.map(\.venue) }
                    try JSONEncoder().encode(venues).write(to: venuesFile)
                    collectorEnvironment["AIPS_VENUES_FILE"] = collectorEnvironment["AIPS_VENUES_FILE"] ?? venuesFile.path
                    collectorEnvironment["ESPN_BACKFILL_STARTER_LEAD_HOURS"] = String(world.world.probablesAnnouncedBeforeStart / 3_600)
                }
                sandbox = world
            }
            // The dev flow has no admin waiting to review: models that pass are promoted at once unless told otherwise.
            collectorEnvironment["PROMOTION_AUTO_APPROVE"] = environment["PROMOTION_AUTO_APPROVE"] ?? "true"
            // As the API allows webhooks on private hosts in dev, so does their delivery (the sandbox's inbox is on loopback).
            collectorEnvironment["ALERT_WEBHOOK_PRIVATE_HOSTS"] = "true"
            // Every job reads the world's clock when the world is simulated: it may run faster than real time.
            let worldClock = sandbox?.clock
            let clock: @Sendable () -> Date = { worldClock?.now ?? Date() }
            // The seed's two-minute odds age is two collections; the dev flow collects once a minute of real time,
            // which is `sandboxSpeed` minutes of world time.
            let secrets =
                try SecretKeyring.fromEnvironment(environment) ?? SecretKeyring.fromEnvironment(["TOTP_ENCRYPTION_KEYS_FILE": totpKeysFile])
            let market = try MarketEnvironment.market(collectorEnvironment)
            let registry = JobCatalog.registry(
                redis: client, store: store, environment: collectorEnvironment, now: clock,
                qualityThresholds: sandbox == nil ? nil : QualityThresholds(oddsMaximumAge: 2 * 60 * max(sandboxSpeed, 1)),
                secrets: secrets, market: market)
            let queue = JobQueue(redis: client, configuration: try .aips(archiveFinishedJobs: true, defaultLayout: .packed), registry: registry)
            let metrics = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
            var served = Set(registry.types)
            if replayed != nil { served.formIntersection(PipelineFlow.replayedJobTypes) }
            let schedules = DevelopmentSchedules.schedules(Schedule.defaults, speed: sandbox == nil ? 1 : sandboxSpeed, served: served)
            var workerQueues = try WorkerConfiguration.parseQueues(queues)
            for name in Set(schedules.flatMap { $0.jobs.map(\.queue) }) where !workerQueues.contains(where: { $0.name == name }) {
                workerQueues.append(.init(name))
            }
            let worker = Worker(
                queue: queue, registry: registry,
                configuration: WorkerConfiguration(queues: workerQueues, concurrency: concurrency),
                archive: JobRunArchiver.hook(store: store), logger: Logger(label: "aips.worker"))
            let scheduler = Scheduler(
                configuration: SchedulerConfiguration(schedules: schedules), redis: client, queue: JobQueue(redis: client, configuration: try .aips(defaultLayout: .packed)),
                logger: Logger(label: "aips.scheduler"))
            if sandbox != nil && bootstrapDays > 0 {
                try await bootstrap(
                    queue: queue, store: store, sports: CollectorEnvironment.sports(collectorEnvironment), now: clock(),
                    logger: logger)
            }
            var apiConfiguration = APIConfiguration(auth: AuthConfiguration(secret: try APICommand.jwtSecret(dev: true, logger: logger)))
            apiConfiguration.port = port
            apiConfiguration.now = clock
            apiConfiguration.threeWaySports = CollectedSport.threeWayCodes
            apiConfiguration.webhookPrivateHosts = true
            apiConfiguration.market = market
            apiConfiguration.auth.totpKeyring = secrets
            let server = APIServer(
                configuration: apiConfiguration, redis: client, queue: queue, registry: registry, database: store, reads: store.reads,
                metrics: metrics)
            let api = server.makeApplication { port in logger.info("API listening", metadata: ["port": "\(port)"]) }
            print("""
                aips dev is running.
                  redis      \(RedisConfiguration.redacted(redisURL))\(embeddedRedis == nil ? "" : " (embedded, data in \(dataDirectory.path)/redis)")
                  postgres   \(embeddedPostgres == nil ? "DATABASE_URL" : "embedded, data in \(dataDirectory.path)/pg"), migrated; finished jobs archived to job_runs\(replicaURL == nil ? "" : "; API reads from DATABASE_REPLICA_URL while it keeps up")
                  worker     queues \(workerQueues.map(\.name).joined(separator: ",")), concurrency \(concurrency); job types: \(registry.types.joined(separator: ", "))
                  scheduler  \(schedules.isEmpty ? "no default schedule has a handler in this build yet" : schedules.map(\.name).joined(separator: ", "))
                  api        http://127.0.0.1:\(port)/api/v1 (OpenAPI at /api/v1/openapi.json, metrics at /metrics)
                  sandbox    \(sandboxDescription(running: sandbox != nil, replayed: replayed, start: worldStart))
                  pipeline   collect → featurize → train.automl + train.stack → calibrate → predict → settle; models at /api/v1/models
                Try (from this directory: other aips commands find these servers in \(dataDirectory.path)/\(DevServers.fileName)):
                      aips user create --email me@example.com --admin
                      aips enqueue diag.sleep --payload '{"milliseconds":200}'
                      aips queue stats
                Ctrl-C stops (running jobs finish first).
                """)
            // Written to a file or a pipe, standard output is block-buffered: the banner would wait behind later lines.
            fflush(nil)
            // Shut down in reverse: the API, scheduler and worker stop before the clients they use close.
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: client), .init(service: store)]
                        + (sandbox.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? [])
                        + [.init(service: worker), .init(service: scheduler), .init(service: server.engagement), .init(service: api)],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            groupStarted = true
            try await group.run()
        } catch {
            if !groupStarted {
                client.close()
                await store.shutdown()
            }
            await stopServers()
            throw error
        }
        await stopServers()
    }

    /// Whether dev serves its own sandbox: no Odds API key and no other sandbox configured.
    private static func servesOwnSandbox(_ environment: [String: String]) -> Bool {
        environment["ODDS_API_KEY"] == nil && environment["AIPS_SANDBOX_URL"] == nil
    }

    /// An hour before the first game `bootstrapDays` into the replayed file whose bootstrap has games to validate on
    /// (games on a quarter of the days of its validation window: not the first days of a season, after months without
    /// any), unless `--replay-start` says when. The world then goes on from there, through a season under way.
    private func replayStartDate(_ world: ReplayWorld) throws -> Date {
        if let replayStart { return try Date(replayStart, strategy: .iso8601) }
        guard let first = world.firstStart else { throw ValidationError("\(replay ?? "the replay file") has no games") }
        let trained = first.addingTimeInterval(Double(bootstrapDays) * 86_400)
        let validationDays = bootstrapDays == 0 ? 0 : PipelineFlow.quickSettings(days: bootstrapDays).validationWindowDays
        let days = world.games.map { Int($0.startsAt.timeIntervalSince1970 / 86_400) }
        let start = world.games.indices.first { index in
            guard world.games[index].startsAt >= trained else { return false }
            let played = Set(days[..<index].filter { $0 >= days[index] - validationDays && $0 < days[index] })
            return played.count * 4 >= validationDays
        }
        guard let start else {
            throw ValidationError(
                "the replay file has no game \(bootstrapDays) days into it with games to validate on before it: give --bootstrap-days less")
        }
        return world.games[start].startsAt.addingTimeInterval(-3_600)
    }

    private func sandboxDescription(running: Bool, replayed: ReplayWorld?, start: Date) -> String {
        guard running else { return "off (collectors use the configured upstream APIs)" }
        let served = "http://127.0.0.1:\(sandboxPort)"
        guard let replayed, let replay else {
            return "\(served): simulated NBA, MLB, EPL, NHL and NFL world at \(sandboxSpeed)× real time"
        }
        let leagues = replayed.leagues.map { $0.code.uppercased() }.joined(separator: ", ")
        return "\(served): replaying \(replay) (\(replayed.games.count) \(leagues) games; scoreboard and odds only) from "
            + "\(start.formatted(.iso8601)) at \(sandboxSpeed)× real time"
    }

    /// Credits for live collection beside a bootstrap: dev collects the odds of five leagues once a minute at three
    /// credits a call, about 21,600 a day, so this lasts about six weeks of running.
    static let liveOddsCredits = 1_000_000

    /// The Odds API credits dev's sandbox account starts with: what a bootstrap of every simulated league over
    /// `bootstrapDays` before `now` may spend on historical snapshots, plus `liveOddsCredits`. With the sandbox's
    /// default 100,000 the bootstrap's four snapshots a day spent them all, and every live odds call after it was
    /// refused: no current prices, no picks.
    static func sandboxOddsQuota(bootstrapDays: Int, now: Date) throws -> Int {
        let history = try PipelineFlow.bootstrapOddsCredits(
            sports: SandboxSport.allCases.map(\.rawValue), days: bootstrapDays, now: now, configuration: OddsAPIConfiguration(apiKey: "sandbox"))
        return history + liveOddsCredits
    }

    /// Enqueues the bootstrap flow unless a model already exists or the flow is still queued from an earlier run.
    private func bootstrap(queue: JobQueue, store: Store, sports: [String], now: Date, logger: Logger) async throws {
        let registered = try await store.models.summaries(limit: 1, offset: 0).total
        let training = try await queue.stats(queue: "training").pending
        guard registered == 0, training == 0 else { return }
        let requests = try PipelineFlow.bootstrap(sports: sports, days: bootstrapDays, now: now, replayed: replay != nil)
        _ = try await queue.enqueue(requests)
        logger.info(
            "bootstrap flow enqueued: history, features, training, calibration",
            metadata: ["jobs": "\(requests.count)", "days": "\(bootstrapDays)", "sports": "\(sports.joined(separator: ","))"])
    }
}
