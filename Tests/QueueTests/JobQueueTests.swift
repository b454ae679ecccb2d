import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Queue
import Redis

@Suite struct JobQueueTests {
    @Test(arguments: RedisDeployment.allCases) func jobRunsFromQueuedToSucceededWithItsResult(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request(payload: #"{"a":1}"#)).id
        #expect(try await fixture.state(id) == .queued)
        let jobs = try await fixture.reserve()
        #expect(jobs.map(\.id) == [id])
        #expect(jobs[0].attempt == 1)
        #expect(jobs[0].payload == #"{"a":1}"#)
        #expect(try await fixture.state(id) == .running)
        #expect(try await fixture.queue.complete(queue: fixture.name, [(id, jobs[0].leaseToken, #"{"ok":true}"#)]) == [true])
        let record = try #require(try await fixture.queue.job(id))
        #expect(record.state == .succeeded)
        #expect(record.result == #"{"ok":true}"#)
        #expect(record.finishedAt != nil)
        #expect(try await fixture.reserve().isEmpty)
    }

    @Test(arguments: RedisDeployment.allCases) func higherPriorityFirstThenFirstInFirstOut(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let low = try await fixture.queue.enqueue(fixture.request { $0.priority = 5 }).id
        let first = try await fixture.queue.enqueue(fixture.request()).id
        let second = try await fixture.queue.enqueue(fixture.request()).id
        let order = try await fixture.reserve(max: 3).map(\.id)
        #expect(order == [first, second, low])
    }

    @Test(arguments: RedisDeployment.allCases) func delayedJobWaitsUntilDue(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let runAt = Date().addingTimeInterval(60)
        let later = try await fixture.queue.enqueue(fixture.request { $0.runAt = runAt }).id
        #expect(try await fixture.state(later) == .scheduled)
        let early = try await fixture.queue.reserve(queue: fixture.name, worker: "w", lease: .seconds(5), max: 5)
        #expect(early.jobs.isEmpty)
        #expect(early.nextCheck.map { abs($0.timeIntervalSince(runAt)) < 0.01 } == true)
        let soon = try await fixture.queue.enqueue(fixture.request { $0.runAt = Date().addingTimeInterval(0.2) }).id
        var reserved: [String] = []
        try await expectEventually { reserved += try await fixture.reserve().map(\.id); return !reserved.isEmpty }
        #expect(reserved == [soon])
    }

    @Test(arguments: RedisDeployment.allCases) func failedAttemptsRetryWithBackoffThenEndDeadWithEveryError(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request {
            $0.maxAttempts = 2
            $0.backoff = .milliseconds(400)
        }).id
        var job = try #require(try await fixture.reserve().first)
        let firstError = AttemptError(attempt: 1, at: 0, kind: "error", message: "boom 1")
        let failedAt = Date()
        #expect(try await fixture.queue.fail(queue: fixture.name, [(id, job.leaseToken, firstError, .retry)]) == [.retrying])
        let retrying = try #require(try await fixture.queue.job(id))
        #expect(retrying.state == .retrying)
        // First retry after the base backoff, ±25 % jitter.
        let delay = try #require(retrying.runAt).timeIntervalSince(failedAt)
        #expect(delay > 0.29 && delay < 0.51, "backoff was \(delay) s")
        try await Task.sleep(for: .milliseconds(Int64(delay * 1000) + 30))
        job = try #require(try await fixture.reserve().first)
        #expect(job.attempt == 2)
        let secondError = AttemptError(attempt: 2, at: 0, kind: "error", message: "boom 2")
        #expect(try await fixture.queue.fail(queue: fixture.name, [(id, job.leaseToken, secondError, .retry)]) == [.dead])
        let record = try #require(try await fixture.queue.job(id))
        #expect(record.state == .dead)
        #expect(record.errors.map(\.message) == ["boom 1", "boom 2"])
        #expect(try await fixture.queue.stats(queue: fixture.name).counts[.dead] == 1)
    }

