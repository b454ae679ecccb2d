@testable import Diagnostics
import Foundation
import ServiceLifecycle
import TestSupport
import Testing
@testable import Queue
import Redis
import Logging

/// The worker service in this process, against the real Redis.
@Suite struct WorkerTests {
    struct Flaky: JobParameters {
        static let jobType = "test.flaky"
        var key: String
        var failures: Int
    }

    struct Stubborn: JobParameters {
        static let jobType = "test.stubborn"
        var key: String
    }

    func makeWorker(
        _ fixture: QueueFixture, registry: JobRegistry, concurrency: Int = 4, lease: Duration = .seconds(5),
        grace: Duration = .seconds(5), poll: Duration = .seconds(1)
    ) -> Worker {
        Worker(
            queue: fixture.queue, registry: registry,
            configuration: WorkerConfiguration(
                queues: [.init(fixture.name)], concurrency: concurrency, lease: lease,
                heartbeatInterval: .milliseconds(100), maintenanceInterval: .milliseconds(100), pollInterval: poll,
                shutdownGracePeriod: grace))
    }

    @Test func runsJobsAndRetriesThrownErrorsUntilTheySucceed() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        registry.register(Flaky.self) { parameters, context -> [String: Int] in
            let runs = try await fixture.redis.send("INCR", parameters.key).int ?? 0
            if runs <= parameters.failures { throw DiagnosticJobs.DiagnosticFailure(message: "flaky run \(runs)") }
            return ["runs": runs]
        }
        let key = TestServers.uniqueName()
        let flaky = try await fixture.queue.enqueue(
            JobRequest(type: Flaky.jobType, queue: fixture.name, payload: #"{"key":"\#(key)","failures":2}"#, backoff: .milliseconds(10))).id
        let noops = try await fixture.queue.enqueue((0..<50).map { _ in fixture.request() }).map(\.id)
        try await whileRunning(makeWorker(fixture, registry: registry)) {
            try await expectEventually { try await fixture.state(flaky) == .succeeded }
        }
        let record = try #require(try await fixture.queue.job(flaky))
        #expect(record.attempt == 3)
        #expect(record.errors.map(\.message) == ["flaky run 1", "flaky run 2"])
        #expect(record.result == #"{"runs":3}"#)
        for id in noops { #expect(try await fixture.state(id) == .succeeded) }
    }

    /// A finished attempt wakes its worker, which learns the retry's due time from its next reservation: with
    /// nothing else queued it would otherwise sleep out its poll interval (here a minute), however short the backoff.
    @Test func anIdleWorkersRetryRunsAfterItsBackoffNotItsPollInterval() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        registry.register(Flaky.self) { parameters, context -> [String: Int] in
            let runs = try await fixture.redis.send("INCR", parameters.key).int ?? 0
            if runs <= parameters.failures { throw DiagnosticJobs.DiagnosticFailure(message: "flaky run \(runs)") }
            return ["runs": runs]
        }
        let key = TestServers.uniqueName()
        try await whileRunning(makeWorker(fixture, registry: registry, poll: .seconds(60))) {
            let id = try await fixture.queue.enqueue(
                JobRequest(type: Flaky.jobType, queue: fixture.name, payload: #"{"key":"\#(key)","failures":1}"#, backoff: .milliseconds(10))).id
            try await expectEventually(timeout: .seconds(20)) { try await fixture.state(id) == .succeeded }
            #expect(try await fixture.queue.job(id)?.attempt == 2)
        }
    }

    @Test func poisonJobEndsDeadWithEveryAttemptsError() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        let id = try await fixture.queue.enqueue(
            JobRequest(type: "diag.fail", queue: fixture.name, payload: #"{"message":"poison"}"#, maxAttempts: 3, backoff: .milliseconds(5))).id
        try await whileRunning(makeWorker(fixture, registry: registry)) {
            try await expectEventually { try await fixture.state(id) == .dead }
        }
        let record = try #require(try await fixture.queue.job(id))
        #expect(record.errors.count == 3)
        #expect(record.errors.allSatisfy { $0.message == "poison" && $0.kind == "error" })
        #expect(record.errors.map(\.attempt) == [1, 2, 3])
    }

    @Test func timeoutCancelsTheJobAndCountsAsAFailedAttempt() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        let id = try await fixture.queue.enqueue(JobRequest(
            type: "diag.sleep", queue: fixture.name, payload: #"{"milliseconds":60000}"#, maxAttempts: 1,
            timeout: .milliseconds(200))).id
        let started = ContinuousClock.now
        try await whileRunning(makeWorker(fixture, registry: registry)) {
            try await expectEventually { try await fixture.state(id) == .dead }
        }
        // Well short of the job's 60 s sleep; loose, because the first test phase loads both cores (11 s was seen).
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(try await fixture.queue.job(id)?.errors.first?.kind == "timeout")
    }

    @Test func cancellingARunningJobReachesItsTask() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        let id = try await fixture.queue.enqueue(JobRequest(type: "diag.sleep", queue: fixture.name, payload: #"{"milliseconds":60000}"#)).id
        try await whileRunning(makeWorker(fixture, registry: registry)) {
            try await expectEventually { try await fixture.state(id) == .running }
            #expect(try await fixture.queue.cancel(id) == .requested)
            #expect(try await eventually(timeout: .seconds(20)) { try await fixture.state(id) == .cancelled })
        }
    }

    @Test func gracefulShutdownLetsRunningJobsFinish() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        let id = try await fixture.queue.enqueue(JobRequest(type: "diag.sleep", queue: fixture.name, payload: #"{"milliseconds":400}"#)).id
        try await whileRunning(makeWorker(fixture, registry: registry, grace: .seconds(5))) {
            try await expectEventually { try await fixture.state(id) == .running }
        }
        #expect(try await fixture.state(id) == .succeeded)
    }

    @Test func drainPastTheGracePeriodHandsLeasesBackWithoutSpendingAttempts() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        let id = try await fixture.queue.enqueue(JobRequest(type: "diag.sleep", queue: fixture.name, payload: #"{"milliseconds":60000}"#)).id
        let stopping = ContinuousClock.now
        try await whileRunning(makeWorker(fixture, registry: registry, grace: .milliseconds(200))) {
            try await expectEventually { try await fixture.state(id) == .running }
        }
        #expect(ContinuousClock.now - stopping < .seconds(30))  // well short of the job's 60 s sleep
        let record = try #require(try await fixture.queue.job(id))
        #expect(record.state == .queued)
        #expect(record.attempt == 0)
    }

    @Test func pausedQueueIsLeftAloneUntilResumed() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        try await fixture.queue.pause(queue: fixture.name)
        let id = try await fixture.queue.enqueue(fixture.request()).id
        try await whileRunning(makeWorker(fixture, registry: registry)) {
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await fixture.state(id) == .queued)
            try await fixture.queue.resume(queue: fixture.name)
            try await expectEventually { try await fixture.state(id) == .succeeded }
        }
    }

    @Test func dependentJobsRunInOrder() async throws {
        let fixture = try QueueFixture()
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        let first = try await fixture.queue.enqueue(JobRequest(type: "diag.sleep", queue: fixture.name, payload: #"{"milliseconds":100}"#)).id
        let second = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [first] }).id
        let third = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [second] }).id
        try await whileRunning(makeWorker(fixture, registry: registry)) {
            try await expectEventually { try await fixture.state(third) == .succeeded }
        }
        let records = try await [first, second, third].asyncMap { try #require(try await fixture.queue.job($0)) }
        #expect(records[0].finishedAt! <= records[1].startedAt!)
        #expect(records[1].finishedAt! <= records[2].startedAt!)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
