import Essentials
import Foundation
import Redis

/// The durable job queue client: submits, works and repairs jobs on a `QueueBackend`.
///
/// Producers call `enqueue`; workers call `reserve`, `heartbeat`, `complete`, `fail`;
/// operators call `job`, `stats`, `list`, `cancel`, `retry`, `pause`. Delivery is
/// at least once: a job whose lease runs out goes back to its queue.
public final class JobQueue: Sendable {
    /// Where the jobs live: Redis in every deployment, in memory in unit tests.
    public let backend: any QueueBackend
    /// When set, submissions of unknown types or invalid payloads are refused before any write.
    public let registry: JobRegistry?

    /// How finished jobs are kept and archived (the backend's).
    public var configuration: QueueConfiguration { backend.configuration }

    /// A queue client on `backend`.
    public init(backend: any QueueBackend, registry: JobRegistry? = nil) {
        self.backend = backend
        self.registry = registry
    }

    /// A queue client on Redis.
    public convenience init(redis: RedisClient, configuration: QueueConfiguration = .init(), registry: JobRegistry? = nil) {
        self.init(backend: RedisQueueBackend(redis: redis, configuration: configuration), registry: registry)
    }

    static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    // MARK: Submitting

    /// Enqueues one job. With an idempotency key already used for the same payload, returns that job.
    @discardableResult
    public func enqueue(_ request: JobRequest) async throws -> EnqueueResult {
        try await enqueue([request])[0]
    }

    /// Enqueues jobs of one or more queues; each queue's share is written atomically.
    ///
    /// Everything is validated first: a bad request throws its `QueueError` before any job is written.
    public func enqueue(_ requests: [JobRequest]) async throws -> [EnqueueResult] {
        var validated: [ValidatedJobRequest] = []
        validated.reserveCapacity(requests.count)
        for request in requests {
            do {
                validated.append(try ValidatedJobRequest(request, registry: registry))
            } catch {
                throw error.underlying
            }
        }
        return try await enqueue(validated)
    }

    /// Enqueues jobs validated already (see `ValidatedJobRequest`), without checking them again.
    public func enqueue(_ requests: [ValidatedJobRequest]) async throws -> [EnqueueResult] {
        var results = [EnqueueResult?](repeating: nil, count: requests.count)
        let byQueue = Dictionary(grouping: requests.indices, by: { requests[$0].request.queue })
        for (queue, indices) in byQueue.sorted(by: { $0.key < $1.key }) {
            let statuses = try await backend.enqueue(indices.map { requests[$0].request }, queue: queue)
            for (index, status) in zip(indices, statuses) { results[index] = status }
        }
        for index in requests.indices where results[index]!.created && !requests[index].request.dependsOn.isEmpty {
            let child = requests[index].request
            try await attach(JobReference(queue: child.queue, id: child.id), toParents: child.dependsOn)
        }
        return results.map { $0! }
    }

    /// Enqueues one validated job and reads it back from its queue: the new job, or the existing one
    /// for a repeated idempotency key (keys are per queue). The record is `nil` only if the job was
    /// deleted in between.
    public func submit(_ request: ValidatedJobRequest) async throws -> (result: EnqueueResult, record: JobRecord?) {
        let result = try await enqueue([request])[0]
        return (result, try await backend.job(result.id, queue: request.request.queue))
    }

    /// Raises `queue`'s fence `name` to `token`, so enqueues with older tokens are refused
    /// from now on, even before the new holder enqueues anything there.
    ///
    /// A new scheduler leader announces its token on every queue it schedules into.
    public func advanceFence(name: String, token: UInt64, queue: String) async throws {
        try QueueName.validate(queue)
        try await backend.advanceFence(name: name, token: token, queue: queue)
    }

    /// Links a new child to each parent; parents that already ended are reported to the child at once.
    private func attach(_ child: JobReference, toParents parents: [String]) async throws {
        for parent in parents {
            let outcome: ParentOutcome
            if let parentQueue = try await locate(parent) {
                switch try await backend.attach(child: child, toParent: parent, parentQueue: parentQueue) {
                case .attached: continue
                case .ended(let ended): outcome = ended
                }
            } else {
                outcome = .missing
            }
            try await backend.resolve(child: child.id, queue: child.queue, parent: parent, outcome: outcome)
        }
    }

    /// Tells the children of finished parents in `queue` how their parents ended. Returns how many parents were handled.
    ///
    /// Idempotent and safe to run from any number of workers; each finished parent stays in
    /// the outbox until its children have heard, so a crash here only delays them.
    @discardableResult
    public func dispatchDependencies(queue: String, max: Int = 100) async throws -> Int {
        let parents = try await backend.finishedParents(queue: queue, max: max)
        guard !parents.isEmpty else { return 0 }
        for parent in parents {
            for child in parent.children {
                try await backend.resolve(child: child.id, queue: child.queue, parent: parent.id, outcome: parent.outcome)
            }
        }
        try await backend.acknowledgeFinishedParents(parents.map(\.id), queue: queue)
        return parents.count
    }

