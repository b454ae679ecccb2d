import ArgumentParser
import Foundation
import Logging
import Queue
import Redis
import Scheduler
import ServiceLifecycle
import UnixSignals

/// `aips scheduler`: runs the singleton cron scheduler until SIGTERM or SIGINT.
struct SchedulerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Run the cron scheduler (any number may run; one leads, the others stand by).")

    @OptionGroup var redis: RedisOptions
    @OptionGroup var metrics: MetricsOptions

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: ArgumentHelp("Leader lease TTL in seconds; a standby takes over at most this long after the leader dies.", valueName: "seconds"))
    var leaseTTL: Double = 10

    @Option(help: ArgumentHelp("Seconds a tick may be late before a skip schedule drops it.", valueName: "seconds"))
    var lateTickGrace: Double = 30

    @Option(help: ArgumentHelp("Redis key namespace of the lease, fencing counter and tick ledger.", valueName: "name"))
    var namespace: String = "aips:scheduler"

    func validate() throws {
        guard leaseTTL >= 1, leaseTTL <= 60 else { throw ValidationError("--lease-ttl must be 1 to 60 seconds") }
        guard lateTickGrace >= 0 else { throw ValidationError("--late-tick-grace must not be negative") }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let logger = Logger(label: "aips.scheduler")
        let schedules = try schedule.schedules()
        let client = try redis.makeClient()
        do {
            try schedule.checkPayloads(of: schedules, against: JobCatalog.registry(redis: client), logger: logger)
        } catch {
            // The service group closes the client; it never ran.
            client.close()
            throw error
        }
        let configuration = SchedulerConfiguration(
            schedules: schedules,
            election: LeaderElection.Configuration(leaseTTL: .milliseconds(Int64(leaseTTL * 1_000))),
            keys: SchedulerKeys(namespace: namespace),
            lateTickGrace: .milliseconds(Int64(lateTickGrace * 1_000)))
        // Payloads were checked above; the queue itself stays unregistered so that job
        // types served by other builds of the workers can still be scheduled.
        let scheduler = Scheduler(configuration: configuration, redis: client, queue: JobQueue(redis: client, configuration: try .aips()), logger: logger)
        // Shut down in reverse: the scheduler stops before the Redis client it uses.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: client), .init(service: scheduler)] + [metrics.service(logger: logger)].compactMap { $0 },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
