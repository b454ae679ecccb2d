import Essentials
import Foundation
import Redis
import Synchronization

/// The durable job queue: every state change of a job is one Lua script on Redis.
///
/// Producers call `enqueue`; workers call `reserve`, `heartbeat`, `complete`, `fail`;
/// operators call `job`, `stats`, `list`, `cancel`, `retry`, `pause`. Delivery is
/// at least once: a job whose lease runs out goes back to its queue.
public final class JobQueue: Sendable {
    public let redis: RedisClient
    public let configuration: QueueConfiguration
    /// When set, submissions of unknown types or invalid payloads are refused before any write.
    public let registry: JobRegistry?
    private let registeredQueues = Mutex<Set<String>>([])

    public init(redis: RedisClient, configuration: QueueConfiguration = .init(), registry: JobRegistry? = nil) {
        self.redis = redis
        self.configuration = configuration
        self.registry = registry
    }

    private var archiveFlag: String { configuration.archiveFinishedJobs ? "1" : "0" }

    static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    // MARK: Submitting

    /// Enqueues one job. With an idempotency key already used for the same payload, returns that job.
    @discardableResult
    public func enqueue(_ request: JobRequest) async throws -> EnqueueResult {
        try await enqueue([request])[0]
    }

    /// Enqueues jobs of one or more queues; each queue's share is written atomically.
    ///
    /// Everything is validated first: a bad request throws before any job is written.
    public func enqueue(_ requests: [JobRequest]) async throws -> [EnqueueResult] {
        for request in requests {
            try request.validate()
            try registry?.validate(type: request.type, payload: request.payload)
        }
        var results = [EnqueueResult?](repeating: nil, count: requests.count)
        let byQueue = Dictionary(grouping: requests.indices, by: { requests[$0].queue })
        for (queue, indices) in byQueue.sorted(by: { $0.key < $1.key }) {
            try await register(queue)
            for chunk in stride(from: 0, to: indices.count, by: 1000).map({ Array(indices[$0..<min($0 + 1000, indices.count)]) }) {
                let statuses = try await enqueueChunk(chunk.map { requests[$0] }, queue: queue)
                for (index, status) in zip(chunk, statuses) { results[index] = status }
            }
        }
        let created = requests.indices.filter { results[$0]!.created && !requests[$0].dependsOn.isEmpty }
        for index in created { try await attachToParents(requests[index]) }
        return results.map { $0! }
    }

    private func enqueueChunk(_ requests: [JobRequest], queue: String) async throws -> [EnqueueResult] {
        let now = Self.nowMilliseconds()
        let fences = Set(requests.map(\.fence))
        guard fences.count == 1, let fence = fences.first else {
            throw QueueError(.invalidRequest, "one enqueue call may carry one fencing token", queue: queue)
        }
        let fenceName: String = fence?.name ?? ""
        let fenceToken: String = fence.map { String($0.token) } ?? "0"
        var arguments: [String] = [String(now), String(requests.count), fenceName, fenceToken]
        arguments.reserveCapacity(4 + requests.count * 13)
        for request in requests {
            let runAt: Int64 = request.runAt.map { Int64($0.timeIntervalSince1970 * 1000) } ?? now
            let hash: String = request.idempotencyKey == nil ? "" : Digest.sha256.hex(request.type + "\n" + request.payload)
            arguments.append(request.id)
            arguments.append(request.type)
            arguments.append(request.payload)
            arguments.append(String(request.priority))
            arguments.append(String(request.maxAttempts))
            arguments.append(String(runAt))
            arguments.append(String(request.timeout.milliseconds))
            arguments.append(String(request.backoff.milliseconds))
            arguments.append(String(request.maximumBackoff.milliseconds))
            arguments.append(request.idempotencyKey ?? "")
            arguments.append(hash)
            arguments.append(request.dependsOn.joined(separator: ","))
            arguments.append(request.onParentFailure.rawValue)
        }
        let reply: RedisValue
        do {
            reply = try await redis.run(QueueScripts.enqueue, keys: [QueueName.prefix(queue)], arguments: arguments)
        } catch {
            throw Self.enqueueFailure(error, requests: requests, queue: queue)
        }
        let statuses = reply.array?.compactMap(\.string) ?? []
        return zip(requests, statuses).map { request, status in
            status.hasPrefix("existing:")
                ? EnqueueResult(id: String(status.dropFirst("existing:".count)), created: false)
                : EnqueueResult(id: request.id, created: true)
        }
    }

