import Foundation
import Logging
import Metrics
import Queue
import Redis
import ServiceLifecycle

/// The singleton cron scheduler: among any number of running copies, the one holding
/// the lease enqueues each schedule's ticks, exactly once each.
///
/// Every copy runs the same loop: take part in the election (`LeaderElection` driven
/// against `LeaderLease`), and while leading, plan each schedule's due ticks from the
/// tick ledger (`TickPlan`), enqueue them fenced with the leader's token under the
/// tick's idempotency key (`TickEnqueuer`), and record them in the ledger. A standby
/// takes over at most a lease TTL after the leader dies and carries on from the ledger;
/// a deposed leader that wakes up is refused by the queue's fence and the ledger's
/// token check, and the idempotency key catches a tick enqueued twice in between.
///
/// On graceful shutdown the leader releases its lease so a standby takes over at once.
public struct Scheduler: Service {
    let configuration: SchedulerConfiguration
    let lease: LeaderLease
    let ledger: TickLedger
    let enqueuer: TickEnqueuer
    let logger: Logger

    /// A scheduler enqueueing into `queue`, keeping its lease and tick ledger on `redis`.
    public init(
        configuration: SchedulerConfiguration, redis: RedisClient, queue: JobQueue, logger: Logger = Logger(label: "aips.scheduler")
    ) {
        self.configuration = configuration
        lease = LeaderLease(redis: redis, keys: configuration.keys, owner: configuration.owner)
        ledger = TickLedger(redis: redis, keys: configuration.keys)
        enqueuer = TickEnqueuer(queue: queue)
        var logger = logger
        logger[metadataKey: "owner"] = "\(configuration.owner)"
        self.logger = logger
    }

