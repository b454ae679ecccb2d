import Foundation
import Logging
import Testing
@testable import Queue

/// The worker service on the in-memory backend: its retry, dead-letter, lease, dependency and cancel logic
/// in milliseconds, without Redis.
@Suite struct InMemoryWorkerTests {
    /// Fails its first `failures` attempts.
    struct Attempts: JobParameters {
        static let jobType = "test.attempts"
        var failures: Int
    }

    /// Sleeps (cancellably) for `milliseconds`.
    struct Sleep: JobParameters {
        static let jobType = "test.sleep"
        var milliseconds: Int
    }

    /// Answers the trace id on its logger.
    struct LoggedTrace: JobParameters {
        static let jobType = "test.logged_trace"
    }

    let name = "memory"
    let backend = InMemoryQueueBackend()
    let registry = JobRegistry()
    let queue: JobQueue

    init() {
        registry.register(Attempts.self) { parameters, context -> [String: Int] in
            if context.attempt <= parameters.failures { throw PermanentlyFlaky(message: "run \(context.attempt)") }
            return ["runs": context.attempt]
        }
        registry.register(Sleep.self) { parameters, _ in try await Task.sleep(for: .milliseconds(parameters.milliseconds)) }
        registry.register(LoggedTrace.self) { _, context in context.logger[metadataKey: "trace_id"].map { "\($0)" } ?? "none" }
        queue = JobQueue(backend: backend, registry: registry)
    }

    struct PermanentlyFlaky: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    func worker(lease: Duration = .seconds(5), grace: Duration = .seconds(5)) -> Worker {
        Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(
                queues: [.init(name)], concurrency: 4, lease: lease, heartbeatInterval: .milliseconds(50),
                maintenanceInterval: .milliseconds(20), pollInterval: .milliseconds(50), shutdownGracePeriod: grace))
    }

    func request(_ payload: some JobParameters, _ configure: (inout JobRequest) -> Void = { _ in }) throws -> JobRequest {
        var request = try JobRequest(payload, queue: name)
        request.backoff = .milliseconds(5)
        configure(&request)
        return request
    }

    func state(_ id: String) async throws -> JobState? { try await queue.job(id)?.state }

    @Test func aTracedJobsLogLinesCarryItsTraceID() async throws {
        let traced = try await queue.enqueue(request(LoggedTrace()) { $0.traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }).id
        let plain = try await queue.enqueue(request(LoggedTrace())).id
        try await whileRunning(worker()) {
            try await expectEventually { try await state(traced) == .succeeded }
            try await expectEventually { try await state(plain) == .succeeded }
        }
        #expect(try await queue.job(traced)?.result == "\"0af7651916cd43dd8448eb211c80319c\"")
        #expect(try await queue.job(plain)?.result == "\"none\"")
    }

    @Test func thrownErrorsAreRetriedUntilTheJobSucceeds() async throws {
        let id = try await queue.enqueue(request(Attempts(failures: 2))).id
        try await whileRunning(worker()) {
            try await expectEventually { try await state(id) == .succeeded }
        }
        let record = try #require(try await queue.job(id))
        #expect(record.attempt == 3)
        #expect(record.errors.map(\.message) == ["run 1", "run 2"])
        #expect(record.result == #"{"runs":3}"#)
    }

    @Test func poisonJobEndsDeadWithEveryAttemptsError() async throws {
        let id = try await queue.enqueue(request(Attempts(failures: 100)) { $0.maxAttempts = 3 }).id
        try await whileRunning(worker()) {
            try await expectEventually { try await state(id) == .dead }
        }
        let record = try #require(try await queue.job(id))
        #expect(record.errors.map(\.attempt) == [1, 2, 3])
        #expect(record.errors.allSatisfy { $0.kind == "error" })
        try await queue.retry(id)
        #expect(try await state(id) == .queued)
    }

    @Test func expiredLeaseOfACrashedWorkerIsReapedAndRedelivered() async throws {
        let id = try await queue.enqueue(request(Attempts(failures: 0))).id
        let crashed = try await queue.reserve(queue: name, worker: "crashed", lease: .milliseconds(30), max: 1).jobs
        #expect(crashed.map(\.id) == [id])
        try await whileRunning(worker()) {
            try await expectEventually { try await state(id) == .succeeded }
        }
        let record = try #require(try await queue.job(id))
        #expect(record.attempt == 2)
        #expect(record.errors.map(\.kind) == ["lease_expired"])
        #expect(try await queue.complete(queue: name, [(id, crashed[0].leaseToken, "{}")]) == [false])
    }

    @Test func childrenRunAfterTheirParentsAndAFailedParentCancelsThem() async throws {
        let parent = try await queue.enqueue(request(Sleep(milliseconds: 20))).id
        let child = try await queue.enqueue(request(Attempts(failures: 0)) { $0.dependsOn = [parent] }).id
        let doomed = try await queue.enqueue(request(Attempts(failures: 100)) { $0.maxAttempts = 1 }).id
        let orphan = try await queue.enqueue(request(Attempts(failures: 0)) { $0.dependsOn = [doomed] }).id
        let failed = try await queue.enqueue(request(Attempts(failures: 0)) { $0.dependsOn = [doomed]; $0.onParentFailure = .fail }).id
        #expect(try await state(child) == .waiting)
        try await whileRunning(worker()) {
            try await expectEventually {
                let child = try await state(child)
                let failed = try await state(failed)
                return child == .succeeded && failed == .dead
            }
        }
        let records = try await [parent, child].asyncMap { try #require(try await queue.job($0)) }
        #expect(records[0].finishedAt! <= records[1].startedAt!)
        #expect(try await state(orphan) == .cancelled)
        #expect(try await queue.job(failed)?.errors.first?.kind == "dependency")
    }

    @Test func cancellingARunningJobReachesItsTask() async throws {
        let id = try await queue.enqueue(request(Sleep(milliseconds: 60_000))).id
        try await whileRunning(worker()) {
            try await expectEventually { try await state(id) == .running }
            #expect(try await queue.cancel(id) == .requested)
            try await expectEventually(timeout: .seconds(20)) { try await state(id) == .cancelled }
        }
        await #expect(throws: QueueError.self) { try await queue.cancel(id) }
    }

    @Test func drainPastTheGracePeriodHandsLeasesBackWithoutSpendingAttempts() async throws {
        let id = try await queue.enqueue(request(Sleep(milliseconds: 60_000))).id
        try await whileRunning(worker(grace: .milliseconds(50))) {
            try await expectEventually { try await state(id) == .running }
        }
        let record = try #require(try await queue.job(id))
        #expect(record.state == .queued)
        #expect(record.attempt == 0)
    }

    @Test func workersReportThemselvesWhileTheyRun() async throws {
        let worker = worker()
        try await whileRunning(worker) {
            try await expectEventually {
                try await WorkerDirectory(backend: backend).live().map(\.identity) == [worker.configuration.identity]
            }
        }
        #expect(try await WorkerDirectory(backend: backend).live().isEmpty)
    }
}