    /// Re-links children that have waited longer than `olderThan` to their unfinished parents.
    ///
    /// Enqueueing a child and attaching it to parents in other queues are separate steps
    /// (each queue is its own Cluster slot); a producer that crashed between them would
    /// leave the child waiting forever. Attaching is idempotent, so workers sweep now and
    /// then. Returns how many children were looked at.
    @discardableResult
    public func reattachWaiting(queue: String, olderThan: Duration = .seconds(30), max: Int = 100) async throws -> Int {
        let cutoff = Date(timeIntervalSince1970: Double(Self.nowMilliseconds() - olderThan.milliseconds) / 1000)
        let children = try await backend.waitingChildren(queue: queue, waitingSince: cutoff, max: max)
        for child in children {
            try await attach(JobReference(queue: queue, id: child.id), toParents: child.parents)
        }
        return children.count
    }

    // MARK: Working

    /// What `reserve` found.
    public struct Reservation: Sendable {
        public var jobs: [ReservedJob]
        public var paused: Bool
        /// When a scheduled or retrying job (or a rate-limit token) comes due, if known.
        public var nextCheck: Date?

    }

    /// The answer to one heartbeat.
    public enum LeaseStatus: Int, Sendable {
        /// The lease is ours and was extended.
        case extended = 1
        /// Extended, and an operator asked to cancel the job.
        case cancelRequested = 2
        /// The lease is gone (expired and handed out again, or the job was deleted).
        case lost = 0
    }

    /// What should happen after a failed attempt.
    public enum FailureMode: String, Sendable {
        /// Retry after backoff while attempts remain, else dead.
        case retry
        /// Dead now, whatever attempts remain (the error cannot go away by retrying).
        case dead
        /// Cancelled, as an operator asked.
        case cancelled
    }

    /// What `cancel` did.
    public enum CancelOutcome: String, Sendable {
        /// It had not started; it is cancelled now.
        case cancelled
        /// It is running; its worker cancels it at its next heartbeat.
        case requested
    }

    /// Leases up to `max` ready jobs of `queue` to `worker`, highest priority first, honouring
    /// the queue's pause flag, concurrency limit and rate limit.
    public func reserve(queue: String, worker: String, lease: Duration, max: Int) async throws -> Reservation {
        try await backend.reserve(queue: queue, worker: worker, lease: lease, max: max)
    }

    /// Extends the leases of running jobs of `queue`.
    public func heartbeat(queue: String, leases: [(id: String, token: String)], lease: Duration) async throws -> [LeaseStatus] {
        guard !leases.isEmpty else { return [] }
        return try await backend.heartbeat(leases.map { JobLease(id: $0.id, token: $0.token) }, queue: queue, lease: lease)
    }

    /// Marks leased jobs succeeded with their result JSON. Returns false where the lease was lost.
    public func complete(queue: String, _ jobs: [(id: String, token: String, result: String)]) async throws -> [Bool] {
        guard !jobs.isEmpty else { return [] }
        return try await backend.complete(jobs.map { JobCompletion(lease: JobLease(id: $0.id, token: $0.token), result: $0.result) }, queue: queue)
    }

    /// Records failed attempts; returns each job's new state (`retrying`, `dead`, `cancelled`) or `nil` if the lease was lost.
    public func fail(queue: String, _ jobs: [(id: String, token: String, error: AttemptError, mode: FailureMode)]) async throws -> [JobState?] {
        guard !jobs.isEmpty else { return [] }
        return try await backend.fail(
            jobs.map { JobFailure(lease: JobLease(id: $0.id, token: $0.token), error: $0.error, mode: $0.mode) }, queue: queue)
    }

    /// Hands leases back without spending an attempt (a draining worker's unfinished jobs).
    public func release(queue: String, leases: [(id: String, token: String)]) async throws {
        guard !leases.isEmpty else { return }
        try await backend.release(leases.map { JobLease(id: $0.id, token: $0.token) }, queue: queue)
    }

    /// Records progress of a running job. Returns false when the lease is no longer ours.
    @discardableResult
    public func progress(queue: String, id: String, token: String, percent: Int, message: String) async throws -> Bool {
        try await backend.progress(JobLease(id: id, token: token), queue: queue, percent: min(100, max(0, percent)), message: message)
    }

    /// Returns jobs with expired leases to their queue (or the dead set). Returns how many expired.
    @discardableResult
    public func reapExpiredLeases(queue: String, max: Int = 500) async throws -> Int {
        try await backend.reapExpiredLeases(queue: queue, max: max)
    }

    /// Deletes finished jobs older than their retention. Returns how many were deleted.
    @discardableResult
    public func pruneFinished(queue: String, max: Int = 1000) async throws -> Int {
        try await backend.pruneFinished(queue: queue, max: max)
    }

