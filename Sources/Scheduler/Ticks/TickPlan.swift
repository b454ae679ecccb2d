import Foundation

/// Which ticks of one schedule to enqueue now, given the last one handled.
public struct TickPlan: Sendable, Equatable {
    /// Ticks to enqueue, oldest first.
    public var ticks: [Date]
    /// How many due ticks the missed-tick policy dropped.
    public var skipped: Int
    /// The latest due tick (enqueued or dropped): the new "last handled" once `ticks` are enqueued.
    public var handledThrough: Date?

    /// The plan for `schedule` at `now`.
    ///
    /// Due ticks are those after `lastHandled` and at or before `now`; the policy picks
    /// among them: `skip` keeps the latest if it is late by at most `grace`,
    /// `catchUp(limit:)` keeps the latest `limit`. A schedule with no record yet starts
    /// now instead of replaying history: only its latest tick within `grace` is due. At
    /// most `scanLimit` due ticks are walked per plan, so a seconds-level schedule after a
    /// long outage costs bounded work (the rest are planned next time).
    public init(schedule: Schedule, lastHandled: Date?, now: Date, grace: Duration, scanLimit: Int = 100_000) {
        let graceSeconds = TimeInterval(grace.components.seconds) + TimeInterval(grace.components.attoseconds) / 1e18
        let keep =
            switch (lastHandled, schedule.missedTicks) {
            case (nil, _), (_, .skip): 1
            case (_, .catchUp(let limit)): limit
            }
        var cursor = lastHandled ?? now.addingTimeInterval(-graceSeconds)
        var latest: [Date] = []
        var due = 0
        while due < scanLimit, let next = schedule.nextFire(after: cursor), next <= now {
            due += 1
            latest.append(next)
            if latest.count > keep { latest.removeFirst() }
            cursor = next
        }
        if lastHandled == nil {
            due = latest.count
        } else if case .skip = schedule.missedTicks, let last = latest.last, now.timeIntervalSince(last) > graceSeconds {
            latest = []
        }
        ticks = latest
        skipped = due - latest.count
        handledThrough = due > 0 ? cursor : nil
    }
}
