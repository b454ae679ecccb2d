import ArgumentParser
import Foundation
import Logging
import Queue
import ServiceLifecycle
import Jobs
import Store

/// `aips dev`: the whole platform in one process, with embedded servers when none are configured.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run the platform locally: embedded redis-server and PostgreSQL under .data/ unless REDIS_URL / DATABASE_URL are set, migrations, and a worker.")

    @Option(help: "Directory for embedded servers' data.")
    var data: String = ".data"

    @Option(help: "Queues the in-process worker serves.")
    var queues: String = "default"

    @Option(help: "Jobs the in-process worker runs at once.")
    var concurrency: Int = 10

    func run() async throws {
        LoggingSetup.bootstrap()
        let logger = Logger(label: "aips.dev")
        let environment = ProcessInfo.processInfo.environment
        let dataDirectory = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
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
        let store = Store(configuration: PostgresConfiguration(url: databaseURL, maximumConnections: 4))
        let client = RedisClient(configuration: try RedisConfiguration(url: redisURL))
        let stopEverything = {
            client.close()
            await store.shutdown()
            try? await embeddedPostgres?.stop()
            await embeddedRedis?.stop()
        }
        do {
            let applied = try await store.migrate(logger: logger)
            if !applied.isEmpty { logger.info("migrated", metadata: ["applied": "\(applied.count)"]) }
            let registry = JobCatalog.registry(redis: client, store: store)
            let queue = JobQueue(redis: client, configuration: QueueConfiguration(archiveFinishedJobs: true), registry: registry)
            let worker = Worker(
                queue: queue, registry: registry,
                configuration: WorkerConfiguration(queues: try WorkerConfiguration.parseQueues(queues), concurrency: concurrency),
                archive: JobRunArchiver.hook(store: store), logger: Logger(label: "aips.worker"))
            print("""
                aips dev is running.
                  redis     \(RedisConfiguration.redacted(redisURL))\(embeddedRedis == nil ? "" : " (embedded, data in \(dataDirectory.path)/redis)")
                  postgres  \(embeddedPostgres == nil ? "DATABASE_URL" : "embedded, data in \(dataDirectory.path)/pg"), migrated; finished jobs archived to job_runs
                  worker    queues \(queues), concurrency \(concurrency); job types: \(registry.types.joined(separator: ", "))
                Try:  export REDIS_URL=\(redisURL)
                      aips enqueue diag.sleep --payload '{"milliseconds":200}'
                      aips queue stats
                Ctrl-C stops (running jobs finish first).
                """)
            let group = ServiceGroup(
                configuration: .init(services: [.init(service: worker)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            await stopEverything()
            throw error
        }
        await stopEverything()
    }
}
