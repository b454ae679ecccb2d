import Essentials
import Foundation
import Redis
import Synchronization

/// The durable queue backend: every job state change is one Lua script on Redis (see `QueueScripts`),
/// keys laid out by `RedisQueueKeys`.
public final class RedisQueueBackend: QueueBackend {
    public let redis: RedisClient
    public let configuration: QueueConfiguration
    /// Queues this process has added to the registry already, so enqueues skip the `SADD`.
    private let registeredQueues = Mutex<Set<String>>([])

    /// The most jobs one `enqueue` script call writes (its reply and argument list grow with it).
    static let enqueueChunk = 1000

    public init(redis: RedisClient, configuration: QueueConfiguration = .init()) {
        self.redis = redis
        self.configuration = configuration
    }

    private var now: Int64 { JobQueue.nowMilliseconds() }

    /// Runs `script` on `queue`'s keys. A script refused because the queue is moving (`moveQueue`) did not run, so
    /// it is sent again until `configuration.moveWait` has passed: the cluster client's own retries stop at one
    /// command timeout, which a move on a loaded cluster can outlast.
    private func run<Arguments, Reply>(
        _ script: QueueScript<Arguments, Reply>, _ queue: String, _ arguments: Arguments
    ) async throws -> Reply {
        let deadline = ContinuousClock.now + configuration.moveWait
        while true {
            do {
                return try await script.run(on: redis, RedisQueueKeys(queue: queue), arguments)
            } catch let error as RedisError where error.message.hasPrefix(QueueScripts.movingRefusal) && .now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    // MARK: Submitting

    public func enqueue(_ requests: [JobRequest], queue: String) async throws -> [EnqueueResult] {
        try await register(queue)
        var results: [EnqueueResult] = []
        results.reserveCapacity(requests.count)
        for start in stride(from: 0, to: requests.count, by: Self.enqueueChunk) {
            let chunk = requests[start..<min(start + Self.enqueueChunk, requests.count)]
            results += try await enqueueChunk(Array(chunk), queue: queue)
        }
        return results
    }

    private func enqueueChunk(_ requests: [JobRequest], queue: String) async throws -> [EnqueueResult] {
        let now = self.now
        let fences = Set(requests.map(\.fence))
        guard fences.count == 1, let fence = fences.first else {
            throw QueueError(.invalidRequest, "one enqueue call may carry one fencing token", queue: queue)
        }
        let reply: EnqueueReply
        do {
            reply = try await run(
                QueueScripts.enqueue, queue, EnqueueArguments(
                    now: now, fence: fence, jobs: requests.map { JobDefinition($0, now: now) }, layout: configuration.jobHashLayout))
        } catch let error as RedisError {
            throw Self.enqueueFailure(error, requests: requests, queue: queue)
        }
        return requests.enumerated().map { index, request in
            if let existing = reply.existing[index] { return EnqueueResult(id: existing, created: false) }
            return EnqueueResult(id: request.id, created: true)
        }
    }

    public func advanceFence(name: String, token: UInt64, queue: String) async throws {
        do {
            _ = try await run(QueueScripts.advanceFence, queue, FenceArguments(name: name, token: token))
        } catch let error as RedisError {
            throw Self.enqueueFailure(error, requests: [], queue: queue)
        }
    }

    /// The scripts refuse with `STALEFENCE …` or `IDEMCONFLICT index existing-id`.
    private static func enqueueFailure(_ error: RedisError, requests: [JobRequest], queue: String) -> any Error {
        guard error.code == .server else { return error }
        if error.message.hasPrefix("STALEFENCE") { return QueueError(.staleFence, error.message, queue: queue) }
        guard error.message.hasPrefix("IDEMCONFLICT") else { return error }
        let parts = error.message.split(separator: " ")
        let index = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let existing = parts.count > 2 ? String(parts[2]) : nil
        return QueueError(
            .idempotencyConflict,
            "idempotency key \"\(requests[index].idempotencyKey ?? "")\" is already used by job \(existing ?? "?") with a different payload",
            jobID: existing, queue: queue)
    }

    private func register(_ queue: String) async throws {
        guard !registeredQueues.withLock({ $0.contains(queue) }) else { return }
        try await redis.send("SADD", RedisQueueKeys.queueRegistry, queue)
        registeredQueues.withLock { _ = $0.insert(queue) }
    }

    // MARK: Dependencies

    public func attach(child: JobReference, toParent parent: String, parentQueue: String) async throws -> AttachResult {
        try await run(QueueScripts.attach, parentQueue, AttachArguments(parent: parent, child: child))
    }

    public func resolve(child: String, queue: String, parent: String, outcome: ParentOutcome) async throws {
        _ = try await run(
            QueueScripts.resolve, queue,
            ResolveArguments(child: child, parent: parent, outcome: outcome, now: now, archive: configuration.archiveFinishedJobs))
    }

    public func finishedParents(queue: String, max: Int) async throws -> [FinishedParent] {
        try await run(QueueScripts.outboxPeek, queue, OutboxPeekArguments(max: max)).parents
    }

    public func acknowledgeFinishedParents(_ ids: [String], queue: String) async throws {
        _ = try await run(QueueScripts.outboxAck, queue, OutboxAckArguments(parents: ids))
    }

    public func waitingChildren(queue: String, waitingSince cutoff: Date, max: Int) async throws -> [WaitingChild] {
        let keys = RedisQueueKeys(queue: queue)
        let cutoff = Int64((cutoff.timeIntervalSince1970 * 1000).rounded())
        let ids = try await strings(["ZRANGEBYSCORE", keys.jobs(in: .waiting), "-inf", String(cutoff), "LIMIT", "0", String(max)])
        var children: [WaitingChild] = []
        for id in ids {
            children.append(WaitingChild(id: id, parents: try await strings(["SMEMBERS", keys.dependencies(id)])))
        }
        return children
    }

    // MARK: Working

    public func reserve(queue: String, worker: String, lease: Duration, max: Int) async throws -> JobQueue.Reservation {
        let reply = try await run(
            QueueScripts.reserve, queue,
            ReserveArguments(now: now, worker: worker, lease: lease, max: max, tokenPrefix: worker + ":" + JobID.generate()))
        if reply.paused { return JobQueue.Reservation(jobs: [], paused: true, nextCheck: nil) }
        return JobQueue.Reservation(jobs: reply.jobs.map { $0.job(queue: queue) }, paused: false, nextCheck: reply.nextCheck)
    }

    public func heartbeat(_ leases: [JobLease], queue: String, lease: Duration) async throws -> [JobQueue.LeaseStatus] {
        try await run(QueueScripts.heartbeat, queue, HeartbeatArguments(now: now, lease: lease, leases: leases))
    }

    public func complete(_ jobs: [JobCompletion], queue: String) async throws -> [Bool] {
        try await run(QueueScripts.complete, queue, CompleteArguments(now: now, archive: configuration.archiveFinishedJobs, jobs: jobs))
    }

    public func fail(_ jobs: [JobFailure], queue: String) async throws -> [JobState?] {
        let failures = jobs.map { FailArguments.Failure(failure: $0, jitter: Double.random(in: 0..<1)) }
        return try await run(QueueScripts.fail, queue, FailArguments(now: now, archive: configuration.archiveFinishedJobs, failures: failures))
    }

    public func release(_ leases: [JobLease], queue: String) async throws {
        _ = try await run(QueueScripts.release, queue, ReleaseArguments(now: now, leases: leases))
    }

    public func progress(_ lease: JobLease, queue: String, percent: Int, message: String) async throws -> Bool {
        try await run(QueueScripts.progress, queue, ProgressArguments(lease: lease, percent: percent, message: message, now: now))
    }

    public func reapExpiredLeases(queue: String, max: Int) async throws -> Int {
        try await run(QueueScripts.reap, queue, ReapArguments(now: now, archive: configuration.archiveFinishedJobs, max: max))
    }

    public func pruneFinished(queue: String, max: Int) async throws -> Int {
        try await run(
            QueueScripts.prune, queue,
            PruneArguments(
                now: now, finishedRetention: configuration.finishedRetention, deadRetention: configuration.deadRetention, max: max))
    }

    public func makeWakeupListener(queue: String) -> any QueueWakeupListener {
        RedisWakeupListener(connection: redis.makeBlockingConnection(), key: RedisQueueKeys(queue: queue).notify)
    }

    // MARK: Reading

    public func queues() async throws -> [String] {
        try await strings(["SMEMBERS", RedisQueueKeys.queueRegistry]).sorted()
    }

    public func locate(_ id: String) async throws -> String? {
        let known = try await queues()
        return try await withThrowingTaskGroup(of: (String, Bool).self) { group in
            for queue in known {
                group.addTask { (queue, try await self.redis.send("EXISTS", RedisQueueKeys(queue: queue).job(id)).int == 1) }
            }
            for try await (queue, exists) in group where exists { return queue }
            return nil
        }
    }

    public func job(_ id: String, queue: String) async throws -> JobRecord? {
        let keys = RedisQueueKeys(queue: queue)
        let stored = try await storedJob(keys.job(id))
        // A lease's end is kept as the job's score in `running` only.
        let leaseUntil = stored["state"] == JobState.running.rawValue
            ? try await redis.send("ZSCORE", keys.jobs(in: .running), id).string : nil
        return JobRecord(queue: queue, id: id, fields: RedisJobHash(stored: stored, leaseUntil: leaseUntil).fields)
    }

    public func stats(queue: String) async throws -> QueueStats {
        let keys = RedisQueueKeys(queue: queue)
        async let paused = redis.send("HGET", keys.meta, "paused")
        var counts: [JobState: Int] = [:]
        try await withThrowingTaskGroup(of: (JobState, Int).self) { group in
            for state in JobState.allCases {
                group.addTask {
                    guard state != .queued else {
                        return (state, try await self.run(QueueScripts.ready, queue, ReadyPageArguments(offset: 0, limit: 0)).count)
                    }
                    return (state, try await self.redis.send("ZCARD", keys.jobs(in: state)).int ?? 0)
                }
            }
            for try await (state, count) in group { counts[state] = count }
        }
        return QueueStats(queue: queue, paused: try await paused.string == "1", counts: counts)
    }

    public func list(queue: String, state: JobState, offset: Int, limit: Int) async throws -> [JobRecord] {
        guard state != .queued else {
            let page = try await run(QueueScripts.ready, queue, ReadyPageArguments(offset: offset, limit: limit))
            // A list may still hold a job an older version cancelled or deleted; workers drop it when they reach it.
            return try await records(page.ids, queue: queue).filter { $0.state == .queued }
        }
        let key = RedisQueueKeys(queue: queue).jobs(in: state)
        let ids = try await strings([state.isFinished ? "ZREVRANGE" : "ZRANGE", key, String(offset), String(offset + limit - 1)])
        return try await records(ids, queue: queue)
    }

    public func deadJobIDs(queue: String, max: Int) async throws -> [String] {
        try await strings(["ZRANGE", RedisQueueKeys(queue: queue).jobs(in: .dead), "0", String(max - 1)])
    }

    public func limits(queue: String) async throws -> QueueLimits {
        let reply = try await redis.send("HMGET", RedisQueueKeys(queue: queue).meta, "concurrency", "rate", "rate_period_ms")
        let values = (reply.array ?? []).map { $0.string.flatMap { Int($0) } }
        guard values.count == 3 else { return QueueLimits() }
        let rate = values[1]
        return QueueLimits(concurrency: values[0], rate: rate, ratePeriod: rate == nil ? nil : values[2].map { .milliseconds($0) })
    }

    // MARK: Operating

    public func cancel(_ id: String, queue: String) async throws -> CancelResult {
        try await run(QueueScripts.cancel, queue, CancelArguments(id: id, now: now, archive: configuration.archiveFinishedJobs))
    }

    public func retry(_ id: String, queue: String) async throws -> RetryResult {
        try await run(QueueScripts.retry, queue, RetryArguments(id: id, now: now))
    }

    public func delete(_ id: String, queue: String) async throws -> Bool {
        try await run(QueueScripts.delete, queue, DeleteArguments(id: id))
    }

    public func setPaused(_ paused: Bool, queue: String) async throws {
        let keys = RedisQueueKeys(queue: queue)
        try await redis.send("HSET", keys.meta, "paused", paused ? "1" : "0")
        if !paused { try await redis.send("RPUSH", keys.notify, "1") }
    }

    public func setLimits(_ limits: QueueLimits, queue: String) async throws {
        let meta = RedisQueueKeys(queue: queue).meta
        if let concurrency = limits.concurrency {
            try await redis.send("HSET", meta, "concurrency", String(concurrency))
        } else {
            try await redis.send("HDEL", meta, "concurrency")
        }
        if let rate = limits.rate {
            try await redis.send("HSET", meta, "rate", String(rate), "rate_period_ms", String((limits.ratePeriod ?? .seconds(1)).milliseconds))
        } else {
            try await redis.send("HDEL", meta, "rate", "rate_period_ms", "rate_tokens", "rate_at")
        }
    }

    /// Moves `queue` (its hash slot, so every key it has) to the Redis Cluster master at `target` while producers
    /// and workers keep running, and returns the slot.
    ///
    /// The scripts build job keys from ids, which Redis does not route during a migration, so they refuse to run
    /// while the queue's `meta` carries the `moving` flag; the cluster client sends each refused script again after
    /// a backoff, and this backend sends it again past that for up to `configuration.moveWait`, so it runs on the new
    /// master once the move ends (a move takes about as long as `MIGRATE` needs for the queue's keys: milliseconds
    /// for thousands of jobs on an idle cluster, seconds on a loaded one; only a move longer than `moveWait` reaches
    /// callers as an error). Plain commands need no such care: the nodes redirect them. If the move fails, the flag
    /// stays and the queue stands still: run the move again, to the same target.
    @discardableResult
    public func moveQueue(_ queue: String, to target: RedisNodeAddress) async throws -> Int {
        guard case .cluster = redis.configuration.topology else {
            throw QueueError(.invalidRequest, "moving a queue needs a Redis Cluster (a redis-cluster:// URL)", queue: queue)
        }
        let meta = RedisQueueKeys(queue: queue).meta
        let slot = RedisHashSlot.of(key: meta)
        try await redis.send("HSET", meta, "moving", "\(target.host):\(target.port)")
        try await redis.migrateSlot(slot, to: target)
        try await redis.send("HDEL", meta, "moving")
        return slot
    }

    /// The Redis Cluster master serving `queue` now; nil on a single server.
    public func master(of queue: String) async throws -> RedisNodeAddress? {
        guard case .cluster = redis.configuration.topology else { return nil }
        return try await redis.clusterMaster(servingKey: RedisQueueKeys(queue: queue).meta)
    }

    // MARK: Archive

    public func archiveList(queue: String, max: Int) async throws -> [String] {
        try await strings(["LRANGE", RedisQueueKeys(queue: queue).archive, "0", String(max - 1)])
    }

    public func trimArchiveList(queue: String, count: Int) async throws {
        try await redis.send("LTRIM", RedisQueueKeys(queue: queue).archive, String(count), "-1")
    }

    public func acquireArchiveLock(queue: String, owner: String, for duration: Duration) async throws -> Bool {
        try await redis.send("SET", RedisQueueKeys(queue: queue).archiveLock, owner, "NX", "PX", String(duration.milliseconds)).string == "OK"
    }

    public func releaseArchiveLock(queue: String, owner: String) async throws {
        try await redis.run(Self.unlockScript, keys: [RedisQueueKeys(queue: queue).archiveLock], arguments: [owner])
    }

    /// Deletes a lock only for its holder (a lock that expired and was taken by another stays).
    private static let unlockScript = RedisScript(name: "unlock", source: """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """)

    // MARK: Workers

    public func reportWorker(_ report: WorkerDirectory.Entry, lifetime: Duration) async throws {
        let key = RedisQueueKeys.worker(report.identity)
        let beat = String(Int64(report.lastBeat.timeIntervalSince1970 * 1000))
        try await redis.send([
            "HSET", key, "identity", report.identity, "pid", String(report.pid), "host", report.host,
            "queues", report.queues, "concurrency", String(report.concurrency), "busy", String(report.busy),
            "processed", String(report.processed), "beat_at", beat, "draining", report.draining ? "1" : "0",
        ])
        try await redis.send("PEXPIRE", key, String(lifetime.milliseconds))
        try await redis.send("ZADD", RedisQueueKeys.workerRegistry, beat, report.identity)
    }

    public func removeWorker(_ identity: String) async throws {
        try await redis.send("ZREM", RedisQueueKeys.workerRegistry, identity)
        try await redis.send("DEL", RedisQueueKeys.worker(identity))
    }

    public func liveWorkers() async throws -> [WorkerDirectory.Entry] {
        var entries: [WorkerDirectory.Entry] = []
        for identity in try await strings(["ZRANGE", RedisQueueKeys.workerRegistry, "0", "-1"]) {
            let fields = try await hash(RedisQueueKeys.worker(identity))
            guard !fields.isEmpty else {
                try await redis.send("ZREM", RedisQueueKeys.workerRegistry, identity)
                continue
            }
            entries.append(WorkerDirectory.Entry(
                identity: identity, host: fields["host"] ?? "", pid: Int(fields["pid"] ?? "") ?? 0,
                queues: fields["queues"] ?? "", concurrency: Int(fields["concurrency"] ?? "") ?? 0,
                busy: Int(fields["busy"] ?? "") ?? 0, processed: Int(fields["processed"] ?? "") ?? 0,
                lastBeat: Date(timeIntervalSince1970: (Double(fields["beat_at"] ?? "") ?? 0) / 1000),
                draining: fields["draining"] == "1"))
        }
        return entries.sorted { $0.lastBeat > $1.lastBeat }
    }

    // MARK: Replies

    private func strings(_ command: [String]) async throws -> [String] {
        (try await redis.send(command).array ?? []).compactMap(\.string)
    }

    /// A job's fields as its hash holds them; for a job still packed (`JobHashLayout.packed`), the fields its hash
    /// will hold. A reserve may turn the string into a hash between the two reads; once a hash, it stays one.
    private func storedJob(_ key: String) async throws -> [String: String] {
        do {
            return try await hash(key)
        } catch let error as RedisError where error.serverPrefix == "WRONGTYPE" {}
        do {
            guard let text = try await redis.send("GET", key).string else { return [:] }
            return JobSpec.unpacked(text)
        } catch where error.serverPrefix == "WRONGTYPE" {}
        return try await hash(key)
    }

    /// A hash as a dictionary (`HGETALL` answers field, value, field, value…).
    private func hash(_ key: String) async throws -> [String: String] {
        var reader = RedisReplyReader(try await redis.send("HGETALL", key))
        var fields: [String: String] = [:]
        while reader.remaining >= 2 {
            let field = reader.string()
            let value = reader.string()
            if let field { fields[field] = value }
        }
        return fields
    }

    private func records(_ ids: [String], queue: String) async throws -> [JobRecord] {
        var records: [JobRecord] = []
        for id in ids {
            if let record = try await job(id, queue: queue) { records.append(record) }
        }
        return records
    }
}