    // MARK: Inspecting and repairing

    /// Every queue that has had a job.
    public func queues() async throws -> [String] {
        try await backend.queues()
    }

    /// Which queue holds job `id`, if any.
    public func locate(_ id: String) async throws -> String? {
        guard JobID.isValid(id) else { return nil }
        return try await backend.locate(id)
    }

    /// The job with this id, or `nil` when there is none (never existed, or pruned).
    public func job(_ id: String) async throws -> JobRecord? {
        guard let queue = try await locate(id) else { return nil }
        return try await backend.job(id, queue: queue)
    }

    /// Counts per state for `queue`.
    public func stats(queue: String) async throws -> QueueStats {
        try await backend.stats(queue: queue)
    }

    /// Jobs of `queue` in `state`, oldest first (newest first for finished states).
    public func list(queue: String, state: JobState, offset: Int = 0, limit: Int = 50) async throws -> [JobRecord] {
        try await backend.list(queue: queue, state: state, offset: offset, limit: limit)
    }

    /// Cancels a job: at once if it has not started, through its worker if it is running.
    public func cancel(_ id: String) async throws -> CancelOutcome {
        guard let queue = try await locate(id) else { throw QueueError(.notFound, "no job \(id)", jobID: id) }
        switch try await backend.cancel(id, queue: queue) {
        case .cancelled: return .cancelled
        case .requested: return .requested
        case .missing: throw QueueError(.notFound, "no job \(id)", jobID: id, queue: queue)
        case .finished(let state): throw QueueError(.invalidState, "job already \(state.rawValue)", jobID: id, queue: queue)
        }
    }

    /// Puts a dead or cancelled job back in its queue with fresh attempts.
    public func retry(_ id: String) async throws {
        guard let queue = try await locate(id) else { throw QueueError(.notFound, "no job \(id)", jobID: id) }
        switch try await backend.retry(id, queue: queue) {
        case .queued: return
        case .missing: throw QueueError(.notFound, "no job \(id)", jobID: id, queue: queue)
        case .notFinished(let state):
            throw QueueError(.invalidState, "only dead or cancelled jobs can be retried; this one is \(state.rawValue)", jobID: id, queue: queue)
        }
    }

    /// Retries every dead job of `queue`. Returns how many.
    public func retryDead(queue: String) async throws -> Int {
        var retried = 0
        while true {
            let ids = try await backend.deadJobIDs(queue: queue, max: 500)
            if ids.isEmpty { return retried }
            for id in ids {
                _ = try await backend.retry(id, queue: queue)
                retried += 1
            }
        }
    }

    /// Deletes a job in any state. Returns false when there was none.
    @discardableResult
    public func delete(_ id: String) async throws -> Bool {
        guard let queue = try await locate(id) else { return false }
        return try await backend.delete(id, queue: queue)
    }

    /// Deletes every dead job of `queue`. Returns how many.
    public func purgeDead(queue: String) async throws -> Int {
        var purged = 0
        while true {
            let ids = try await backend.deadJobIDs(queue: queue, max: 500)
            if ids.isEmpty { return purged }
            for id in ids where try await backend.delete(id, queue: queue) { purged += 1 }
        }
    }

    /// Stops workers from taking jobs of `queue`; running jobs finish.
    public func pause(queue: String) async throws {
        try QueueName.validate(queue)
        try await backend.setPaused(true, queue: queue)
    }

    /// Lets workers take jobs of `queue` again.
    public func resume(queue: String) async throws {
        try QueueName.validate(queue)
        try await backend.setPaused(false, queue: queue)
    }

    /// Sets limits shared by every worker: at most `concurrency` running jobs, at most
    /// `rate` starts per `period` (a token bucket). `nil` removes a limit.
    public func setLimits(queue: String, concurrency: Int?, rate: Int?, per period: Duration = .seconds(1)) async throws {
        try QueueName.validate(queue)
        try await backend.setLimits(QueueLimits(concurrency: concurrency, rate: rate, ratePeriod: rate == nil ? nil : period), queue: queue)
    }

    /// The limits set on `queue` with `setLimits`; reads only, for operators.
    public func limits(queue: String) async throws -> QueueLimits {
        try await backend.limits(queue: queue)
    }

    // MARK: Archive

    /// Takes up to `max` finished jobs of `queue` listed for archiving, hands them to `archive`,
    /// and removes them from the list only when it returns. Returns how many were archived.
    @discardableResult
    public func drainArchive(queue: String, max: Int = 500, into archive: ([JobRecord]) async throws -> Void) async throws -> Int {
        let ids = try await backend.archiveList(queue: queue, max: max)
        guard !ids.isEmpty else { return 0 }
        var records: [JobRecord] = []
        for id in ids {
            if let record = try await backend.job(id, queue: queue) { records.append(record) }
        }
        try await archive(records)
        try await backend.trimArchiveList(queue: queue, count: ids.count)
        return ids.count
    }
}
