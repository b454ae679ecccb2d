import Essentials
import Foundation

/// One queue of the in-memory backend; each method is one of the Lua scripts, step for step.
struct MemoryQueue: Sendable {
    var jobs: [String: MemoryJob] = [:]
    var sets = StateSets()
    /// The parents each waiting job still waits for.
    var dependencies: [String: Set<String>] = [:]
    var children: [String: Set<JobReference>] = [:]
    var idempotency: [String: String] = [:]
    var fences: [String: UInt64] = [:]
    var paused = false
    var limits = QueueLimits()
    var rateTokens: Double?
    var rateAt: Int64?
    /// Wake-up tokens for idle workers (at most 64 kept, as the Redis list is trimmed).
    var wakeups = 0
    /// Finished parents whose children have not heard yet.
    var outbox: [String] = []
    /// Finished jobs listed for the archive hook.
    var archive: [String] = []
    var archiveLock: (owner: String, expires: Int64)?
    /// Whether the queue has had a job (the queue registry).
    var registered = false

    mutating func advance(_ fence: JobRequest.Fence, queue: String) throws {
        if let seen = fences[fence.name], fence.token < seen {
            throw QueueError(.staleFence, "STALEFENCE token \(fence.token) is older than \(seen)", queue: queue)
        }
        fences[fence.name] = fence.token
    }

    mutating func enqueue(_ requests: [JobRequest], now: Int64, queue: String) throws -> [EnqueueResult] {
        registered = true
        // Conflicts are found before anything is written, so a refused batch leaves no trace.
        let definitions = requests.map { JobDefinition($0, now: now) }
        for definition in definitions {
            guard let key = definition.idempotencyKey, let existing = idempotency[key], let job = jobs[existing] else { continue }
            if job.definition.payloadHash != definition.payloadHash {
                throw QueueError(
                    .idempotencyConflict,
                    "idempotency key \"\(key)\" is already used by job \(existing) with a different payload", jobID: existing, queue: queue)
            }
        }
        var ready = 0
        let results = definitions.map { definition -> EnqueueResult in
            let id = definition.id
            if let key = definition.idempotencyKey {
                if let existing = idempotency[key], jobs[existing] != nil { return EnqueueResult(id: existing, created: false) }
                idempotency[key] = id
            }
            let state: JobState = !definition.dependsOn.isEmpty ? .waiting : definition.runAt > now ? .scheduled : .queued
            jobs[id] = MemoryJob(definition: definition, state: state, createdAt: now)
            switch state {
            case .waiting:
                sets[.waiting].update(id, score: Double(now))
                dependencies[id] = Set(definition.dependsOn)
            case .scheduled:
                sets[.scheduled].update(id, score: Double(definition.runAt))
            default:
                sets[.queued].update(id, score: Self.readyScore(priority: definition.priority, at: now))
                ready += 1
            }
            return EnqueueResult(id: id, created: true)
        }
        notify(ready)
        return results
    }

    static func readyScore(priority: Int, at time: Int64) -> Double { Double(priority) * 1e13 + Double(time) }

