import Essentials
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Runs jobs from weighted queues with bounded concurrency, as a service.
///
/// Leases are extended by heartbeats; a job that outlives its timeout is cancelled and
/// counted as a failed attempt; an operator's cancel reaches the job's task at the next
/// heartbeat. On graceful shutdown (SIGTERM) the worker stops fetching, lets running
/// jobs finish within the grace period, then hands the remaining leases back.
public final class Worker: Service {
    public let queue: JobQueue
    public let registry: JobRegistry
    public let configuration: WorkerConfiguration
    /// Receives finished jobs in batches, when the queue lists them for archiving.
    public let archive: (@Sendable ([JobRecord]) async throws -> Void)?
    private let logger: Logger
    private let running = Mutex<[String: RunningJob]>([:])
    private let draining = Atomic<Bool>(false)
    private let wakeup = Wakeup()
    private let timeouts = TimeoutWatch()
    private let idle = IdleGate()
    private let batchers: [String: QueueBatchers]
    private let processed = Atomic<Int>(0)
    private let metrics = WorkerMetrics()

    public init(
        queue: JobQueue, registry: JobRegistry, configuration: WorkerConfiguration,
        archive: (@Sendable ([JobRecord]) async throws -> Void)? = nil,
        logger: Logger = Logger(label: "aips.worker")
    ) {
        self.queue = queue
        self.registry = registry
        self.configuration = configuration
        self.archive = archive
        var logger = logger
        logger[metadataKey: "worker"] = "\(configuration.identity)"
        self.logger = logger
        batchers = Dictionary(uniqueKeysWithValues: configuration.queues.map { ($0.name, QueueBatchers(backend: queue.backend, name: $0.name)) })
    }

    /// Jobs this worker has finished (any outcome) since it started.
    public var processedCount: Int { processed.load(ordering: .relaxed) }

