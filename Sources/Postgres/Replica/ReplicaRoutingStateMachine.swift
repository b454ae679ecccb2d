/// The read routing of `PostgresReadRouter`, with no I/O: measurements and failures go in, routes come out.
///
/// It keeps a *horizon*: an instant such that every commit the primary acknowledged before it is known to be replayed
/// on the replica. A measurement reads the primary's WAL position (`pg_current_wal_lsn()`) at some instant, then the
/// replica's replayed position (`pg_last_wal_replay_lsn()`); once the replica has replayed up to a position the primary
/// had at instant `t`, the horizon moves to `t`. A read may go to the replica while `now - horizon` is within the bound.
///
/// Positions, not `now() - pg_last_xact_replay_timestamp()`: that timestamp is the last replayed commit's time, which
/// grows with no lag at all while the primary is idle, and would send every read to the primary. Positions read the
/// same whether the primary is busy or idle.
///
/// Measurements are cached: a read starts one only when the last is `checkInterval` old and none is running; reads
/// meanwhile route on what is known. Instants come from the caller, so the tests drive time by hand.
struct ReplicaRoutingStateMachine {
    /// What a read request must do.
    enum ReadAction: Equatable {
        /// Read from there now.
        case read(ReadRoute)
        /// Measure the replica first (`measurementSucceeded` or `measurementFailed`), then ask `route` again.
        case measure
    }

    /// A primary's WAL position and the instant before it was read.
    private struct Sample {
        var instant: ContinuousClock.Instant
        var position: UInt64
    }

    /// The most primary positions kept that the replica has not replayed yet; beyond it the oldest go, which only
    /// makes the horizon move later than it could (never wrongly early).
    static let maximumSamples = 16

    let maximumLag: Duration
    let checkInterval: Duration
    let retryAfterFailure: Duration

    /// Every commit acknowledged before this instant is replayed on the replica.
    private(set) var horizon: ContinuousClock.Instant?
    /// The primary's position minus the replica's at the last measurement, in bytes of WAL (0 when caught up).
    private(set) var lastLagBytes: UInt64?
    private var pending: [Sample] = []
    private var lastMeasurement: ContinuousClock.Instant?
    private(set) var isMeasuring = false
    private var failedAt: ContinuousClock.Instant?

    init(maximumLag: Duration, checkInterval: Duration, retryAfterFailure: Duration) {
        self.maximumLag = maximumLag
        self.checkInterval = checkInterval
        self.retryAfterFailure = retryAfterFailure
    }

    /// A read with `consistency` arrives at `now`.
    mutating func readRequested(_ consistency: ReadConsistency, now: ContinuousClock.Instant) -> ReadAction {
        if consistency == .primary { return .read(.primary) }
        if !isMeasuring && measurementDue(now: now) {
            isMeasuring = true
            return .measure
        }
        return .read(route(consistency, now: now))
    }

    /// Where a read with `consistency` goes at `now`, on what is known.
    func route(_ consistency: ReadConsistency, now: ContinuousClock.Instant) -> ReadRoute {
        guard let horizon, !inFailureBackoff(now: now), now - horizon <= maximumLag else { return .primary }
        switch consistency {
        case .primary: return .primary
        case .boundedStaleness: return .replica
        case .committedBefore(let instant): return horizon >= instant ? .replica : .primary
        }
    }

    /// A measurement ended: the primary was at `primaryPosition` when asked at `askedAt` (the instant *before* the
    /// question, so every commit acknowledged before it is at or below that position), and the replica had then
    /// replayed up to `replayedPosition`.
    mutating func measurementSucceeded(
        primaryPosition: UInt64, askedAt: ContinuousClock.Instant, replayedPosition: UInt64, now: ContinuousClock.Instant
    ) {
        isMeasuring = false
        lastMeasurement = now
        // A failure seen while this measurement ran is newer news than the measurement.
        if let failedAt, failedAt >= askedAt { return }
        failedAt = nil
        lastLagBytes = primaryPosition > replayedPosition ? primaryPosition - replayedPosition : 0
        pending.append(Sample(instant: askedAt, position: primaryPosition))
        if let replayed = pending.lastIndex(where: { $0.position <= replayedPosition }) {
            let instant = pending[replayed].instant
            if horizon.map({ instant > $0 }) ?? true { horizon = instant }
            pending.removeFirst(replayed + 1)
        }
        if pending.count > Self.maximumSamples { pending.removeFirst(pending.count - Self.maximumSamples) }
    }

    /// A measurement was given up because the read that ran it was cancelled: nothing was learnt.
    mutating func measurementAbandoned() {
        isMeasuring = false
    }

    /// A measurement failed: the replica (or the primary) was unreachable, or the replica is no longer a standby.
    mutating func measurementFailed(now: ContinuousClock.Instant) {
        isMeasuring = false
        lastMeasurement = now
        replicaFailed(now: now)
    }

    /// A read on the replica failed for want of a working connection: reads go to the primary until the replica
    /// is measured again after `retryAfterFailure`. What was known of it is forgotten: a replica that comes back
    /// may be another server, rebuilt from an older backup.
    mutating func replicaFailed(now: ContinuousClock.Instant) {
        failedAt = now
        horizon = nil
        lastLagBytes = nil
        pending = []
    }

    private func measurementDue(now: ContinuousClock.Instant) -> Bool {
        if inFailureBackoff(now: now) { return false }
        guard let lastMeasurement else { return true }
        return now - lastMeasurement >= checkInterval
    }

    private func inFailureBackoff(now: ContinuousClock.Instant) -> Bool {
        guard let failedAt else { return false }
        return now - failedAt < retryAfterFailure
    }
}
