import Foundation

/// A named cron schedule: when it fires, in which time zone, and the jobs each tick enqueues.
public struct Schedule: Sendable, Equatable {
    /// Unique among schedules; part of every tick's idempotency key.
    public var name: String
    /// When it fires.
    public var cron: CronExpression
    /// The zone the cron fields are read in.
    public var timeZone: TimeZone
    /// The jobs of one tick, in enqueue order; `after` may only name earlier steps.
    public var jobs: [ScheduledJob]
    /// What happens to ticks missed while there was no leader.
    public var missedTicks: MissedTickPolicy

    /// A schedule; `jobs` must be non-empty with distinct steps whose `after` names earlier steps.
    public init(
        name: String,
        cron: CronExpression,
        timeZone: TimeZone = .gmt,
        jobs: [ScheduledJob],
        missedTicks: MissedTickPolicy = .skip
    ) {
        self.name = name
        self.cron = cron
        self.timeZone = timeZone
        self.jobs = jobs
        self.missedTicks = missedTicks
    }

    /// The first tick strictly after `date`.
    public func nextFire(after date: Date) -> Date? {
        cron.nextFire(after: date, in: timeZone)
    }

    /// Why the job list cannot be enqueued as a flow, or `nil` when it can.
    public var flowProblem: String? {
        guard !jobs.isEmpty else { return "it has no jobs" }
        var earlier: Set<String> = []
        for job in jobs {
            guard !earlier.contains(job.step) else { return "step '\(job.step)' appears twice" }
            for parent in job.after where !earlier.contains(parent) {
                return "step '\(job.step)' waits for '\(parent)', which is not an earlier step"
            }
            earlier.insert(job.step)
        }
        return nil
    }
}
