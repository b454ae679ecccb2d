import Diagnostics
import Foundation
import Logging
import Queue
import Redis
import ServiceLifecycle
import Testing

/// Real jobs in several states for the ops overview, with a real worker running: on
/// `ops-collect` a dead job, a retrying job and a running job (held by the worker), with
/// limits set; on `ops-train` (paused, served by no worker) a scheduled job and a child
/// waiting for it. Needs a harness with a Redis database of its own, which it empties first.
struct OpsScenario {
    static let collectQueue = "ops-collect"
    static let trainQueue = "ops-train"
    static let workerID = "ops-test-worker-7f3a"
    static let deadMessage = "sportsbook feed answered 502 Bad Gateway"
    static let retryingMessage = "odds payload missing field home_price"

    let harness: APITestHarness
    var deadJobID = ""
    var retryingJobID = ""
    var runningJobID = ""

    /// Sets the jobs up, runs `body` while the worker holds the running job, then stops the worker.
    static func whileRunning(_ harness: APITestHarness, _ body: (OpsScenario) async throws -> Void) async throws {
        try await harness.redis.send("FLUSHDB")
        var scenario = OpsScenario(harness: harness)
        let queue = harness.queue
        try await queue.setLimits(queue: collectQueue, concurrency: 4, rate: 10, per: .seconds(1))
        let parent = try await queue.enqueue(
            JobRequest(type: DiagnosticJobs.Noop.jobType, queue: trainQueue, runAt: Date().addingTimeInterval(3600))).id
        try await queue.enqueue(JobRequest(type: DiagnosticJobs.Noop.jobType, queue: trainQueue, dependsOn: [parent]))
        try await queue.pause(queue: trainQueue)
        scenario.deadJobID = try await queue.enqueue(
            JobRequest(type: DiagnosticJobs.Fail.jobType, queue: collectQueue, payload: #"{"message":"\#(deadMessage)","permanent":true}"#)).id
        // A backoff of an hour keeps it retrying for the whole test, whatever the machine's load.
        scenario.retryingJobID = try await queue.enqueue(
            JobRequest(
                type: DiagnosticJobs.Fail.jobType, queue: collectQueue, payload: #"{"message":"\#(retryingMessage)"}"#, maxAttempts: 50,
                backoff: .seconds(3600), maximumBackoff: .seconds(3600))).id
        scenario.runningJobID = try await queue.enqueue(
            JobRequest(type: DiagnosticJobs.Sleep.jobType, queue: collectQueue, payload: #"{"milliseconds":600000}"#)).id

        // The worker has a Redis client of its own, so a test may cut the API off Redis
        // (`harness.redis.close()`) while the worker goes on and still shuts down cleanly.
        let workerRedis = RedisClient(configuration: harness.redis.configuration)
        defer { workerRedis.close() }
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: workerRedis)
        let worker = Worker(
            queue: JobQueue(redis: workerRedis, registry: registry), registry: registry,
            configuration: WorkerConfiguration(
                queues: [.init(collectQueue)], concurrency: 4, lease: .seconds(30), heartbeatInterval: .milliseconds(500),
                maintenanceInterval: .milliseconds(200), shutdownGracePeriod: .milliseconds(200), identity: workerID))
        let group = ServiceGroup(services: [worker], logger: .init(label: "test.ops.worker"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                let ready = try await eventually {
                    let stats = try await queue.stats(queue: collectQueue)
                    let registered = try await WorkerDirectory(redis: harness.redis).live().contains { $0.identity == workerID }
                    return registered && stats.counts[.dead] == 1 && stats.counts[.retrying] == 1 && stats.counts[.running] == 1
                }
                try #require(ready, "the worker did not bring the jobs to dead, retrying and running")
                try await body(scenario)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Waits for `condition`, generously: the CI machine is loaded.
    static func eventually(timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }
}
