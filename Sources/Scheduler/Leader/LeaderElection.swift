/// Leader election as a pure state machine: which lease command to send next and what
/// the answers mean, with no I/O inside (the Redis side is `LeaderLease`).
///
/// The driver calls `tick(now:)` whenever the returned `wait(until:)` deadline passes,
/// performs the returned action, and reports its outcome with the matching event
/// (`acquired`, `acquireRefused`, `renewed`, …). Leadership is believed only until
/// `sentAt + leaseTTL - safetyMargin` of the last successful acquire or renewal: the
/// server started the lease no earlier than the command was sent, so the lease in
/// Redis outlives the local belief. Fencing tokens cover what this cannot (a process
/// paused between checking and acting).
public struct LeaderElection: Sendable {
    /// Timing of the lease.
    public struct Configuration: Sendable, Equatable {
        /// How long a lease lasts without renewal; a standby takes over at most this long after the leader dies.
        public var leaseTTL: Duration
        /// How often the leader renews (default a third of the TTL, so two renewals may fail before it expires).
        public var renewInterval: Duration
        /// How often a standby tries for a lease that is held (it also tries the moment the holder's lease runs out).
        public var retryInterval: Duration
        /// Leadership is given up this long before the lease can expire in Redis, for clock-rate drift.
        public var safetyMargin: Duration

        /// A configuration for `leaseTTL` (default 10 s) with the other timings derived from it.
        public init(leaseTTL: Duration = .seconds(10)) {
            self.leaseTTL = leaseTTL
            renewInterval = leaseTTL / 3
            retryInterval = leaseTTL / 3
            safetyMargin = leaseTTL / 20
        }
    }

    /// What the driver should do next.
    public enum Action: Sendable, Equatable {
        /// Try to take the lease, then report `acquired(token:)`, `acquireRefused(remaining:)` or `acquireFailed()`.
        case acquire
        /// Extend the lease held under `token`, then report `renewed()`, `renewRefused()` or `renewFailed()`.
        case renew(token: UInt64)
        /// This process is now the leader; ticks go out fenced with `token`.
        case becameLeader(token: UInt64)
        /// This process is no longer the leader; stop enqueueing.
        case lostLeadership(token: UInt64)
        /// Delete the lease if it is still ours (on shutdown), so a standby takes over at once.
        case release(token: UInt64)
        /// Nothing to do before `until`; call `tick(now:)` then.
        case wait(until: ContinuousClock.Instant)
        /// The election is over (after `shutdown()`).
        case stop
    }

    enum State: Sendable, Equatable {
        case standby(nextAttempt: ContinuousClock.Instant)
        case acquiring(sentAt: ContinuousClock.Instant)
        case leading(token: UInt64, validUntil: ContinuousClock.Instant, nextRenewal: ContinuousClock.Instant)
        case renewing(token: UInt64, validUntil: ContinuousClock.Instant, sentAt: ContinuousClock.Instant)
        case stopped
    }

    /// The timings in use.
    public let configuration: Configuration
    private(set) var state: State

    /// A standby that will try for the lease on its first tick.
    public init(configuration: Configuration, now: ContinuousClock.Instant) {
        self.configuration = configuration
        state = .standby(nextAttempt: now)
    }

    /// The fencing token to act under at `now`, or `nil` when this process must not act as leader.
    public func leadership(at now: ContinuousClock.Instant) -> UInt64? {
        switch state {
        case .leading(let token, let validUntil, _), .renewing(let token, let validUntil, _):
            now < validUntil ? token : nil
        case .standby, .acquiring, .stopped:
            nil
        }
    }

    /// Time has passed: start an attempt or a renewal when one is due, or give up an expired lease.
    public mutating func tick(now: ContinuousClock.Instant) -> Action {
        switch state {
        case .standby(let nextAttempt):
            guard now >= nextAttempt else { return .wait(until: nextAttempt) }
            state = .acquiring(sentAt: now)
            return .acquire
        case .acquiring(let sentAt):
            // The driver reports every outcome, so this only happens if it ticks mid-request.
            return .wait(until: sentAt + configuration.leaseTTL)
        case .leading(let token, let validUntil, let nextRenewal):
            if now >= validUntil { return stepDown(token, now: now) }
            guard now >= nextRenewal else { return .wait(until: min(nextRenewal, validUntil)) }
            state = .renewing(token: token, validUntil: validUntil, sentAt: now)
            return .renew(token: token)
        case .renewing(let token, let validUntil, _):
            if now >= validUntil { return stepDown(token, now: now) }
            return .wait(until: validUntil)
        case .stopped:
            return .stop
        }
    }