    mutating func reserve(worker: String, lease: Int64, max: Int, now: Int64, queue: String) -> JobQueue.Reservation {
        if paused { return JobQueue.Reservation(jobs: [], paused: true, nextCheck: nil) }
        for due in [JobState.scheduled, .retrying] {
            let ids = sets[due].ids(through: Double(now), limit: 500)
            for id in ids {
                makeReady(id, now: now)
                sets[due].remove(id)
            }
        }
        var n = max
        if let limit = limits.concurrency, limit > 0 { n = min(n, limit - sets[.running].count) }
        var hint: Int64 = -1
        if let rate = limits.rate, rate > 0, n > 0 {
            let period = Double((limits.ratePeriod ?? .seconds(1)).milliseconds)
            let last = rateAt ?? now
            var tokens = min(Double(rate), (rateTokens ?? Double(rate)) + Double(now - last) * Double(rate) / period)
            let take = min(n, Int(tokens.rounded(.down)), sets[.queued].count)
            n = take
            tokens -= Double(take)
            rateTokens = tokens
            rateAt = now
            if n == 0 { hint = now + Int64(((1 - tokens) * period / Double(rate)).rounded(.up)) }
        }
        var reserved: [ReservedJob] = []
        if n > 0 {
            let tokenPrefix = worker + ":" + JobID.generate()
            for id in sets[.queued].popFirst(n) {
                guard var job = jobs[id] else { continue }
                job.attempt += 1
                job.state = .running
                job.worker = worker
                job.token = tokenPrefix + ":" + String(job.attempt)
                job.leaseUntil = now + lease
                job.startedAt = now
                job.cancelRequested = false
                jobs[id] = job
                sets[.running].update(id, score: Double(now + lease))
                reserved.append(ReservedJob(
                    id: id, type: job.type, queue: queue, payload: job.payload, attempt: job.attempt, maxAttempts: job.maxAttempts,
                    timeout: job.timeout, leaseToken: job.token!,
                    createdAt: Date(timeIntervalSince1970: Double(job.createdAt) / 1000),
                    readyAt: Date(timeIntervalSince1970: Double(job.runAt) / 1000), traceparent: job.traceparent))
            }
        }
        if hint < 0, let next = [sets[.scheduled].first, sets[.retrying].first].compactMap({ $0 }).min() { hint = Int64(next) }
        return JobQueue.Reservation(
            jobs: reserved, paused: false, nextCheck: hint >= 0 ? Date(timeIntervalSince1970: Double(hint) / 1000) : nil)
    }

    /// The job `lease` names, if the lease is still its current one.
    func leased(_ lease: JobLease) -> MemoryJob? {
        guard let job = jobs[lease.id], job.token == lease.token, job.state == .running else { return nil }
        return job
    }

    mutating func makeReady(_ id: String, now: Int64) {
        guard var job = jobs[id] else { return }
        job.state = .queued
        jobs[id] = job
        sets[.queued].update(id, score: Self.readyScore(priority: job.priority, at: now))
    }

    mutating func notify(_ count: Int) {
        guard count > 0 else { return }
        wakeups = min(64, wakeups + min(count, 64))
    }

    mutating func finish(_ id: String, _ state: JobState, now: Int64, archive listed: Bool) {
        guard var job = jobs[id] else { return }
        job.state = state
        job.finishedAt = now
        job.token = nil
        job.leaseUntil = nil
        jobs[id] = job
        sets[state].update(id, score: Double(now))
        if job.hasChildren { outbox.append(id) }
        if listed { archive.append(id) }
    }

    mutating func resolve(child: String, parent: String, outcome: ParentOutcome, now: Int64, archive listed: Bool) {
        guard var job = jobs[child], job.state == .waiting else { return }
        if outcome.succeeded {
            dependencies[child]?.remove(parent)
            if let left = dependencies[child], !left.isEmpty { return }
            sets[.waiting].remove(child)
            if job.runAt > now {
                job.state = .scheduled
                jobs[child] = job
                sets[.scheduled].update(child, score: Double(job.runAt))
            } else {
                makeReady(child, now: now)
                notify(1)
            }
            return
        }
        job.errors.append(AttemptError(attempt: 0, at: now, kind: "dependency", message: "parent \(parent) ended \(outcome.text)"))
        jobs[child] = job
        dependencies[child] = nil
        sets[.waiting].remove(child)
        finish(child, job.onParentFailure == .fail ? .dead : .cancelled, now: now, archive: listed)
    }

    /// Deletes a job and everything kept for it.
    mutating func remove(_ id: String) {
        if let key = jobs[id]?.idempotencyKey, idempotency[key] == id { idempotency[key] = nil }
        for state in JobState.allCases { sets[state].remove(id) }
        jobs[id] = nil
        dependencies[id] = nil
        children[id] = nil
    }
}
