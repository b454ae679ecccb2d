import ArgumentParser
import Essentials
import Foundation
import Jobs
import Logging
import Postgres
import Queue
import Redis
import ServiceLifecycle
import Store
import UnixSignals

/// `aips worker`: runs jobs from weighted queues until SIGTERM, then drains.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run jobs from the given queues until SIGTERM/SIGINT, then drain.")

    @OptionGroup var redis: RedisOptions
    @OptionGroup var metrics: MetricsOptions

    @Option(name: .customLong("database-url"), help: "PostgreSQL URL for the job archive (default: $DATABASE_URL, else a running aips dev's; none: no archive).")
    var databaseURL: String?

    @Option(help: "Queues and weights, e.g. collect=3,train=1.")
    var queues: String = "default"

    @Option(help: "Jobs run at once by this process.")
    var concurrency: Int = 10

    @Option(help: "Lease length in seconds; a crashed worker's jobs return after this.")
    var lease: Double = 30

    @Option(help: "Seconds running jobs get to finish on SIGTERM before their leases are handed back.")
    var grace: Double = 25

    func validate() throws {
        guard (1...10_000).contains(concurrency) else { throw ValidationError("--concurrency must be 1 to 10000") }
        guard lease >= 0.1 else { throw ValidationError("--lease must be at least 0.1 seconds") }
        guard grace >= 0 else { throw ValidationError("--grace cannot be negative") }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let logger = Logger(label: "aips.worker")
        let workerQueues = try WorkerConfiguration.parseQueues(queues)
        let client = try redis.makeClient()
        let database = databaseURL ?? DevServers.databaseURL
        let store = database.map { Store(configuration: PostgresConfiguration(url: $0, maximumConnections: 4)) }
        // The keys that seal secrets at rest, as the API's: deliveries sign with the webhooks' secrets.
        let registry = JobCatalog.registry(
            redis: client, store: store, secrets: try DevServers.totpKeyring(), market: try MarketEnvironment.market())
        let queue = JobQueue(redis: client, configuration: try .aips(archiveFinishedJobs: store != nil), registry: registry)
        let configuration = WorkerConfiguration(
            queues: workerQueues, concurrency: concurrency,
            lease: .milliseconds(Int64(lease * 1000)), shutdownGracePeriod: .milliseconds(Int64(grace * 1000)))
        let worker = Worker(
            queue: queue, registry: registry, configuration: configuration,
            archive: store.map { JobRunArchiver.hook(store: $0) }, logger: logger)
        // Shut down in reverse: the worker drains before the store and the Redis client it uses close.
        let clients: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: client)] + (store.map { [.init(service: $0)] } ?? [])
        let group = ServiceGroup(
            configuration: .init(
                services: clients + [.init(service: worker)] + [metrics.service(logger: logger)].compactMap { $0 },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
