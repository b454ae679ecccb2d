import ArgumentParser
import Foundation
import Logging
import Queue
import Scheduler
import ServiceLifecycle
import UnixSignals

/// `aips scheduler`: runs the singleton cron scheduler until SIGTERM or SIGINT.
struct SchedulerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Run the cron scheduler (any number may run; one leads, the others stand by).")

    @Option(help: ArgumentHelp("Redis URL (default: $REDIS_URL or redis://127.0.0.1:6379/0).", valueName: "url"))
    var redisURL: String = ProcessInfo.processInfo.environment["REDIS_URL"] ?? "redis://127.0.0.1:6379/0"

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: ArgumentHelp("Leader lease TTL in seconds; a standby takes over at most this long after the leader dies.", valueName: "seconds"))
    var leaseTTL: Double = 10

    @Option(help: ArgumentHelp("Seconds a tick may be late before a skip schedule drops it.", valueName: "seconds"))
    var lateTickGrace: Double = 30

    @Option(help: ArgumentHelp("Redis key namespace of the lease, fencing counter and tick ledger.", valueName: "name"))
    var namespace: String = "aips:scheduler"

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard leaseTTL >= 1, leaseTTL <= 60 else { throw ValidationError("--lease-ttl must be 1 to 60 seconds") }
        guard lateTickGrace >= 0 else { throw ValidationError("--late-tick-grace must not be negative") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "aips.scheduler")
        let configuration = SchedulerConfiguration(
            schedules: try schedule.schedules(),
            election: LeaderElection.Configuration(leaseTTL: .milliseconds(Int64(leaseTTL * 1_000))),
            keys: SchedulerKeys(namespace: namespace),
            lateTickGrace: .milliseconds(Int64(lateTickGrace * 1_000)))
        let redis = RedisClient(configuration: try RedisConfiguration(url: redisURL), logger: logger)
        defer { redis.close() }
        let scheduler = Scheduler(configuration: configuration, queue: JobQueue(redis: redis), logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [scheduler], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
