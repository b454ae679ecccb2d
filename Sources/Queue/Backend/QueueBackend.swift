import Foundation

/// The queue contract: where jobs live and how each of their state changes happens, atomically.
///
/// `JobQueue` (producers, operators) and `Worker` run on top of a backend. Requests reach a backend
/// validated: the backend stores and moves jobs, it does not judge them. `RedisQueueBackend` is the
/// durable one (every change one Lua script); `InMemoryQueueBackend` keeps the same contract in
/// process for fast tests of the worker and flow logic. Times are the backend's clock.
/// Both backends live in this module, so the values they answer with are made only here.
///
/// Contract highlights every backend keeps:
/// - ready jobs are handed out by priority (0 first), then by the time they became ready;
/// - a reserved job holds a lease proved by a token; an expired lease goes back to the queue (or the dead
///   set when no attempts are left) when reaped, and the old token is refused from then on;
/// - an idempotency key maps to one job per queue while that job exists; a repeat with the same type and
///   payload returns it, a different one is refused before anything of the batch is written;
/// - a child waits until every parent succeeded; a parent that ended otherwise cancels or fails it.
public protocol QueueBackend: Sendable {
    /// Retention and archiving of finished jobs.
    var configuration: QueueConfiguration { get }

    // MARK: Submitting

    /// Writes validated jobs of one queue atomically; returns per job `created`, or the existing job
    /// for a repeated idempotency key. Throws `QueueError(.staleFence)` or `.idempotencyConflict`, writing nothing.
    func enqueue(_ requests: [JobRequest], queue: String) async throws -> [EnqueueResult]
    /// Raises the queue's fence `name` to `token`; throws `QueueError(.staleFence)` for an older token.
    func advanceFence(name: String, token: UInt64, queue: String) async throws

    // MARK: Dependencies

    /// Links `child` to `parent` (in `parentQueue`) so the parent's outbox names it when the parent ends.
    func attach(child: JobReference, toParent parent: String, parentQueue: String) async throws -> AttachResult
    /// Tells a waiting child how one parent stands; idempotent (a child no longer waiting ignores it).
    func resolve(child: String, queue: String, parent: String, outcome: ParentOutcome) async throws
    /// Up to `max` finished parents of the queue whose children have not heard yet, oldest first.
    func finishedParents(queue: String, max: Int) async throws -> [FinishedParent]
    /// Takes parents whose children have heard out of the outbox.
    func acknowledgeFinishedParents(_ ids: [String], queue: String) async throws
    /// Up to `max` children waiting since before `cutoff`, with the parents they still wait for.
    func waitingChildren(queue: String, waitingSince cutoff: Date, max: Int) async throws -> [WaitingChild]

    // MARK: Working

    /// Leases up to `max` ready jobs, honouring the queue's pause flag, concurrency and rate limits.
    func reserve(queue: String, worker: String, lease: Duration, max: Int) async throws -> JobQueue.Reservation
    /// Extends leases; per lease, whether it is still ours and whether cancellation was asked.
    func heartbeat(_ leases: [JobLease], queue: String, lease: Duration) async throws -> [JobQueue.LeaseStatus]
    /// Marks leased jobs succeeded; false where the lease was lost.
    func complete(_ jobs: [JobCompletion], queue: String) async throws -> [Bool]
    /// Records failed attempts; per job the new state, or `nil` where the lease was lost.
    func fail(_ jobs: [JobFailure], queue: String) async throws -> [JobState?]
    /// Hands leases back without spending an attempt.
    func release(_ leases: [JobLease], queue: String) async throws
    /// Records progress of a leased job; false when the lease is not ours.
    func progress(_ lease: JobLease, queue: String, percent: Int, message: String) async throws -> Bool
    /// Returns up to `max` expired leases to the queue (or the dead set); returns how many expired.
    func reapExpiredLeases(queue: String, max: Int) async throws -> Int
    /// Deletes up to `max` finished jobs past their retention; returns how many.
    func pruneFinished(queue: String, max: Int) async throws -> Int
    /// A listener for the queue's wake-ups (new ready jobs), for an idle worker.
    func makeWakeupListener(queue: String) -> any QueueWakeupListener

    // MARK: Reading

    /// Every queue that has had a job.
    func queues() async throws -> [String]
    /// Which queue holds job `id`, if any.
    func locate(_ id: String) async throws -> String?
    /// The job, or `nil` when the queue does not hold it.
    func job(_ id: String, queue: String) async throws -> JobRecord?
    /// Counts per state and the pause flag.
    func stats(queue: String) async throws -> QueueStats
    /// Jobs in `state`, oldest first (newest first for finished states).
    func list(queue: String, state: JobState, offset: Int, limit: Int) async throws -> [JobRecord]
    /// The ids of up to `max` dead jobs, oldest first.
    func deadJobIDs(queue: String, max: Int) async throws -> [String]
    /// The limits set on the queue.
    func limits(queue: String) async throws -> QueueLimits

    // MARK: Operating

    /// Cancels a job that has not started, or asks the worker of a running one to stop it.
    func cancel(_ id: String, queue: String) async throws -> CancelResult
    /// Queues a dead or cancelled job again with fresh attempts (its history kept).
    func retry(_ id: String, queue: String) async throws -> RetryResult
    /// Deletes a job in any state; false when there was none.
    func delete(_ id: String, queue: String) async throws -> Bool
    /// Pauses or resumes handing out the queue's jobs (resuming wakes idle workers).
    func setPaused(_ paused: Bool, queue: String) async throws
    /// Replaces the queue's limits; `nil` fields remove a limit.
    func setLimits(_ limits: QueueLimits, queue: String) async throws

    // MARK: Archive

    /// Up to `max` ids of finished jobs listed for archiving, oldest first.
    func archiveList(queue: String, max: Int) async throws -> [String]
    /// Removes the first `count` ids of the archive list (those just archived).
    func trimArchiveList(queue: String, count: Int) async throws
    /// Takes the queue's archive lock for `owner` unless someone else holds it; it expires after `duration`.
    func acquireArchiveLock(queue: String, owner: String, for duration: Duration) async throws -> Bool
    /// Gives the archive lock back if `owner` still holds it.
    func releaseArchiveLock(queue: String, owner: String) async throws

    // MARK: Workers

    /// Records a worker's report; it is forgotten after `lifetime` without a new one.
    func reportWorker(_ report: WorkerDirectory.Entry, lifetime: Duration) async throws
    /// Forgets a worker (it stopped).
    func removeWorker(_ identity: String) async throws
    /// The workers whose report has not expired, newest beat first.
    func liveWorkers() async throws -> [WorkerDirectory.Entry]
}