    /// Raises `queue`'s fence `name` to `token`, so enqueues with older tokens are refused
    /// from now on, even before the new holder enqueues anything there.
    ///
    /// A new scheduler leader announces its token on every queue it schedules into.
    public func advanceFence(name: String, token: UInt64, queue: String) async throws {
        try QueueName.validate(queue)
        do {
            try await redis.run(QueueScripts.advanceFence, keys: [QueueName.prefix(queue)], arguments: [name, String(token)])
        } catch {
            throw Self.enqueueFailure(error, requests: [], queue: queue)
        }
    }

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
        try await redis.send("SADD", QueueName.registryKey, queue)
        registeredQueues.withLock { _ = $0.insert(queue) }
    }

    /// Links a new child to each parent; parents that already ended are reported to the child at once.
    private func attachToParents(_ child: JobRequest) async throws {
        for parent in child.dependsOn {
            let outcome: String
            if let parentQueue = try await locate(parent) {
                let reply = try await redis.run(
                    QueueScripts.attach, keys: [QueueName.prefix(parentQueue)],
                    arguments: [parent, child.queue, child.id])
                outcome = reply.string ?? "missing"
            } else {
                outcome = "missing"
            }
            if outcome != "attached" {
                try await resolve(child: child.id, queue: child.queue, parent: parent, outcome: outcome)
            }
        }
    }

    private func resolve(child: String, queue: String, parent: String, outcome: String) async throws {
        try await redis.run(
            QueueScripts.resolve, keys: [QueueName.prefix(queue)],
            arguments: [child, parent, outcome, String(Self.nowMilliseconds()), archiveFlag])
    }

    /// Tells the children of finished parents in `queue` how their parents ended. Returns how many parents were handled.
    ///
    /// Idempotent and safe to run from any number of workers; each finished parent stays in
    /// the outbox until its children have heard, so a crash here only delays them.
    @discardableResult
    public func dispatchDependencies(queue: String, max: Int = 100) async throws -> Int {
        let reply = try await redis.run(QueueScripts.outboxPeek, keys: [QueueName.prefix(queue)], arguments: [String(max)])
        guard let items = reply.array, !items.isEmpty else { return 0 }
        var handled: [String] = []
        var index = 0
        while index + 2 < items.count {
            let parent = items[index].string ?? ""
            let state = items[index + 1].string ?? "missing"
            let count = items[index + 2].int ?? 0
            for child in items[(index + 3)..<(index + 3 + count)] {
                let parts = (child.string ?? "").split(separator: "\n", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                try await resolve(child: parts[1], queue: parts[0], parent: parent, outcome: state)
            }
            handled.append(parent)
            index += 3 + count
        }
        try await redis.run(QueueScripts.outboxAck, keys: [QueueName.prefix(queue)], arguments: handled)
        return handled.count
    }

    /// Re-links children that have waited longer than `olderThan` to their unfinished parents.
    ///
    /// Enqueueing a child and attaching it to parents in other queues are separate steps
    /// (each queue is its own Cluster slot); a producer that crashed between them would
    /// leave the child waiting forever. Attaching is idempotent, so workers sweep now and
    /// then. Returns how many children were looked at.
    @discardableResult
    public func reattachWaiting(queue: String, olderThan: Duration = .seconds(30), max: Int = 100) async throws -> Int {
        let prefix = QueueName.prefix(queue)
        let cutoff = Self.nowMilliseconds() - olderThan.milliseconds
        let children = (try await redis.send(["ZRANGEBYSCORE", prefix + "waiting", "-inf", String(cutoff), "LIMIT", "0", String(max)]).array ?? [])
            .compactMap(\.string)
        for child in children {
            let parents = (try await redis.send("SMEMBERS", prefix + "deps:" + child).array ?? []).compactMap(\.string)
            var request = JobRequest(type: "diag.noop", queue: queue, dependsOn: parents)
            request.id = child
            try await attachToParents(request)
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

    /// Leases up to `max` ready jobs of `queue` to `worker`, highest priority first, honouring
    /// the queue's pause flag, concurrency limit and rate limit.
    public func reserve(queue: String, worker: String, lease: Duration, max: Int) async throws -> Reservation {
        let reply = try await redis.run(
            QueueScripts.reserve, keys: [QueueName.prefix(queue)],
            arguments: [String(Self.nowMilliseconds()), worker, String(lease.milliseconds), String(max), worker + ":" + JobID.generate()])
        guard let items = reply.array, items.count >= 2 else {
            throw QueueError(.invalidState, "unexpected reply from reserve", queue: queue)
        }
        let hint = items[1].int ?? -1
        let nextCheck = hint >= 0 ? Date(timeIntervalSince1970: Double(hint) / 1000) : nil
        if items[0].string == "paused" { return Reservation(jobs: [], paused: true, nextCheck: nil) }
        var jobs: [ReservedJob] = []
        var index = 2
        while index + 8 < items.count {
            jobs.append(ReservedJob(
                id: items[index].string ?? "", type: items[index + 1].string ?? "", queue: queue,
                payload: items[index + 2].string ?? "null", attempt: items[index + 3].int ?? 1,
                maxAttempts: items[index + 4].int ?? 1,
                timeout: .milliseconds(items[index + 5].int ?? 1_800_000),
                leaseToken: items[index + 6].string ?? "",
                createdAt: Date(timeIntervalSince1970: Double(items[index + 7].int ?? 0) / 1000),
                readyAt: Date(timeIntervalSince1970: Double(items[index + 8].int ?? 0) / 1000)))
            index += 9
        }
        return Reservation(jobs: jobs, paused: false, nextCheck: nextCheck)
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

    /// Extends the leases of running jobs of `queue`.
    public func heartbeat(queue: String, leases: [(id: String, token: String)], lease: Duration) async throws -> [LeaseStatus] {
        guard !leases.isEmpty else { return [] }
        var arguments = [String(Self.nowMilliseconds()), String(lease.milliseconds)]
        for item in leases { arguments += [item.id, item.token] }
        let reply = try await redis.run(QueueScripts.heartbeat, keys: [QueueName.prefix(queue)], arguments: arguments)
        return (reply.array ?? []).map { LeaseStatus(rawValue: $0.int ?? 0) ?? .lost }
    }

    /// Marks leased jobs succeeded with their result JSON. Returns false where the lease was lost.
    public func complete(queue: String, _ jobs: [(id: String, token: String, result: String)]) async throws -> [Bool] {
        guard !jobs.isEmpty else { return [] }
        var arguments = [String(Self.nowMilliseconds()), archiveFlag]
        for job in jobs { arguments += [job.id, job.token, job.result] }
        let reply = try await redis.run(QueueScripts.complete, keys: [QueueName.prefix(queue)], arguments: arguments)
        return (reply.array ?? []).map { $0.int == 1 }
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

    /// Records failed attempts; returns each job's new state (`retrying`, `dead`, `cancelled`) or `nil` if the lease was lost.
    public func fail(queue: String, _ jobs: [(id: String, token: String, error: AttemptError, mode: FailureMode)]) async throws -> [JobState?] {
        guard !jobs.isEmpty else { return [] }
        var arguments = [String(Self.nowMilliseconds()), archiveFlag]
        for job in jobs {
            let error = String(decoding: try JSONEncoder.sortedKeys.encode(job.error), as: UTF8.self)
            arguments += [job.id, job.token, error, job.mode.rawValue, String(Double.random(in: 0..<1))]
        }
        let reply = try await redis.run(QueueScripts.fail, keys: [QueueName.prefix(queue)], arguments: arguments)
        return (reply.array ?? []).map { $0.string.flatMap(JobState.init(rawValue:)) }
    }

    /// Hands leases back without spending an attempt (a draining worker's unfinished jobs).
    public func release(queue: String, leases: [(id: String, token: String)]) async throws {
        guard !leases.isEmpty else { return }
        var arguments = [String(Self.nowMilliseconds())]
        for item in leases { arguments += [item.id, item.token] }
        try await redis.run(QueueScripts.release, keys: [QueueName.prefix(queue)], arguments: arguments)
    }

    /// Records progress of a running job. Returns false when the lease is no longer ours.
    @discardableResult
    public func progress(queue: String, id: String, token: String, percent: Int, message: String) async throws -> Bool {
        let reply = try await redis.run(
            QueueScripts.progress, keys: [QueueName.prefix(queue)],
            arguments: [id, token, String(min(100, max(0, percent))), message, String(Self.nowMilliseconds())])
        return reply.int == 1
    }

    /// Returns jobs with expired leases to their queue (or the dead set). Returns how many expired.
    @discardableResult
    public func reapExpiredLeases(queue: String, max: Int = 500) async throws -> Int {
        let reply = try await redis.run(
            QueueScripts.reap, keys: [QueueName.prefix(queue)],
            arguments: [String(Self.nowMilliseconds()), archiveFlag, String(max)])
        return reply.int ?? 0
    }

    /// Deletes finished jobs older than their retention. Returns how many were deleted.
    @discardableResult
    public func pruneFinished(queue: String, max: Int = 1000) async throws -> Int {
        let reply = try await redis.run(
            QueueScripts.prune, keys: [QueueName.prefix(queue)],
            arguments: [String(Self.nowMilliseconds()), String(configuration.finishedRetention.milliseconds),
                        String(configuration.deadRetention.milliseconds), String(max)])
        return reply.int ?? 0
    }

    // MARK: Inspecting and repairing

    /// Every queue that has had a job.
    public func queues() async throws -> [String] {
        let reply = try await redis.send("SMEMBERS", QueueName.registryKey)
        return (reply.array ?? []).compactMap(\.string).sorted()
    }

    /// Which queue holds job `id`, if any.
    public func locate(_ id: String) async throws -> String? {
        guard JobID.isValid(id) else { return nil }
        let known = try await queues()
        return try await withThrowingTaskGroup(of: (String, Bool).self) { group in
            for queue in known {
                group.addTask { (queue, try await self.redis.send("EXISTS", QueueName.prefix(queue) + "job:" + id).int == 1) }
            }
            for try await (queue, exists) in group where exists { return queue }
            return nil
        }
    }

    /// The job with this id, or `nil` when there is none (never existed, or pruned).
    public func job(_ id: String) async throws -> JobRecord? {
        guard let queue = try await locate(id) else { return nil }
        return try await job(id, queue: queue)
    }

    func job(_ id: String, queue: String) async throws -> JobRecord? {
        let reply = try await redis.send("HGETALL", QueueName.prefix(queue) + "job:" + id)
        let values = reply.array ?? []
        var fields: [String: String] = [:]
        for index in stride(from: 0, to: values.count - 1, by: 2) {
            if let key = values[index].string { fields[key] = values[index + 1].string }
        }
        return JobRecord(queue: queue, id: id, fields: fields)
    }

    /// Counts per state for `queue`.
    public func stats(queue: String) async throws -> QueueStats {
        let prefix = QueueName.prefix(queue)
        async let paused = redis.send("HGET", prefix + "meta", "paused")
        var counts: [JobState: Int] = [:]
        try await withThrowingTaskGroup(of: (JobState, Int).self) { group in
            for state in JobState.allCases {
                group.addTask { (state, try await self.redis.send("ZCARD", prefix + state.setName).int ?? 0) }
            }
            for try await (state, count) in group { counts[state] = count }
        }
        return QueueStats(queue: queue, paused: try await paused.string == "1", counts: counts)
    }

    /// Jobs of `queue` in `state`, oldest first (newest first for finished states).
    public func list(queue: String, state: JobState, offset: Int = 0, limit: Int = 50) async throws -> [JobRecord] {
        let key = QueueName.prefix(queue) + state.setName
        let range = state.isFinished
            ? ["ZREVRANGE", key, String(offset), String(offset + limit - 1)]
            : ["ZRANGE", key, String(offset), String(offset + limit - 1)]
        let ids = (try await redis.send(range).array ?? []).compactMap(\.string)
        var records: [JobRecord] = []
        for id in ids {
            if let record = try await job(id, queue: queue) { records.append(record) }
        }
        return records
    }

    /// What `cancel` did.
    public enum CancelOutcome: String, Sendable {
        /// It had not started; it is cancelled now.
        case cancelled
        /// It is running; its worker cancels it at its next heartbeat.
        case requested
    }

    /// Cancels a job: at once if it has not started, through its worker if it is running.
    public func cancel(_ id: String) async throws -> CancelOutcome {
        guard let queue = try await locate(id) else { throw QueueError(.notFound, "no job \(id)", jobID: id) }
        let reply = try await redis.run(
            QueueScripts.cancel, keys: [QueueName.prefix(queue)],
            arguments: [id, String(Self.nowMilliseconds()), archiveFlag])
        let answer = reply.string ?? ""
        if let outcome = CancelOutcome(rawValue: answer) { return outcome }
        if answer == "missing" { throw QueueError(.notFound, "no job \(id)", jobID: id, queue: queue) }
        throw QueueError(.invalidState, "job already \(answer.replacingOccurrences(of: "finished:", with: ""))", jobID: id, queue: queue)
    }

    /// Puts a dead or cancelled job back in its queue with fresh attempts.
    public func retry(_ id: String) async throws {
        guard let queue = try await locate(id) else { throw QueueError(.notFound, "no job \(id)", jobID: id) }
        let reply = try await redis.run(QueueScripts.retry, keys: [QueueName.prefix(queue)], arguments: [id, String(Self.nowMilliseconds())])
        switch reply.string ?? "" {
        case "queued": return
        case "missing": throw QueueError(.notFound, "no job \(id)", jobID: id, queue: queue)
        case let other: throw QueueError(.invalidState, "only dead or cancelled jobs can be retried; this one is \(other.replacingOccurrences(of: "not-finished:", with: ""))", jobID: id, queue: queue)
        }
    }

    /// Retries every dead job of `queue`. Returns how many.
    public func retryDead(queue: String) async throws -> Int {
        var retried = 0
        while true {
            let ids = (try await redis.send("ZRANGE", QueueName.prefix(queue) + "dead", "0", "499").array ?? []).compactMap(\.string)
            if ids.isEmpty { return retried }
            for id in ids {
                try await redis.run(QueueScripts.retry, keys: [QueueName.prefix(queue)], arguments: [id, String(Self.nowMilliseconds())])
                retried += 1
            }
        }
    }

    /// Deletes a job in any state. Returns false when there was none.
    @discardableResult
    public func delete(_ id: String) async throws -> Bool {
        guard let queue = try await locate(id) else { return false }
        return try await redis.run(QueueScripts.delete, keys: [QueueName.prefix(queue)], arguments: [id]).int == 1
    }

    /// Deletes every dead job of `queue`. Returns how many.
    public func purgeDead(queue: String) async throws -> Int {
        var purged = 0
        while true {
            let ids = (try await redis.send("ZRANGE", QueueName.prefix(queue) + "dead", "0", "499").array ?? []).compactMap(\.string)
            if ids.isEmpty { return purged }
            for id in ids {
                purged += try await redis.run(QueueScripts.delete, keys: [QueueName.prefix(queue)], arguments: [id]).int ?? 0
            }
        }
    }

    /// Stops workers from taking jobs of `queue`; running jobs finish.
    public func pause(queue: String) async throws {
        try QueueName.validate(queue)
        try await redis.send("HSET", QueueName.prefix(queue) + "meta", "paused", "1")
    }

    /// Lets workers take jobs of `queue` again.
    public func resume(queue: String) async throws {
        try QueueName.validate(queue)
        try await redis.send("HSET", QueueName.prefix(queue) + "meta", "paused", "0")
        try await redis.send("RPUSH", QueueName.prefix(queue) + "notify", "1")
    }

    /// Sets limits shared by every worker: at most `concurrency` running jobs, at most
    /// `rate` starts per `period` (a token bucket). `nil` removes a limit.
    public func setLimits(queue: String, concurrency: Int?, rate: Int?, per period: Duration = .seconds(1)) async throws {
        try QueueName.validate(queue)
        let meta = QueueName.prefix(queue) + "meta"
        if let concurrency { try await redis.send("HSET", meta, "concurrency", String(concurrency)) } else { try await redis.send("HDEL", meta, "concurrency") }
        if let rate {
            try await redis.send("HSET", meta, "rate", String(rate), "rate_period_ms", String(period.milliseconds))
        } else {
            try await redis.send("HDEL", meta, "rate", "rate_period_ms", "rate_tokens", "rate_at")
        }
    }

    // MARK: Archive

    /// Takes up to `max` finished jobs of `queue` listed for archiving, hands them to `archive`,
    /// and removes them from the list only when it returns. Returns how many were archived.
    @discardableResult
    public func drainArchive(queue: String, max: Int = 500, into archive: ([JobRecord]) async throws -> Void) async throws -> Int {
        let key = QueueName.prefix(queue) + "archive"
        let ids = (try await redis.send("LRANGE", key, "0", String(max - 1)).array ?? []).compactMap(\.string)
        guard !ids.isEmpty else { return 0 }
        var records: [JobRecord] = []
        for id in ids {
            if let record = try await job(id, queue: queue) { records.append(record) }
        }
        try await archive(records)
        try await redis.send("LTRIM", key, String(ids.count), "-1")
        return ids.count
    }
}