    /// Runs until graceful shutdown (or cancellation), then releases the lease if held.
    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
    }

    private func loop() async {
        var election = LeaderElection(configuration: configuration.election, now: .now)
        var ledgerTicks: [String: Date]?
        logger.info("scheduler started", metadata: ["schedules": "\(configuration.schedules.count)"])
        while !Task.isCancelled {
            let electionDeadline = await advance(&election)
            var wake = electionDeadline
            if let token = election.leadership(at: .now) {
                if ledgerTicks == nil { ledgerTicks = await loadLedger() }
                if var ticks = ledgerTicks {
                    let fenced = await fire(token: token, election: election, ticks: &ticks)
                    ledgerTicks = ticks
                    if fenced {
                        logger.warning("a newer leader fenced us out", metadata: ["token": "\(token)"])
                        _ = election.fenced(now: .now)
                        ledgerTicks = nil
                        continue
                    }
                    wake = min(wake, nextFire(after: ticks))
                } else {
                    wake = min(wake, .now + configuration.retryDelay)
                }
            } else {
                ledgerTicks = nil
            }
            // Never sleep long on the wall clock's behalf: it may be stepped.
            try? await Task.sleep(until: min(wake, .now + .seconds(1)), clock: .continuous)
        }
        if case .release(let token) = election.shutdown() {
            do {
                try await lease.release()
                logger.info("released leadership", metadata: ["token": "\(token)"])
            } catch {
                logger.warning("could not release the lease; it will expire", metadata: ["error": "\(error)"])
            }
        }
        logger.info("scheduler stopped")
    }

    /// Performs election actions until the machine only asks to wait; returns until when.
    private func advance(_ election: inout LeaderElection) async -> ContinuousClock.Instant {
        var action = election.tick(now: .now)
        let ttl = configuration.election.leaseTTL
        while true {
            switch action {
            case .acquire:
                do {
                    switch try await lease.acquire(ttl: ttl) {
                    case .acquired(let token): action = election.acquired(token: token)
                    case .heldByAnother(let remaining): action = election.acquireRefused(remaining: remaining)
                    }
                } catch {
                    logger.warning("lease acquisition failed", metadata: ["error": "\(error)"])
                    action = election.acquireFailed(now: .now)
                }
            case .renew:
                do {
                    action = try await lease.renew(ttl: ttl) ? election.renewed() : election.renewRefused(now: .now)
                } catch {
                    logger.warning("lease renewal failed", metadata: ["error": "\(error)"])
                    action = election.renewFailed(now: .now)
                }
            case .becameLeader(let token):
                logger.notice("became leader", metadata: ["token": "\(token)"])
                Gauge(label: "aips_scheduler_leader").record(1)
                if await announce(token: token) {
                    action = election.tick(now: .now)
                } else {
                    _ = election.fenced(now: .now)
                    return .now + configuration.retryDelay
                }
            case .lostLeadership(let token):
                logger.warning("lost leadership", metadata: ["token": "\(token)"])
                Gauge(label: "aips_scheduler_leader").record(0)
                action = election.tick(now: .now)
            case .wait(let until):
                return until
            case .release, .stop:
                return .now
            }
        }
    }

    /// Raises the fence on every queue the schedules use, so a deposed leader is refused
    /// everywhere at once. Returns false when a newer leader has already been there.
    private func announce(token: UInt64) async -> Bool {
        let queues = Set(configuration.schedules.flatMap { $0.jobs.map(\.queue) })
        for name in queues.sorted() {
            do {
                try await enqueuer.queue.advanceFence(name: configuration.fenceName, token: token, queue: name)
            } catch let error as QueueError where error.code == .staleFence {
                logger.warning("a newer leader already holds the fence", metadata: ["queue": "\(name)", "token": "\(token)"])
                return false
            } catch {
                // Ticks are still fenced when enqueued and keyed uniquely; this is a tightening, not the guarantee.
                logger.warning("could not raise the fence", metadata: ["queue": "\(name)", "error": "\(error)"])
            }
        }
        return true
    }

    private func loadLedger() async -> [String: Date]? {
        do {
            return try await ledger.lastTicks()
        } catch {
            logger.warning("could not read the tick ledger", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Enqueues every due tick under `token` while `election` still believes in it;
    /// returns `true` when a newer leader fenced us out.
    private func fire(token: UInt64, election: LeaderElection, ticks: inout [String: Date]) async -> Bool {
        let fence = JobRequest.Fence(name: configuration.fenceName, token: token)
        for schedule in configuration.schedules {
            let plan = TickPlan(
                schedule: schedule, lastHandled: ticks[schedule.name], now: Date(), grace: configuration.lateTickGrace)
            guard let handledThrough = plan.handledThrough else { continue }
            if plan.skipped > 0 {
                logger.warning(
                    "missed ticks dropped", metadata: ["schedule": "\(schedule.name)", "count": "\(plan.skipped)"])
            }
            do {
                for tick in plan.ticks {
                    // Enqueueing may be slow; stop once the lease may have run out (the loop steps down).
                    guard election.leadership(at: .now) == token else { return false }
                    let results = try await enqueuer.enqueue(schedule, tick: tick, fence: fence)
                    if results.contains(where: \.created) {
                        Counter(label: "aips_scheduler_ticks_total", dimensions: [("schedule", schedule.name)]).increment()
                    }
                    logger.info(
                        "tick enqueued",
                        metadata: [
                            "schedule": "\(schedule.name)", "tick": "\(tick.formatted(.iso8601))",
                            "jobs": "\(results.map(\.id).joined(separator: ","))",
                            "new": "\(results.contains(where: \.created))",
                        ])
                }
                guard try await ledger.record(handledThrough, for: schedule.name, token: token) else { return true }
                ticks[schedule.name] = handledThrough
            } catch let error as QueueError where error.code == .staleFence {
                return true
            } catch {
                logger.error("could not enqueue tick", metadata: ["schedule": "\(schedule.name)", "error": "\(error)"])
            }
        }
        return false
    }

    /// When the earliest schedule next fires, on the continuous clock.
    private func nextFire(after ticks: [String: Date]) -> ContinuousClock.Instant {
        let now = Date()
        let next = configuration.schedules.compactMap { $0.nextFire(after: max(ticks[$0.name] ?? now, now)) }.min()
        guard let next else { return .now + .seconds(60) }
        return .now + .milliseconds(Int64(max(0, next.timeIntervalSince(now)) * 1_000) + 1)
    }
}