    /// The lease was taken; `token` is the new fencing token.
    public mutating func acquired(token: UInt64) -> Action {
        guard case .acquiring(let sentAt) = state else { return ignored() }
        state = .leading(token: token, validUntil: validity(from: sentAt), nextRenewal: sentAt + configuration.renewInterval)
        return .becameLeader(token: token)
    }

    /// Another process holds the lease for `remaining` more; try again when it may have run out.
    public mutating func acquireRefused(remaining: Duration) -> Action {
        guard case .acquiring(let sentAt) = state else { return ignored() }
        let retry = min(configuration.retryInterval, max(remaining, .zero) + .milliseconds(1))
        state = .standby(nextAttempt: sentAt + retry)
        return .wait(until: sentAt + retry)
    }

    /// The attempt failed (Redis unreachable, timeout); try again after the retry interval.
    public mutating func acquireFailed(now: ContinuousClock.Instant) -> Action {
        guard case .acquiring = state else { return ignored() }
        state = .standby(nextAttempt: now + configuration.retryInterval)
        return .wait(until: now + configuration.retryInterval)
    }

    /// The lease was extended.
    public mutating func renewed() -> Action {
        guard case .renewing(let token, _, let sentAt) = state else { return ignored() }
        state = .leading(token: token, validUntil: validity(from: sentAt), nextRenewal: sentAt + configuration.renewInterval)
        return .wait(until: sentAt + configuration.renewInterval)
    }

    /// The lease is no longer ours (it expired and someone else took it).
    public mutating func renewRefused(now: ContinuousClock.Instant) -> Action {
        guard case .renewing(let token, _, _) = state else { return ignored() }
        return stepDown(token, now: now)
    }

    /// The renewal failed (Redis unreachable, timeout); keep leading until the lease may have expired, retrying soon.
    public mutating func renewFailed(now: ContinuousClock.Instant) -> Action {
        guard case .renewing(let token, let validUntil, _) = state else { return ignored() }
        guard now < validUntil else { return stepDown(token, now: now) }
        let retry = min(now + configuration.renewInterval / 4, validUntil)
        state = .leading(token: token, validUntil: validUntil, nextRenewal: retry)
        return .wait(until: retry)
    }

    /// Something the lease protects refused our token: a newer leader exists.
    public mutating func fenced(now: ContinuousClock.Instant) -> Action {
        switch state {
        case .leading(let token, _, _), .renewing(let token, _, _): stepDown(token, now: now)
        case .standby, .acquiring, .stopped: ignored()
        }
    }

    /// The process is shutting down: release the lease if we hold one, then stop.
    public mutating func shutdown() -> Action {
        defer { state = .stopped }
        switch state {
        case .leading(let token, _, _), .renewing(let token, _, _): return .release(token: token)
        case .standby, .acquiring, .stopped: return .stop
        }
    }

    /// An outcome that does not fit the state (reported twice, or after a step-down): keep the state.
    private func ignored() -> Action {
        switch state {
        case .standby(let nextAttempt): .wait(until: nextAttempt)
        case .acquiring(let sentAt): .wait(until: sentAt + configuration.leaseTTL)
        case .leading(_, let validUntil, let nextRenewal): .wait(until: min(validUntil, nextRenewal))
        case .renewing(_, let validUntil, _): .wait(until: validUntil)
        case .stopped: .stop
        }
    }

    private mutating func stepDown(_ token: UInt64, now: ContinuousClock.Instant) -> Action {
        state = .standby(nextAttempt: now + configuration.retryInterval)
        return .lostLeadership(token: token)
    }

    private func validity(from sentAt: ContinuousClock.Instant) -> ContinuousClock.Instant {
        sentAt + configuration.leaseTTL - configuration.safetyMargin
    }
}
