import Synchronization

/// A job this worker is running: its lease and the signal that stops it early.
final class RunningJob: Sendable {
    let job: ReservedJob
    let stop = StopSignal()
    private let lastExtension = Mutex<ContinuousClock.Instant>(.now)

    init(job: ReservedJob) { self.job = job }

    func extended(at instant: ContinuousClock.Instant) { lastExtension.withLock { $0 = instant } }

    /// Whether the lease has run out since the last successful heartbeat.
    func leaseExpired(lease: Duration) -> Bool {
        lastExtension.withLock { ContinuousClock.now - $0 >= lease }
    }
}

/// Fires once with the reason a job must stop; waiters hear it, later waiters at once.
final class StopSignal: Sendable {
    private struct State {
        var reason: StopReason?
        var waiters: [CheckedContinuation<StopReason, Never>] = []
        var closed = false
    }

    private let state = Mutex(State())

    func fire(_ reason: StopReason) {
        let waiters = state.withLock { state -> [CheckedContinuation<StopReason, Never>] in
            guard state.reason == nil else { return [] }
            state.reason = reason
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: reason) }
    }

    func wait() async -> StopReason {
        await withCheckedContinuation { continuation in
            let immediate = state.withLock { state -> StopReason? in
                if let reason = state.reason { return reason }
                if state.closed { return .draining }
                state.waiters.append(continuation)
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    /// Releases waiters once the job is over (their answer is ignored).
    func cancelWaiters() {
        let waiters = state.withLock { state -> [CheckedContinuation<StopReason, Never>] in
            state.closed = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: .draining) }
    }
}

/// Whether the worker is idle: its listeners wait for wake-ups only then, so a busy
/// worker does not take wake-up tokens an idle one needs.
final class IdleGate: Sendable {
    private struct State {
        var idle = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func set(_ idle: Bool) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.idle = idle
            guard idle else { return [] }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func waitUntilIdle() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    if state.idle || Task.isCancelled { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                defer { state.waiters.removeAll() }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }
}

/// The batched acks and failures of one queue.
struct QueueBatchers: Sendable {
    let complete: Batcher<JobCompletion, Bool>
    let fail: Batcher<JobFailure, JobState?>

    init(backend: any QueueBackend, name: String) {
        complete = Batcher { try await backend.complete($0, queue: name) }
        fail = Batcher { try await backend.fail($0, queue: name) }
    }
}
