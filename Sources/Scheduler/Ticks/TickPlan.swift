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
    /// Due ticks are those after `lastHandled` and at or before `now`. With no record
    /// (a schedule never run before), ticks older than `grace` are not due: a new
    /// schedule starts now rather than replaying history. The policy then picks: `skip`
    /// keeps the latest due tick if it is late by at most `grace`; `catchUp(limit:)`
    /// keeps the latest `limit`. At most `scanLimit` due ticks are walked, so a
    /// seconds-level schedule after a long outage costs bounded work.
    public init(schedule: Schedule, lastHandled: Date?, now: Date, grace: Duration, scanLimit: Int = 100_000) {
        let graceSeconds = TimeInterval(grace.components.seconds) + TimeInterval(grace.components.attoseconds) / 1e18
        var cursor = lastHandled ?? now.addingTimeInterval(-graceSeconds - 1)
        let keep =
            switch schedule.missedTicks {
            case .skip: 1
            case .catchUp(let limit): limit
            }
        var latest: [Date] = []
        var due = 0
        while due < scanLimit, let next = schedule.nextFire(after: cursor), next <= now {
            if lastHandled != nil || now.timeIntervalSince(next) <= graceSeconds {
                due += 1
                latest.append(next)
                if latest.count > keep { latest.removeFirst() }
            }
            cursor = next
        }
        if case .skip = schedule.missedTicks, let last = latest.last, now.timeIntervalSince(last) > graceSeconds {
            latest = []
        }
        ticks = latest
        skipped = due - latest.count
        handledThrough = due > 0 ? cursor : nil
    }
}
