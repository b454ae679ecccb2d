import Essentials
import Foundation

/// The queue contract in process memory, for fast tests of the worker, scheduler and flow logic.
///
/// One actor holds every queue, so each operation is atomic as a Lua script is on Redis, and it follows
/// the scripts step by step: the same order (priority, then ready time, then id), leases and tokens,
/// attempts with exponential backoff and jitter, idempotency keys, fences, dependencies through the
/// parent's outbox, limits, retention and the archive list. Nothing survives the process.
public actor InMemoryQueueBackend: QueueBackend {
    public nonisolated let configuration: QueueConfiguration
    private let clock: @Sendable () -> Int64
    private var byName: [String: MemoryQueue] = [:]
    private var workers: [String: (report: WorkerDirectory.Entry, expires: Int64)] = [:]

    /// An empty backend; `clock` (milliseconds since the epoch) lets tests move time themselves.
    public init(configuration: QueueConfiguration = .init(), clock: (@Sendable () -> Int64)? = nil) {
        self.configuration = configuration
        self.clock = clock ?? { JobQueue.nowMilliseconds() }
    }

    private func withQueue<T>(_ name: String, _ body: (inout MemoryQueue) throws -> T) rethrows -> T {
        try body(&byName[name, default: MemoryQueue()])
    }

    // MARK: Submitting

    public func enqueue(_ requests: [JobRequest], queue: String) throws -> [EnqueueResult] {
        let now = clock()
        let fences = Set(requests.map(\.fence))
        guard fences.count <= 1 else {
            throw QueueError(.invalidRequest, "one enqueue call may carry one fencing token", queue: queue)
        }
        return try withQueue(queue) { state in
            if let fence = fences.first ?? nil { try state.advance(fence, queue: queue) }
            return try state.enqueue(requests, now: now, queue: queue)
        }
    }

    public func advanceFence(name: String, token: UInt64, queue: String) throws {
        try withQueue(queue) { try $0.advance(JobRequest.Fence(name: name, token: token), queue: queue) }
    }

    // MARK: Dependencies

    public func attach(child: JobReference, toParent parent: String, parentQueue: String) -> AttachResult {
        withQueue(parentQueue) { state in
            guard var job = state.jobs[parent] else { return .ended(.missing) }
            if job.state.isFinished { return .ended(.state(job.state)) }
            state.children[parent, default: []].insert(child)
            job.hasChildren = true
            state.jobs[parent] = job
            return .attached
        }
    }

    public func resolve(child: String, queue: String, parent: String, outcome: ParentOutcome) {
        let now = clock()
        let archive = configuration.archiveFinishedJobs
        withQueue(queue) { $0.resolve(child: child, parent: parent, outcome: outcome, now: now, archive: archive) }
    }

    public func finishedParents(queue: String, max: Int) -> [FinishedParent] {
        withQueue(queue) { state in
            state.outbox.prefix(max).map { id in
                FinishedParent(
                    id: id, outcome: state.jobs[id].map { .state($0.state) } ?? .missing,
                    children: (state.children[id] ?? []).sorted { ($0.queue, $0.id) < ($1.queue, $1.id) })
            }
        }
    }

    public func acknowledgeFinishedParents(_ ids: [String], queue: String) {
        withQueue(queue) { state in
            for id in ids {
                if let index = state.outbox.firstIndex(of: id) { state.outbox.remove(at: index) }
            }
        }
    }

    public func waitingChildren(queue: String, waitingSince cutoff: Date, max: Int) -> [WaitingChild] {
        let cutoff = Int64((cutoff.timeIntervalSince1970 * 1000).rounded())
        return withQueue(queue) { state in
            state.sets[.waiting].ids(through: Double(cutoff), limit: max).map {
                WaitingChild(id: $0, parents: (state.dependencies[$0] ?? []).sorted())
            }
        }
    }

    // MARK: Working

    public func reserve(queue: String, worker: String, lease: Duration, max: Int) -> JobQueue.Reservation {
        let now = clock()
        return withQueue(queue) { $0.reserve(worker: worker, lease: lease.milliseconds, max: max, now: now, queue: queue) }
    }

    public func heartbeat(_ leases: [JobLease], queue: String, lease: Duration) -> [JobQueue.LeaseStatus] {
        let until = clock() + lease.milliseconds
        return withQueue(queue) { state in
            leases.map { item in
                guard var job = state.leased(item) else { return .lost }
                job.leaseUntil = until
                state.jobs[item.id] = job
                state.sets[.running].update(item.id, score: Double(until))
                return job.cancelRequested ? .cancelRequested : .extended
            }
        }
    }

    public func complete(_ jobs: [JobCompletion], queue: String) -> [Bool] {
        let now = clock()
        let archive = configuration.archiveFinishedJobs
        return withQueue(queue) { state in
            jobs.map { completion in
                guard var job = state.leased(completion.lease) else { return false }
                job.result = completion.result
                job.progress = 100
                state.jobs[job.id] = job
                state.sets[.running].remove(job.id)
                state.finish(job.id, .succeeded, now: now, archive: archive)
                return true
            }
        }
    }

    public func fail(_ jobs: [JobFailure], queue: String) -> [JobState?] {
        let now = clock()
        let archive = configuration.archiveFinishedJobs
        return withQueue(queue) { state in
            jobs.map { failure in
                guard var job = state.leased(failure.lease) else { return nil }
                job.errors.append(failure.error)
                state.jobs[job.id] = job
                state.sets[.running].remove(job.id)
                switch failure.mode {
                case .cancelled:
                    state.finish(job.id, .cancelled, now: now, archive: archive)
                    return .cancelled
                case .retry where job.attempt < job.maxAttempts:
                    let exponential = Double(job.backoff.milliseconds) * pow(2, Double(job.attempt - 1))
                    let delay = Int64((min(Double(job.maximumBackoff.milliseconds), exponential) * (0.75 + 0.5 * Double.random(in: 0..<1))).rounded(.down))
                    job.state = .retrying
                    job.runAt = now + delay
                    job.token = nil
                    job.leaseUntil = nil
                    state.jobs[job.id] = job
                    state.sets[.retrying].update(job.id, score: Double(now + delay))
                    return .retrying
                case .retry, .dead:
                    state.finish(job.id, .dead, now: now, archive: archive)
                    return .dead
                }
            }
        }
    }

    public func release(_ leases: [JobLease], queue: String) {
        let now = clock()
        withQueue(queue) { state in
            var released = 0
            for lease in leases {
                guard var job = state.leased(lease) else { continue }
                job.attempt -= 1
                job.token = nil
                job.leaseUntil = nil
                state.jobs[job.id] = job
                state.sets[.running].remove(job.id)
                state.makeReady(job.id, now: now)
                released += 1
            }
            state.notify(released)
        }
    }

    public func progress(_ lease: JobLease, queue: String, percent: Int, message: String) -> Bool {
        let now = clock()
        return withQueue(queue) { state in
            guard var job = state.leased(lease) else { return false }
            job.progress = percent
            job.progressMessage = message
            job.progressAt = now
            state.jobs[job.id] = job
            return true
        }
    }

    public func reapExpiredLeases(queue: String, max: Int) -> Int {
        let now = clock()
        let archive = configuration.archiveFinishedJobs
        return withQueue(queue) { state in
            let expired = state.sets[.running].ids(through: Double(now), limit: max)
            var requeued = 0
            for id in expired {
                guard var job = state.jobs[id], job.state == .running else { continue }
                job.errors.append(AttemptError(
                    attempt: job.attempt, at: now, kind: "lease_expired",
                    message: "lease expired: worker \(job.worker ?? "nil") stopped heartbeating", worker: job.worker))
                state.jobs[id] = job
                if job.attempt >= job.maxAttempts {
                    state.finish(id, .dead, now: now, archive: archive)
                } else {
                    job.token = nil
                    job.leaseUntil = nil
                    state.jobs[id] = job
                    state.makeReady(id, now: now)
                    requeued += 1
                }
            }
            for id in expired { state.sets[.running].remove(id) }
            state.notify(requeued)
            return expired.count
        }
    }

    public func pruneFinished(queue: String, max: Int) -> Int {
        let now = clock()
        let retention: [(JobState, Int64)] = [
            (.succeeded, configuration.finishedRetention.milliseconds), (.cancelled, configuration.finishedRetention.milliseconds),
            (.dead, configuration.deadRetention.milliseconds),
        ]
        return withQueue(queue) { state in
            var removed = 0
            for (finished, ttl) in retention {
                let ids = state.sets[finished].ids(through: Double(now - ttl), limit: max)
                for id in ids { state.remove(id) }
                removed += ids.count
            }
            return removed
        }
    }

    public nonisolated func makeWakeupListener(queue: String) -> any QueueWakeupListener {
        InMemoryWakeupListener(backend: self, queue: queue)
    }

    /// Takes one wake-up token of the queue, if there is one.
    func takeWakeup(queue: String) -> Bool {
        withQueue(queue) { state in
            guard state.wakeups > 0 else { return false }
            state.wakeups -= 1
            return true
        }
    }

    // MARK: Reading

    public func queues() -> [String] {
        byName.filter(\.value.registered).keys.sorted()
    }

    public func locate(_ id: String) -> String? {
        byName.first { $0.value.jobs[id] != nil }?.key
    }

    public func job(_ id: String, queue: String) -> JobRecord? {
        byName[queue]?.jobs[id]?.record(queue: queue)
    }

    public func stats(queue: String) -> QueueStats {
        let state = byName[queue] ?? MemoryQueue()
        return QueueStats(
            queue: queue, paused: state.paused,
            counts: Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, state.sets[$0].count) }))
    }

    public func list(queue: String, state: JobState, offset: Int, limit: Int) -> [JobRecord] {
        guard let memory = byName[queue] else { return [] }
        let ordered = memory.sets[state].ordered(descending: state.isFinished)
        return ordered.dropFirst(offset).prefix(limit).compactMap { memory.jobs[$0]?.record(queue: queue) }
    }

    public func deadJobIDs(queue: String, max: Int) -> [String] {
        Array((byName[queue]?.sets[.dead].ordered(descending: false) ?? []).prefix(max))
    }

    public func limits(queue: String) -> QueueLimits {
        byName[queue]?.limits ?? QueueLimits()
    }

    // MARK: Operating

    public func cancel(_ id: String, queue: String) -> CancelResult {
        let now = clock()
        let archive = configuration.archiveFinishedJobs
        return withQueue(queue) { state in
            guard var job = state.jobs[id] else { return .missing }
            switch job.state {
            case .running:
                job.cancelRequested = true
                state.jobs[id] = job
                return .requested
            case .queued, .scheduled, .retrying, .waiting:
                state.sets[job.state].remove(id)
                state.dependencies[id] = nil
                state.finish(id, .cancelled, now: now, archive: archive)
                return .cancelled
            case .succeeded, .dead, .cancelled:
                return .finished(job.state)
            }
        }
    }

    public func retry(_ id: String, queue: String) -> RetryResult {
        let now = clock()
        return withQueue(queue) { state in
            guard var job = state.jobs[id] else { return .missing }
            guard job.state == .dead || job.state == .cancelled else { return .notFinished(job.state) }
            state.sets[job.state].remove(id)
            job.attempt = 0
            job.cancelRequested = false
            job.finishedAt = nil
            state.jobs[id] = job
            state.makeReady(id, now: now)
            state.notify(1)
            return .queued
        }
    }

    public func delete(_ id: String, queue: String) -> Bool {
        withQueue(queue) { state in
            guard state.jobs[id] != nil else { return false }
            state.remove(id)
            return true
        }
    }

    public func setPaused(_ paused: Bool, queue: String) {
        withQueue(queue) { state in
            state.paused = paused
            // Resuming pushes one token past the cap, as Redis's plain RPUSH does.
            if !paused { state.wakeups += 1 }
        }
    }

    public func setLimits(_ limits: QueueLimits, queue: String) {
        withQueue(queue) { state in
            state.limits.concurrency = limits.concurrency
            if let rate = limits.rate {
                state.limits.rate = rate
                state.limits.ratePeriod = limits.ratePeriod ?? .seconds(1)
            } else {
                state.limits.rate = nil
                state.limits.ratePeriod = nil
                state.rateTokens = nil
                state.rateAt = nil
            }
        }
    }

    // MARK: Archive

    public func archiveList(queue: String, max: Int) -> [String] {
        Array((byName[queue]?.archive ?? []).prefix(max))
    }

    public func trimArchiveList(queue: String, count: Int) {
        withQueue(queue) { $0.archive.removeFirst(min(count, $0.archive.count)) }
    }

    public func acquireArchiveLock(queue: String, owner: String, for duration: Duration) -> Bool {
        let now = clock()
        return withQueue(queue) { state in
            if let lock = state.archiveLock, lock.expires > now { return false }
            state.archiveLock = (owner, now + duration.milliseconds)
            return true
        }
    }

    public func releaseArchiveLock(queue: String, owner: String) {
        withQueue(queue) { state in
            if let lock = state.archiveLock, lock.owner == owner, lock.expires > clock() { state.archiveLock = nil }
        }
    }

    // MARK: Workers

    public func reportWorker(_ report: WorkerDirectory.Entry, lifetime: Duration) {
        workers[report.identity] = (report, clock() + lifetime.milliseconds)
    }

    public func removeWorker(_ identity: String) {
        workers[identity] = nil
    }

    public func liveWorkers() -> [WorkerDirectory.Entry] {
        let now = clock()
        workers = workers.filter { $0.value.expires > now }
        return workers.values.map(\.report).sorted { $0.lastBeat > $1.lastBeat }
    }
}
