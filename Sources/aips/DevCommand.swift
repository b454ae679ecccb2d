import ArgumentParser
import Foundation
import Logging
import Queue
import ServiceLifecycle

/// `aips dev`: the whole platform in one process, with embedded servers when none are configured.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run the platform locally: embedded redis-server under .data/ unless REDIS_URL is set, and a worker.")

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
        let client = RedisClient(configuration: try RedisConfiguration(url: redisURL))
        let registry = JobCatalog.registry(redis: client)
        let queue = JobQueue(redis: client, registry: registry)
        let worker = Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(queues: try WorkerConfiguration.parseQueues(queues), concurrency: concurrency),
            logger: Logger(label: "aips.worker"))
        print("""
            aips dev is running.
              redis   \(RedisConfiguration.redacted(redisURL))\(embeddedRedis == nil ? "" : " (embedded, data in \(dataDirectory.path)/redis)")
              worker  queues \(queues), concurrency \(concurrency); job types: \(registry.types.joined(separator: ", "))
            Try:  REDIS_URL=\(redisURL) aips enqueue diag.sleep --payload '{"milliseconds":200}'
                  REDIS_URL=\(redisURL) aips queue stats
            Ctrl-C stops (running jobs finish first).
            """)
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: worker)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            client.close()
            await embeddedRedis?.stop()
            throw error
        }
        client.close()
        await embeddedRedis?.stop()
    }
}
