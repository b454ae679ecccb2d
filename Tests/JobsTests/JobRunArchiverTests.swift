import Foundation
import Logging
import ServiceLifecycle
import TestSupport
import Testing
@testable import Jobs
import Queue
import Store
import Redis
import Postgres
import Diagnostics

/// Finished jobs travel from Redis to PostgreSQL's job_runs through the worker's archive hook.
@Suite struct JobRunArchiverTests {
    @Test func finishedJobsAreArchivedOnceWithTheirErrors() async throws {
        let store = Store(configuration: PostgresConfiguration(url: TestServers.databaseURL, maximumConnections: 2))
        _ = try await store.migrate(logger: Logger(label: "test"))
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        defer { redis.close() }
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        let queue = JobQueue(redis: redis, configuration: QueueConfiguration(archiveFinishedJobs: true), registry: registry)
        let name = TestServers.uniqueName().lowercased()
        let ok = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id
        let bad = try await queue.enqueue(JobRequest(type: "diag.fail", queue: name, payload: #"{"message":"nope","permanent":true}"#)).id
        let worker = Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(queues: [.init(name)], maintenanceInterval: .milliseconds(50)),
            archive: JobRunArchiver.hook(store: store))
        let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // Waits for the outcome, not for a duration: the deadline only stops a hung test (a fresh-clone run with
            // a release build and the dev bootstrap beside it needed more than 15 s).
            let deadline = ContinuousClock.now + .seconds(90)
            while ContinuousClock.now < deadline {
                let rows = try await store.query("SELECT count(*) AS n FROM job_runs WHERE id IN (\(ok), \(bad))")
                if try rows.first?.decode(Int.self, at: 0) == 2 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let rows = try await store.query("SELECT id, state, errors::text FROM job_runs WHERE id IN (\(ok), \(bad)) ORDER BY state DESC")
        // A missing row fails the test here instead of crashing the whole test process at rows[1] below.
        try #require(rows.rows.count == 2)
        #expect(try rows.map { try $0.decode(String.self, at: 1) } == ["succeeded", "dead"])
        #expect(try rows.rows[1].decode(String.self, at: 2).contains("nope"))
        #expect(try await redis.send("LLEN", RedisQueueKeys(queue: name).archive).int == 0)
        await store.shutdown()
    }
}
