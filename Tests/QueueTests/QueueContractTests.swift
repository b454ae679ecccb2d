import Foundation
import Redis
import TestSupport
import Testing
@testable import Queue

/// The queue contract, checked the same way on both backends: what holds on Redis holds in memory.
@Suite struct QueueContractTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case redis
        /// Redis Cluster: every script must keep its keys in the queue's slot and the client follow the slot map.
        case redisCluster
        /// Redis with jobs enqueued in the field-per-setting hash that versions before `JobHashLayout.spec` wrote:
        /// every script and reader takes those hashes too.
        case redisFieldLayout
        /// Redis with every job in a hash from its enqueue (`JobHashLayout.spec`), as versions before `packed` wrote.
        case redisSpecLayout
        case memory

        var testDescription: String { rawValue }

        /// A queue client and a queue name of its own.
        func makeQueue(_ function: String = #function, configuration: QueueConfiguration = .init()) throws -> (JobQueue, String) {
            let name = TestServers.uniqueName(function + rawValue).lowercased()
            switch self {
            case .redis, .redisCluster, .redisFieldLayout, .redisSpecLayout:
                let url = self == .redisCluster ? TestServers.redisClusterURL : TestServers.redisURL
                let redis = RedisClient(configuration: try RedisConfiguration(url: url))
                var configuration = configuration
                if self == .redisFieldLayout { configuration.jobHashLayout = .fields }
                if self == .redisSpecLayout { configuration.jobHashLayout = .spec }
                return (JobQueue(redis: redis, configuration: configuration), name)
            case .memory:
                return (JobQueue(backend: InMemoryQueueBackend(configuration: configuration)), name)
            }
        }
    }

    func reserve(_ queue: JobQueue, _ name: String, max: Int = 10, lease: Duration = .seconds(30)) async throws -> [ReservedJob] {
        try await queue.reserve(queue: name, worker: "contract", lease: lease, max: max).jobs
    }

    @Test(arguments: Backend.allCases) func priorityFirstThenFirstInFirstOut(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        let low = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, priority: 5)).id
        let first = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id
        try await Task.sleep(for: .milliseconds(2))  // ready times differ: the order is not left to the ids
        let second = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id
        #expect(try await reserve(queue, name, max: 3).map(\.id) == [first, second, low])
    }

    @Test(arguments: Backend.allCases) func aTracedJobCarriesItsSubmittersTraceToTheWorker(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        var traced = JobRequest(type: "diag.noop", queue: name)
        traced.traceparent = traceparent
        let tracedID = try await queue.enqueue(traced).id
        try await Task.sleep(for: .milliseconds(2))
        let plainID = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id
        let reserved = try await reserve(queue, name, max: 2)
        #expect(reserved.map(\.id) == [tracedID, plainID])
        #expect(reserved.first?.traceparent == traceparent && reserved.first?.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(reserved.last?.traceparent == nil && reserved.last?.traceID == nil)
        #expect(try await queue.job(tracedID)?.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(try await queue.job(plainID)?.traceparent == nil)
    }

    @Test(arguments: Backend.allCases) func idempotencyKeyReturnsTheJobOrRefusesAnotherPayload(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        let first = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, payload: #"{"a":1}"#, idempotencyKey: "k"))
        let again = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, payload: #"{"a":1}"#, idempotencyKey: "k"))
        #expect(first.created && !again.created && again.id == first.id)
        await #expect(throws: QueueError.self) {
            try await queue.enqueue([
                JobRequest(type: "diag.noop", queue: name),
                JobRequest(type: "diag.noop", queue: name, payload: #"{"a":2}"#, idempotencyKey: "k"),
            ])
        }
        #expect(try await queue.stats(queue: name).counts[.queued] == 1)  // the refused batch wrote nothing
    }

    @Test(arguments: Backend.allCases) func expiredLeaseReturnsAndItsTokenIsRefused(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        let id = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, maxAttempts: 2)).id
        let stale = try #require(try await reserve(queue, name, lease: .milliseconds(20)).first)
        try await Task.sleep(for: .milliseconds(50))
        #expect(try await queue.reapExpiredLeases(queue: name) == 1)
        #expect(try await queue.job(id)?.errors.map(\.kind) == ["lease_expired"])
        let fresh = try #require(try await reserve(queue, name, lease: .milliseconds(20)).first)
        #expect(fresh.attempt == 2)
        #expect(try await queue.heartbeat(queue: name, leases: [(id, stale.leaseToken)], lease: .seconds(1)) == [.lost])
        try await Task.sleep(for: .milliseconds(50))
        #expect(try await queue.reapExpiredLeases(queue: name) == 1)
        #expect(try await queue.job(id)?.state == .dead)  // no attempts left
    }

    @Test(arguments: Backend.allCases) func retryBacksOffAndSaysWhenToLookAgain(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        let id = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, backoff: .seconds(60))).id
        let job = try #require(try await reserve(queue, name).first)
        let error = AttemptError(attempt: 1, at: 0, kind: "error", message: "x")
        #expect(try await queue.fail(queue: name, [(id, job.leaseToken, error, .retry)]) == [.retrying])
        let later = try await queue.reserve(queue: name, worker: "w", lease: .seconds(5), max: 5)
        #expect(later.jobs.isEmpty)
        let wait = try #require(later.nextCheck).timeIntervalSinceNow
        #expect(wait > 40 && wait < 80, "due after 60 s ± 25 %, said \(wait)")
    }

    @Test(arguments: Backend.allCases) func childWaitsForEveryParentAndAFailedParentFailsItByPolicy(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        let parent = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, maxAttempts: 1)).id
        let cancelled = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, dependsOn: [parent])).id
        let failed = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, dependsOn: [parent], onParentFailure: .fail)).id
        #expect(try await queue.job(cancelled)?.state == .waiting)
        let job = try #require(try await reserve(queue, name).first)
        #expect(job.id == parent)
        _ = try await queue.fail(queue: name, [(parent, job.leaseToken, AttemptError(attempt: 1, at: 0, kind: "error", message: "x"), .retry)])
        while try await queue.dispatchDependencies(queue: name) > 0 {}
        #expect(try await queue.job(cancelled)?.state == .cancelled)
        #expect(try await queue.job(failed)?.state == .dead)
        #expect(try await queue.job(failed)?.errors.first?.kind == "dependency")
    }

    @Test(arguments: Backend.allCases) func cancelEndsWaitingJobsAndAsksRunningOnes(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        let running = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id
        let job = try #require(try await reserve(queue, name).first)
        let scheduled = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, runAt: Date().addingTimeInterval(60))).id
        #expect(try await queue.cancel(scheduled) == .cancelled)
        #expect(try await queue.cancel(running) == .requested)
        #expect(try await queue.heartbeat(queue: name, leases: [(running, job.leaseToken)], lease: .seconds(5)) == [.cancelRequested])
        await #expect(throws: QueueError.self) { try await queue.cancel(scheduled) }
    }

    @Test(arguments: Backend.allCases) func limitsAndPauseAreSharedByEveryWorker(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue()
        try await queue.setLimits(queue: name, concurrency: 2, rate: nil)
        _ = try await queue.enqueue((0..<5).map { _ in JobRequest(type: "diag.noop", queue: name) })
        #expect(try await reserve(queue, name, max: 5).count == 2)
        #expect(try await queue.limits(queue: name) == QueueLimits(concurrency: 2))
        try await queue.pause(queue: name)
        #expect(try await queue.reserve(queue: name, worker: "w", lease: .seconds(5), max: 5).paused)
        #expect(try await queue.stats(queue: name).paused)
    }

    @Test(arguments: Backend.allCases) func finishedJobsAreArchivedOnceAndPrunedAfterRetention(_ backend: Backend) async throws {
        let (queue, name) = try backend.makeQueue(configuration: .init(finishedRetention: .milliseconds(10), archiveFinishedJobs: true))
        let id = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, idempotencyKey: "once")).id
        let job = try #require(try await reserve(queue, name).first)
        #expect(try await queue.complete(queue: name, [(id, job.leaseToken, #"{"r":1}"#)]) == [true])
        let archived = ArchivedRecords()
        #expect(try await queue.drainArchive(queue: name) { await archived.add($0) } == 1)
        #expect(try await queue.drainArchive(queue: name) { await archived.add($0) } == 0)
        #expect(await archived.records.map(\.result) == [#"{"r":1}"#])
        try await Task.sleep(for: .milliseconds(30))
        #expect(try await queue.pruneFinished(queue: name) == 1)
        #expect(try await queue.job(id) == nil)
        #expect(try await queue.enqueue(JobRequest(type: "diag.noop", queue: name, idempotencyKey: "once")).created)
    }
}