    @Test(arguments: RedisDeployment.allCases) func permanentFailureSkipsRemainingAttempts(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request()).id
        let job = try #require(try await fixture.reserve().first)
        let error = AttemptError(attempt: 1, at: 0, kind: "invalid_payload", message: "bad")
        #expect(try await fixture.queue.fail(queue: fixture.name, [(id, job.leaseToken, error, .dead)]) == [.dead])
    }

    @Test(arguments: RedisDeployment.allCases) func idempotencyKeyReturnsTheExistingJobAndRefusesADifferentPayload(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let first = try await fixture.queue.enqueue(fixture.request(payload: #"{"n":1}"#) { $0.idempotencyKey = "k1" })
        let again = try await fixture.queue.enqueue(fixture.request(payload: #"{"n":1}"#) { $0.idempotencyKey = "k1" })
        #expect(first.created)
        #expect(!again.created)
        #expect(again.id == first.id)
        await #expect(throws: QueueError.self) {
            try await fixture.queue.enqueue(fixture.request(payload: #"{"n":2}"#) { $0.idempotencyKey = "k1" })
        }
        // A batch with one conflict writes nothing at all.
        let fresh = fixture.request { $0.idempotencyKey = "k2" }
        let conflicting = fixture.request(payload: #"{"n":3}"#) { $0.idempotencyKey = "k1" }
        do {
            _ = try await fixture.queue.enqueue([fresh, conflicting])
            Issue.record("the batch must be refused")
        } catch let error as QueueError {
            #expect(error.code == .idempotencyConflict)
            #expect(error.jobID == first.id)
        }
        #expect(try await fixture.queue.job(fresh.id) == nil)
        #expect(try await fixture.queue.stats(queue: fixture.name).counts[.queued] == 1)
    }

    @Test(arguments: RedisDeployment.allCases) func staleFencingTokenIsRefused(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        try await fixture.queue.enqueue(fixture.request { $0.fence = .init(name: "scheduler", token: 7) })
        try await fixture.queue.enqueue(fixture.request { $0.fence = .init(name: "scheduler", token: 7) })
        do {
            try await fixture.queue.enqueue(fixture.request { $0.fence = .init(name: "scheduler", token: 6) })
            Issue.record("a stale token must be refused")
        } catch let error as QueueError {
            #expect(error.code == .staleFence)
        }
        #expect(try await fixture.queue.stats(queue: fixture.name).counts[.queued] == 2)
    }

    @Test(arguments: RedisDeployment.allCases) func expiredLeaseIsRedeliveredAndTheOldLeaseCannotAck(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request()).id
        let stale = try #require(try await fixture.reserve(lease: .milliseconds(50), worker: "crashed").first)
        try await Task.sleep(for: .milliseconds(80))
        #expect(try await fixture.queue.reapExpiredLeases(queue: fixture.name) == 1)
        let record = try #require(try await fixture.queue.job(id))
        #expect(record.state == .queued)
        #expect(record.errors.first?.kind == "lease_expired")
        let fresh = try #require(try await fixture.reserve(worker: "healthy").first)
        #expect(fresh.attempt == 2)
        #expect(try await fixture.queue.complete(queue: fixture.name, [(id, stale.leaseToken, "{}")]) == [false])
        #expect(try await fixture.queue.heartbeat(queue: fixture.name, leases: [(id, stale.leaseToken)], lease: .seconds(1)) == [.lost])
        #expect(try await fixture.queue.complete(queue: fixture.name, [(id, fresh.leaseToken, "{}")]) == [true])
    }

    @Test(arguments: RedisDeployment.allCases) func leaseExpiryOnTheLastAttemptEndsDead(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request { $0.maxAttempts = 1 }).id
        _ = try await fixture.reserve(lease: .milliseconds(20))
        try await Task.sleep(for: .milliseconds(50))
        try await fixture.queue.reapExpiredLeases(queue: fixture.name)
        #expect(try await fixture.state(id) == .dead)
    }

    @Test(arguments: RedisDeployment.allCases) func heartbeatsExtendLeasesAndCarryCancelRequests(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request()).id
        let job = try #require(try await fixture.reserve(lease: .milliseconds(100)).first)
        #expect(try await fixture.queue.heartbeat(queue: fixture.name, leases: [(id, job.leaseToken)], lease: .seconds(10)) == [.extended])
        try await Task.sleep(for: .milliseconds(150))
        #expect(try await fixture.queue.reapExpiredLeases(queue: fixture.name) == 0)
        #expect(try await fixture.queue.cancel(id) == .requested)
        #expect(try await fixture.queue.heartbeat(queue: fixture.name, leases: [(id, job.leaseToken)], lease: .seconds(10)) == [.cancelRequested])
        let error = AttemptError(attempt: 1, at: 0, kind: "cancelled", message: "cancelled by request")
        #expect(try await fixture.queue.fail(queue: fixture.name, [(id, job.leaseToken, error, .cancelled)]) == [.cancelled])
    }

    @Test(arguments: RedisDeployment.allCases) func cancellingAJobThatHasNotStartedEndsItAtOnce(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let queued = try await fixture.queue.enqueue(fixture.request()).id
        let scheduled = try await fixture.queue.enqueue(fixture.request { $0.runAt = Date().addingTimeInterval(60) }).id
        #expect(try await fixture.queue.cancel(queued) == .cancelled)
        #expect(try await fixture.queue.cancel(scheduled) == .cancelled)
        #expect(try await fixture.state(queued) == .cancelled)
        #expect(try await fixture.reserve().isEmpty)
        await #expect(throws: QueueError.self) { try await fixture.queue.cancel(queued) }
        await #expect(throws: QueueError.self) { try await fixture.queue.cancel(JobID.generate()) }
    }

    @Test(arguments: RedisDeployment.allCases) func childWaitsForAllParentsThenRuns(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let other = try QueueFixture(on: deployment)
        let parentA = try await fixture.queue.enqueue(fixture.request()).id
        let parentB = try await other.queue.enqueue(other.request()).id  // another queue
        let child = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [parentA, parentB]; $0.priority = 9 }).id
        #expect(try await fixture.state(child) == .waiting)
        let a = try #require(try await fixture.reserve().first)
        #expect(a.id == parentA)  // the child is not ready
        _ = try await fixture.queue.complete(queue: fixture.name, [(parentA, a.leaseToken, "{}")])
        try await fixture.queue.dispatchDependencies(queue: fixture.name)
        #expect(try await fixture.state(child) == .waiting)
        let b = try #require(try await other.reserve().first)
        _ = try await other.queue.complete(queue: other.name, [(parentB, b.leaseToken, "{}")])
        try await other.queue.dispatchDependencies(queue: other.name)
        #expect(try await fixture.state(child) == .queued)
        #expect(try await fixture.reserve().map(\.id) == [child])
    }

    @Test(arguments: RedisDeployment.allCases) func childOfAFinishedParentIsResolvedAtSubmit(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let parent = try await fixture.queue.enqueue(fixture.request()).id
        let job = try #require(try await fixture.reserve().first)
        _ = try await fixture.queue.complete(queue: fixture.name, [(parent, job.leaseToken, "{}")])
        let child = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [parent] }).id
        #expect(try await fixture.state(child) == .queued)
        let orphan = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [JobID.generate()] }).id
        #expect(try await fixture.state(orphan) == .cancelled)
    }

    @Test(arguments: RedisDeployment.allCases) func deadParentCancelsOrFailsItsChildrenByPolicy(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let parent = try await fixture.queue.enqueue(fixture.request { $0.maxAttempts = 1 }).id
        let cancelled = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [parent] }).id
        let failed = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [parent]; $0.onParentFailure = .fail }).id
        let grandchild = try await fixture.queue.enqueue(fixture.request { $0.dependsOn = [failed] }).id
        let job = try #require(try await fixture.reserve().first)
        _ = try await fixture.queue.fail(queue: fixture.name, [(parent, job.leaseToken, AttemptError(attempt: 1, at: 0, kind: "error", message: "x"), .retry)])
        while try await fixture.queue.dispatchDependencies(queue: fixture.name) > 0 {}
        #expect(try await fixture.state(cancelled) == .cancelled)
        #expect(try await fixture.state(failed) == .dead)
        #expect(try await fixture.queue.job(failed)?.errors.first?.kind == "dependency")
        #expect(try await fixture.state(grandchild) == .cancelled)
    }

    @Test(arguments: RedisDeployment.allCases) func pausedQueueHandsOutNothingUntilResumed(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        try await fixture.queue.enqueue(fixture.request())
        try await fixture.queue.pause(queue: fixture.name)
        #expect(try await fixture.queue.reserve(queue: fixture.name, worker: "w", lease: .seconds(5), max: 5).paused)
        #expect(try await fixture.queue.stats(queue: fixture.name).paused)
        try await fixture.queue.resume(queue: fixture.name)
        #expect(try await fixture.reserve().count == 1)
    }

    @Test(arguments: RedisDeployment.allCases) func concurrencyLimitIsSharedByAllWorkers(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        try await fixture.queue.setLimits(queue: fixture.name, concurrency: 2, rate: nil)
        _ = try await fixture.queue.enqueue((0..<5).map { _ in fixture.request() })
        #expect(try await fixture.reserve(max: 5, worker: "a").count == 2)
        #expect(try await fixture.reserve(max: 5, worker: "b").isEmpty)
    }

    @Test(arguments: RedisDeployment.allCases) func rateLimitSpacesStartsAndSaysWhenToLookAgain(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        // 3 per minute: the bucket cannot refill a whole token while the test runs, however slow the machine.
        try await fixture.queue.setLimits(queue: fixture.name, concurrency: nil, rate: 3, per: .seconds(60))
        _ = try await fixture.queue.enqueue((0..<6).map { _ in fixture.request() })
        #expect(try await fixture.reserve(max: 6).count == 3)
        let limited = try await fixture.queue.reserve(queue: fixture.name, worker: "w", lease: .seconds(5), max: 6)
        #expect(limited.jobs.isEmpty)
        let wait = try #require(limited.nextCheck).timeIntervalSinceNow
        #expect(wait > 0 && wait <= 20.1, "the next token is due within 20 s, said \(wait)")
    }

    @Test(arguments: RedisDeployment.allCases) func rateLimitBucketRefillsButNeverAboveItsSize(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        try await fixture.queue.setLimits(queue: fixture.name, concurrency: nil, rate: 2, per: .milliseconds(200))
        _ = try await fixture.queue.enqueue((0..<10).map { _ in fixture.request() })
        #expect(try await fixture.reserve(max: 10).count == 2)
        try await Task.sleep(for: .milliseconds(600))  // three periods: still only a bucket of two
        #expect(try await fixture.reserve(max: 10).count == 2)
    }

    @Test(arguments: RedisDeployment.allCases) func deadJobsCanBeRetriedDeletedOrPurged(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        var ids: [String] = []
        for _ in 0..<3 {
            let id = try await fixture.queue.enqueue(fixture.request { $0.maxAttempts = 1 }).id
            let job = try #require(try await fixture.reserve().first)
            _ = try await fixture.queue.fail(queue: fixture.name, [(id, job.leaseToken, AttemptError(attempt: 1, at: 0, kind: "error", message: "x"), .retry)])
            ids.append(id)
        }
        try await fixture.queue.retry(ids[0])
        #expect(try await fixture.state(ids[0]) == .queued)
        #expect(try await fixture.queue.job(ids[0])?.errors.count == 1)  // history kept
        await #expect(throws: QueueError.self) { try await fixture.queue.retry(ids[0]) }
        #expect(try await fixture.queue.delete(ids[1]))
        #expect(try await fixture.queue.job(ids[1]) == nil)
        #expect(try await fixture.queue.purgeDead(queue: fixture.name) == 1)
        #expect(try await fixture.queue.stats(queue: fixture.name).counts[.dead] == 0)
    }

    @Test(arguments: RedisDeployment.allCases) func finishedJobsArePrunedAfterTheirRetention(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment, configuration: .init(finishedRetention: .milliseconds(10)))
        let id = try await fixture.queue.enqueue(fixture.request { $0.idempotencyKey = "once" }).id
        let job = try #require(try await fixture.reserve().first)
        _ = try await fixture.queue.complete(queue: fixture.name, [(id, job.leaseToken, "{}")])
        try await Task.sleep(for: .milliseconds(30))
        #expect(try await fixture.queue.pruneFinished(queue: fixture.name) == 1)
        #expect(try await fixture.queue.job(id) == nil)
        #expect(try await fixture.queue.enqueue(fixture.request { $0.idempotencyKey = "once" }).created)
    }

    @Test(arguments: RedisDeployment.allCases) func finishedJobsReachTheArchiveHookOnce(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment, configuration: .init(archiveFinishedJobs: true))
        let id = try await fixture.queue.enqueue(fixture.request()).id
        let job = try #require(try await fixture.reserve().first)
        _ = try await fixture.queue.complete(queue: fixture.name, [(id, job.leaseToken, #"{"r":1}"#)])
        let archived = ArchivedRecords()
        #expect(try await fixture.queue.drainArchive(queue: fixture.name) { await archived.add($0) } == 1)
        #expect(try await fixture.queue.drainArchive(queue: fixture.name) { await archived.add($0) } == 0)
        #expect(await archived.records.map(\.id) == [id])
        #expect(await archived.records.first?.result == #"{"r":1}"#)
    }

    @Test(arguments: RedisDeployment.allCases) func releasedLeaseDoesNotSpendAnAttempt(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request()).id
        let job = try #require(try await fixture.reserve().first)
        try await fixture.queue.release(queue: fixture.name, leases: [(id, job.leaseToken)])
        #expect(try await fixture.reserve().first?.attempt == 1)
    }

    @Test(arguments: RedisDeployment.allCases) func progressIsRecordedForTheLeaseHolderOnly(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let id = try await fixture.queue.enqueue(fixture.request()).id
        let job = try #require(try await fixture.reserve().first)
        #expect(try await fixture.queue.progress(queue: fixture.name, id: id, token: job.leaseToken, percent: 40, message: "halfway-ish"))
        #expect(try await !fixture.queue.progress(queue: fixture.name, id: id, token: "stale", percent: 90, message: "no"))
        let record = try #require(try await fixture.queue.job(id))
        #expect(record.progress == 40)
        #expect(record.progressMessage == "halfway-ish")
    }

    @Test(arguments: RedisDeployment.allCases) func badRequestsAreRefusedBeforeAnythingIsWritten(_ deployment: RedisDeployment) async throws {
        let registry = JobRegistry()
        registry.declare(DiagnosticJobs.Sleep.self)
        let fixture = try QueueFixture(on: deployment, registry: registry)
        let bad: [JobRequest] = [
            fixture.request("diag.sleep", payload: #"{"milliseconds": 5}"#) { $0.queue = "Bad Queue!" },
            fixture.request("Not A Type", payload: "{}"),
            fixture.request("diag.sleep", payload: "{not json"),
            fixture.request("diag.sleep", payload: #"{"milliseconds": "soon"}"#),
            fixture.request("diag.sleep", payload: #"{"milliseconds": -1}"#),
            fixture.request("diag.unknown", payload: "{}"),
            fixture.request("diag.sleep", payload: #"{"milliseconds": 5}"#) { $0.priority = 42 },
            fixture.request("diag.sleep", payload: #"{"milliseconds": 5}"#) { $0.dependsOn = ["'; DROP TABLE jobs; --"] },
            fixture.request("diag.sleep", payload: #"{"milliseconds": 5}"#) { $0.idempotencyKey = "line\nbreak" },
        ]
        for request in bad {
            do {
                try await fixture.queue.enqueue(request)
                Issue.record("accepted \(request)")
            } catch let error as QueueError {
                #expect(error.code == .invalidRequest)
                #expect(!error.message.isEmpty)
            }
        }
        #expect(try await fixture.queue.stats(queue: fixture.name).pending == 0)
    }
}

actor ArchivedRecords {
    var records: [JobRecord] = []
    func add(_ more: [JobRecord]) { records += more }
}

@Suite struct FenceTests {
    @Test(arguments: RedisDeployment.allCases) func advancingTheFenceRefusesOlderTokensBeforeTheNewHolderEnqueues(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        try await fixture.queue.enqueue(fixture.request { $0.fence = .init(name: "scheduler", token: 3) })
        try await fixture.queue.advanceFence(name: "scheduler", token: 4, queue: fixture.name)
        do {
            try await fixture.queue.enqueue(fixture.request { $0.fence = .init(name: "scheduler", token: 3) })
            Issue.record("token 3 must be refused after the fence moved to 4")
        } catch let error as QueueError {
            #expect(error.code == .staleFence)
        }
        await #expect(throws: QueueError.self) { try await fixture.queue.advanceFence(name: "scheduler", token: 2, queue: fixture.name) }
    }

    /// Ready jobs once waited in one sorted set, `queued`; a queue written so (or by a worker of that version during a
    /// rolling deploy) loses none, and a job that version cancelled (out of the sorted set only) never runs.
    @Test(arguments: RedisDeployment.allCases) func readyJobsOfTheSortedSetLayoutRunInOrderAndOnesCancelledThereNever(
        _ deployment: RedisDeployment
    ) async throws {
        // That version kept every job in a hash.
        let fixture = try QueueFixture(on: deployment, configuration: QueueConfiguration(jobHashLayout: .spec))
        let keys = RedisQueueKeys(queue: fixture.name)
        let cancelled = try await fixture.queue.enqueue(fixture.request()).id
        let low = try await fixture.queue.enqueue(fixture.request { $0.priority = 5 }).id
        let first = try await fixture.queue.enqueue(fixture.request()).id
        let second = try await fixture.queue.enqueue(fixture.request()).id
        // The older layout: the three in the sorted set by priority × 10¹³ + ready time, the cancelled one left in
        // its list by a cancel that took it out of the sorted set only.
        try await fixture.redis.send("DEL", keys.ready(priority: 0), keys.ready(priority: 5))
        try await fixture.redis.send("ZADD", keys.jobs(in: .queued), "50000000000001", low, "2", first, "3", second)
        try await fixture.redis.send("RPUSH", keys.ready(priority: 0), cancelled)
        try await fixture.redis.send("HSET", keys.job(cancelled), "state", "cancelled")

        #expect(try await fixture.queue.list(queue: fixture.name, state: .queued).map(\.id) == [first, second, low])
        #expect(try await fixture.reserve(max: 10).map(\.id) == [first, second, low])
        #expect(try await fixture.state(cancelled) == .cancelled)
        #expect(try await fixture.queue.stats(queue: fixture.name).counts[.queued] == 0)
        #expect(try await fixture.redis.send("EXISTS", keys.jobs(in: .queued)).int == 0)
    }
}

@Suite struct WaitingSweepTests {
    @Test(arguments: RedisDeployment.allCases) func childOrphanedBetweenEnqueueAndAttachIsRelinkedBySweep(_ deployment: RedisDeployment) async throws {
        let fixture = try QueueFixture(on: deployment)
        let parentQueue = try QueueFixture(on: deployment)
        let parent = try await parentQueue.queue.enqueue(parentQueue.request()).id
        // A producer that died after writing the child but before attaching it: write the child only.
        var child = fixture.request { $0.dependsOn = [parent] }
        child.id = JobID.generate()
        _ = try await fixture.queue.backend.enqueue([child], queue: fixture.name)
        #expect(try await fixture.state(child.id) == .waiting)
        #expect(try await fixture.queue.reattachWaiting(queue: fixture.name, olderThan: .zero) == 1)
        let job = try #require(try await parentQueue.reserve().first)
        _ = try await parentQueue.queue.complete(queue: parentQueue.name, [(parent, job.leaseToken, "{}")])
        try await parentQueue.queue.dispatchDependencies(queue: parentQueue.name)
        #expect(try await fixture.state(child.id) == .queued)
    }
}
