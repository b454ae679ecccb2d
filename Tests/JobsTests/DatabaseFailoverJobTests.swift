import Diagnostics
import Foundation
import Logging
import Postgres
import Queue
import Redis
import ServiceLifecycle
import Store
import TestSupport
import Testing

/// The database-failover runbook under job traffic: a worker runs jobs that each write one PostgreSQL row in the job's
/// effect while the primary dies and its replica is promoted. The attempts that meet the outage fail and retry; the
/// worker's pool finds the promoted server by itself; every job ends succeeded, every effect is written once. The pair
/// replicates synchronously: asynchronously, a commit the primary acknowledged just before it died may never reach the
/// replica (the runbook's step 2), and this test once lost such an effect.
@Suite(
    .serialized, .timeLimit(.minutes(5)),
    .enabled(if: TestServers.databaseReplicaURL != nil, "needs PostgreSQL's server programs and scripts/lib/pg-replica.sh (scripts/test)"))
struct DatabaseFailoverJobTests {
    static let jobs = 600

    @Test func jobsRunningThroughAPromotionLoseNothingAndApplyNothingTwice() async throws {
        try await TestFailoverDatabase.withRunning { try await run(through: $0) }
    }

    private func run(through servers: TestFailoverDatabase) async throws {
        try await servers.replicateSynchronously()
        let store = Store(configuration: PostgresConfiguration(url: servers.platformURL, maximumConnections: 4))
        try await store.migrate(logger: Logger(label: "test"))
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        let registry = JobRegistry()
        RecordedEffectJob.register(in: registry, redis: redis, store: store)
        let queue = JobQueue(redis: redis, configuration: QueueConfiguration(), registry: registry)
        let name = TestServers.uniqueName().lowercased()
        let ledger = TestServers.uniqueName()
        let ids = try await queue.enqueue(
            (0..<Self.jobs).map { _ in
                var request = try JobRequest(RecordedEffectJob(ledger: ledger, milliseconds: 10), queue: name)
                // Enough attempts to outlast the outage: a connection refused is an ordinary failure, retried.
                request.maxAttempts = 25
                request.backoff = .milliseconds(100)
                request.maximumBackoff = .seconds(1)
                return request
            }
        ).map(\.id)

        let worker = Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(queues: [.init(name)], concurrency: 8, maintenanceInterval: .milliseconds(50)))
        let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
        func succeeded() async throws -> Int { try await queue.stats(queue: name).counts[.succeeded] ?? 0 }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // The primary dies with a quarter of the jobs done and the worker's slots busy.
            #expect(try await eventually(timeout: .seconds(60)) { try await succeeded() >= Self.jobs / 4 })
            try await servers.killPrimary()
            let promoter = try await PostgresConnection.connect(to: servers.replicaURL)
            #expect(try await promoter.query("SELECT pg_promote(true, 60) AS promoted").first?.decode(Bool.self, "promoted") == true)
            await promoter.close()
            #expect(try await eventually(timeout: .seconds(180)) { try await queue.stats(queue: name).pending == 0 })
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }

        var states: [JobState: Int] = [:]
        var retried = 0
        for id in ids {
            let job = try #require(try await queue.job(id))
            states[job.state, default: 0] += 1
            if job.attempt > 1 { retried += 1 }
        }
        #expect(states == [.succeeded: Self.jobs])
        // The failover was met: attempts failed while no server took writes, and ran again.
        #expect(retried > 0)
        let effects = try #require(
            try await store.query("SELECT count(*) AS n, count(DISTINCT job_id) AS jobs FROM diagnostic_effects WHERE ledger = \(ledger)").first)
        #expect(try effects.decode(Int.self, "n") == Self.jobs && effects.decode(Int.self, "jobs") == Self.jobs)
        #expect(try await store.query("SELECT inet_server_port() AS port").first?.decode(Int?.self, "port") == servers.replicaPort)
        _ = try await redis.send("DEL", DiagnosticJobs.ledgerKey(ledger))
        redis.close()
        await store.shutdown()
    }
}
