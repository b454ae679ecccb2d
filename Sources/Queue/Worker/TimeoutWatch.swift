import Synchronization

/// Stops jobs that outrun their timeout, with one task for every running job.
///
/// A sleeping task per job cost a timer that outlived the job: a cancelled `Task.sleep` leaves its wake-up
/// scheduled until the deadline passes (half an hour by default), so a busy worker piled up hundreds of
/// thousands of them. Here a job is an entry in a table; `run()` sleeps until the earliest deadline.
final class TimeoutWatch: Sendable {
    private struct State {
        var deadlines: [ObjectIdentifier: (deadline: ContinuousClock.Instant, entry: RunningJob)] = [:]
        /// When `run()` next looks; nil while it waits for the first job.
        var nextCheck: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let wakeup = Wakeup()

    /// Fires `.timedOut` on `entry` at `deadline` unless ``unwatch(_:)`` comes first.
    func watch(_ entry: RunningJob, until deadline: ContinuousClock.Instant) {
        let sooner = state.withLock { state -> Bool in
            state.deadlines[ObjectIdentifier(entry)] = (deadline, entry)
            guard state.nextCheck.map({ deadline < $0 }) ?? true else { return false }
            state.nextCheck = deadline
            return true
        }
        // Only a deadline sooner than the one `run()` sleeps toward needs to wake it.
        if sooner { wakeup.signal() }
    }

    /// Forgets a job that has ended.
    func unwatch(_ entry: RunningJob) {
        _ = state.withLock { $0.deadlines.removeValue(forKey: ObjectIdentifier(entry)) }
    }

    /// Fires the timeouts as they fall due, until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            let now = ContinuousClock.now
            let (expired, next) = state.withLock { state -> ([(ContinuousClock.Instant, RunningJob)], ContinuousClock.Instant?) in
                var expired: [(ContinuousClock.Instant, RunningJob)] = []
                var next: ContinuousClock.Instant?
                for (key, watched) in state.deadlines {
                    if watched.deadline <= now {
                        expired.append(watched)
                        state.deadlines[key] = nil
                    } else if next.map({ watched.deadline < $0 }) ?? true {
                        next = watched.deadline
                    }
                }
                state.nextCheck = next
                return (expired, next)
            }
            for (_, entry) in expired { entry.stop.fire(.timedOut(entry.job.timeout)) }
            // With nothing to watch, a new job's `watch` wakes this (its deadline is the soonest).
            await wakeup.wait(timeout: next.map { $0 - now } ?? .seconds(3600))
        }
    }
}