    public func run() async throws {
        logger.info("worker started", metadata: [
            "queues": "\(configuration.queues.map { "\($0.name)=\($0.weight)" }.joined(separator: ","))",
            "concurrency": "\(configuration.concurrency)",
        ])
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.heartbeatLoop() }
                group.addTask { await self.maintenanceLoop() }
                group.addTask { await self.timeouts.run() }
                for weighted in configuration.queues {
                    group.addTask { await self.listen(to: weighted.name) }
                }
                await fetchLoop(into: &group)
                await drain()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.draining.store(true, ordering: .releasing)
            self.wakeup.signal()
            self.idle.set(false)
        }
        try? await queue.backend.removeWorker(configuration.identity)
        logger.info("worker stopped", metadata: ["processed": "\(processedCount)"])
    }

    // MARK: Fetching

    private func fetchLoop(into group: inout DiscardingTaskGroup) async {
        var failures = 0
        while !draining.load(ordering: .acquiring) && !Task.isCancelled {
            var capacity = configuration.concurrency - running.withLock { $0.count }
            var nextCheck: Date?
            var fetched = 0
            if capacity > 0 {
                do {
                    for name in fetchOrder() where capacity > 0 {
                        let reservation = try await queue.reserve(
                            queue: name, worker: configuration.identity, lease: configuration.lease,
                            max: min(capacity, configuration.reserveBatch))
                        if let check = reservation.nextCheck { nextCheck = min(nextCheck ?? check, check) }
                        for job in reservation.jobs {
                            metrics.pickedUp(queue: job.queue, waited: -job.readyAt.timeIntervalSinceNow)
                            let entry = RunningJob(job: job)
                            running.withLock { $0[job.id] = entry }
                            group.addTask { await self.execute(entry) }
                        }
                        capacity -= reservation.jobs.count
                        fetched += reservation.jobs.count
                    }
                    failures = 0
                } catch {
                    failures += 1
                    if failures == 1 || failures % 30 == 0 {
                        logger.error("fetching jobs failed", metadata: ["error": "\(error)", "failures": "\(failures)"])
                    }
                    try? await Task.sleep(for: .milliseconds(min(1000, 50 * failures)))
                    continue
                }
            }
            if fetched > 0 && capacity > 0 { continue }  // more may be ready
            var timeout = configuration.pollInterval
            if let nextCheck {
                let until = Duration.milliseconds(Int64(max(0, nextCheck.timeIntervalSinceNow * 1000)) + 1)
                timeout = min(timeout, until)
            }
            idle.set(capacity > 0)
            await wakeup.wait(timeout: timeout)
            idle.set(false)
        }
    }

    /// Queues in the order to try this round: weighted random, each queue once.
    private func fetchOrder() -> [String] {
        let queues = configuration.queues
        guard queues.count > 1 else { return queues.map(\.name) }
        var remaining = queues
        var order: [String] = []
        while !remaining.isEmpty {
            let total = remaining.reduce(0) { $0 + $1.weight }
            var pick = Int.random(in: 0..<total)
            let index = remaining.firstIndex { pick -= $0.weight; return pick < 0 }!
            order.append(remaining.remove(at: index).name)
        }
        return order
    }

    /// Listens for the queue's wake-ups while this worker is idle, so a new job starts at once.
    private func listen(to name: String) async {
        let listener = queue.backend.makeWakeupListener(queue: name)
        defer { listener.close() }
        while !Task.isCancelled {
            await idle.waitUntilIdle()
            if Task.isCancelled { return }
            do {
                if try await listener.next(timeout: .seconds(1)) { wakeup.signal() }
            } catch {
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    // MARK: Running

    private func execute(_ entry: RunningJob) async {
        let job = entry.job
        var logger = self.logger
        var metadata: Logger.Metadata = ["job_id": "\(job.id)", "job_type": "\(job.type)", "attempt": "\(job.attempt)"]
        if let traceID = job.traceID { metadata["trace_id"] = "\(traceID)" }
        logger.handler = JobLogHandler(base: logger.handler, metadata: metadata)
        defer {
            running.withLock { _ = $0.removeValue(forKey: job.id) }
            processed.add(1, ordering: .relaxed)
            wakeup.signal()
        }
        let batchers = self.batchers[job.queue]!
        guard let handler = registry.handler(for: job.type) else {
            let label = await record(
                .failure(kind: "unknown_type", message: "this worker has no handler for \(job.type)", mode: .retry), entry, batchers, logger)
            metrics.finished(queue: job.queue, type: job.type, outcome: label, duration: .zero)
            return
        }
        let context = JobContext(
            id: job.id, type: job.type, queue: job.queue, attempt: job.attempt, maxAttempts: job.maxAttempts, logger: logger
        ) { [queue] percent, message in
            try await queue.progress(queue: job.queue, id: job.id, token: job.leaseToken, percent: percent, message: message)
        }
        let started = ContinuousClock.now
        // The timeout fires the job's stop signal (see TimeoutWatch), so the race needs no timer task of its own.
        timeouts.watch(entry, until: started + job.timeout)
        defer { timeouts.unwatch(entry) }
        let outcome = await withTaskGroup(of: Outcome?.self) { race -> Outcome in
            race.addTask {
                do {
                    return .succeeded(try await handler(job.payload, context))
                } catch let error as PermanentJobError {
                    return .failure(kind: "error", message: error.message, mode: .dead)
                } catch let error as QueueError where error.code == .invalidRequest {
                    return .failure(kind: "invalid_payload", message: error.message, mode: .dead)
                } catch {
                    return .failure(kind: "error", message: String(describing: error), mode: .retry)
                }
            }
            race.addTask {
                let reason = await entry.stop.wait()
                return Task.isCancelled ? nil : reason.outcome
            }
            var first: Outcome = .stopped(.draining)
            for await outcome in race {
                if let outcome {
                    first = outcome
                    break
                }
            }
            race.cancelAll()
            entry.stop.cancelWaiters()
            return first
        }
        let label = await record(outcome, entry, batchers, logger)
        metrics.finished(queue: job.queue, type: job.type, outcome: label, duration: ContinuousClock.now - started)
    }

    /// Reports the outcome to the queue; returns the metrics label for it.
    private func record(_ outcome: Outcome, _ entry: RunningJob, _ batchers: QueueBatchers, _ logger: Logger) async -> String {
        let job = entry.job
        do {
            switch outcome {
            case .succeeded(let result):
                if try await !batchers.complete.submit(JobCompletion(lease: job.lease, result: result)) {
                    logger.warning("job finished after its lease was lost; its result was dropped")
                    return "lease_lost"
                }
                return "succeeded"
            case .failure(let kind, let message, let mode):
                let error = AttemptError(attempt: job.attempt, at: JobQueue.nowMilliseconds(), kind: kind, message: message, worker: configuration.identity)
                let state = try await batchers.fail.submit(JobFailure(lease: job.lease, error: error, mode: mode))
                logger.warning("job attempt failed", metadata: ["kind": "\(kind)", "error": "\(message)", "state": "\(state?.rawValue ?? "lease lost")"])
                return state?.rawValue ?? "lease_lost"
            case .stopped(.cancelRequested):
                let error = AttemptError(attempt: job.attempt, at: JobQueue.nowMilliseconds(), kind: "cancelled", message: "cancelled by request", worker: configuration.identity)
                _ = try await batchers.fail.submit(JobFailure(lease: job.lease, error: error, mode: .cancelled))
                return "cancelled"
            case .stopped(.leaseLost):
                logger.warning("stopped a job whose lease was lost; another worker may run it")
                return "lease_lost"
            case .stopped(.draining):
                try await queue.backend.release([job.lease], queue: job.queue)
                return "released"
            case .stopped(.timedOut(let limit)):
                // The race hands a timeout on as the failed attempt it is (StopReason.outcome); should one
                // come here all the same, it is recorded as that.
                return await record(StopReason.timedOut(limit).outcome, entry, batchers, logger)
            }
        } catch {
            // The lease runs out and the reaper hands the job out again: nothing is lost.
            logger.error("could not record the job's outcome; it will be redelivered after its lease", metadata: ["error": "\(error)"])
            return "unrecorded"
        }
    }

    private func drain() async {
        let deadline = ContinuousClock.now + configuration.shutdownGracePeriod
        var count = running.withLock { $0.count }
        if count > 0 { logger.info("draining", metadata: ["running": "\(count)"]) }
        while count > 0 && ContinuousClock.now < deadline {
            await wakeup.waitIgnoringCancellation(timeout: min(.milliseconds(200), deadline - ContinuousClock.now))
            count = running.withLock { $0.count }
        }
        let left = running.withLock { Array($0.values) }
        if !left.isEmpty { logger.warning("grace period over; handing leases back", metadata: ["jobs": "\(left.count)"]) }
        for entry in left { entry.stop.fire(.draining) }
        while running.withLock({ !$0.isEmpty }) { await wakeup.waitIgnoringCancellation(timeout: .milliseconds(50)) }
    }

    // MARK: Heartbeats and maintenance

    private func heartbeatLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.heartbeatInterval)
            if Task.isCancelled { return }
            let entries = running.withLock { Array($0.values) }
            for (name, group) in Dictionary(grouping: entries, by: { $0.job.queue }) {
                do {
                    let statuses = try await queue.backend.heartbeat(group.map(\.job.lease), queue: name, lease: configuration.lease)
                    let now = ContinuousClock.now
                    for (entry, status) in zip(group, statuses) {
                        switch status {
                        case .extended: entry.extended(at: now)
                        case .cancelRequested: entry.extended(at: now); entry.stop.fire(.cancelRequested)
                        case .lost: entry.stop.fire(.leaseLost)
                        }
                    }
                } catch {
                    logger.warning("heartbeat failed", metadata: ["queue": "\(name)", "error": "\(error)"])
                    // Past the lease the job may be running elsewhere: stop working on it.
                    for entry in group where entry.leaseExpired(lease: configuration.lease) { entry.stop.fire(.leaseLost) }
                }
            }
            try? await registerWorker(busy: entries.count)
            metrics.busy(worker: configuration.identity, count: entries.count)
        }
    }

    private func maintenanceLoop() async {
        try? await registerWorker(busy: 0)
        var lastPrune = ContinuousClock.now - .seconds(3600)
        var lastDepthSample = ContinuousClock.now - .seconds(3600)
        while !Task.isCancelled {
            for weighted in configuration.queues {
                do {
                    let expired = try await queue.reapExpiredLeases(queue: weighted.name)
                    if expired > 0 {
                        logger.warning("returned expired leases", metadata: ["queue": "\(weighted.name)", "jobs": "\(expired)"])
                        metrics.leasesExpired(queue: weighted.name, count: expired)
                    }
                    if ContinuousClock.now - lastDepthSample > .seconds(5) {
                        metrics.depth(try await queue.stats(queue: weighted.name))
                    }
                    while try await queue.dispatchDependencies(queue: weighted.name) > 0 {}
                    if ContinuousClock.now - lastPrune > .seconds(60) {
                        try await queue.pruneFinished(queue: weighted.name)
                        try await queue.reattachWaiting(queue: weighted.name)
                    }
                    if let archive { try await drainArchive(weighted.name, archive) }
                } catch {
                    logger.warning("queue maintenance failed", metadata: ["queue": "\(weighted.name)", "error": "\(error)"])
                }
            }
            if ContinuousClock.now - lastPrune > .seconds(60) { lastPrune = ContinuousClock.now }
            if ContinuousClock.now - lastDepthSample > .seconds(5) { lastDepthSample = ContinuousClock.now }
            try? await Task.sleep(for: configuration.maintenanceInterval)
        }
    }

    /// One worker at a time archives a queue's finished jobs, so none is written twice or skipped.
    private func drainArchive(_ name: String, _ archive: @Sendable ([JobRecord]) async throws -> Void) async throws {
        let backend = queue.backend
        let identity = configuration.identity
        guard try await backend.acquireArchiveLock(queue: name, owner: identity, for: .seconds(60)) else { return }
        do {
            while try await queue.drainArchive(queue: name, into: archive) > 0 {}
        } catch {
            try? await backend.releaseArchiveLock(queue: name, owner: identity)
            throw error
        }
        try? await backend.releaseArchiveLock(queue: name, owner: identity)
    }

    private func registerWorker(busy: Int) async throws {
        let report = WorkerDirectory.Entry(
            identity: configuration.identity, host: ProcessInfo.processInfo.hostName,
            pid: Int(ProcessInfo.processInfo.processIdentifier),
            queues: configuration.queues.map { "\($0.name)=\($0.weight)" }.joined(separator: ","),
            concurrency: configuration.concurrency, busy: busy, processed: processedCount,
            lastBeat: Date(timeIntervalSince1970: Double(JobQueue.nowMilliseconds()) / 1000),
            draining: draining.load(ordering: .relaxed))
        // Three missed beats and a second of slack before the report expires.
        try await queue.backend.reportWorker(report, lifetime: configuration.heartbeatInterval * 3 + .seconds(1))
    }
}

/// How a job's run ended.
enum Outcome: Sendable {
    case succeeded(String)
    case failure(kind: String, message: String, mode: JobQueue.FailureMode)
    case stopped(StopReason)
}

/// Why the worker stopped a job before it finished.
enum StopReason: Sendable {
    case cancelRequested
    case leaseLost
    case draining
    /// The job ran past its timeout (the one given).
    case timedOut(Duration)

    /// What the job's run came to: a timeout counts as a failed attempt.
    var outcome: Outcome {
        switch self {
        case .timedOut(let limit): .failure(kind: "timeout", message: "timed out after \(limit)", mode: .retry)
        default: .stopped(self)
        }
    }
}
