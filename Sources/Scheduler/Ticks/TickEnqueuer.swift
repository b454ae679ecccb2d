import Foundation
import Queue

/// Turns one tick of a schedule into jobs on the queue.
public struct TickEnqueuer: Sendable {
    let queue: JobQueue

    /// An enqueuer writing to `queue`.
    public init(queue: JobQueue) {
        self.queue = queue
    }

    /// The idempotency key of `schedule`'s tick at `tick`: `schedule:<name>:<UTC time>`.
    public static func key(schedule: String, tick: Date) -> String {
        "schedule:\(schedule):\(tick.formatted(.iso8601))"
    }

    /// Enqueues the jobs of `schedule` for its tick at `tick`, fenced by `fence`.
    ///
    /// Each job carries the tick's idempotency key (suffixed with `:<step>` in a flow), so
    /// enqueueing the same tick again, from this or any other leader, returns the jobs of
    /// the first time. Steps are enqueued in order so that a step's parents are the ids the
    /// queue actually holds, even when some were enqueued before a failover.
    @discardableResult
    public func enqueue(_ schedule: Schedule, tick: Date, fence: JobRequest.Fence?) async throws -> [EnqueueResult] {
        try await enqueue(schedule, key: Self.key(schedule: schedule.name, tick: tick), fence: fence)
    }

    /// Enqueues the jobs of `schedule` now, outside its cron (`aips schedule trigger`), unfenced,
    /// under the key `schedule:<name>:manual:<time>`.
    @discardableResult
    public func trigger(_ schedule: Schedule, at date: Date = Date()) async throws -> [EnqueueResult] {
        let time = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        return try await enqueue(schedule, key: "schedule:\(schedule.name):manual:\(time)", fence: nil)
    }

    private func enqueue(_ schedule: Schedule, key: String, fence: JobRequest.Fence?) async throws -> [EnqueueResult] {
        var ids: [String: String] = [:]
        var results: [EnqueueResult] = []
        for job in schedule.jobs {
            let request = JobRequest(
                type: job.type, queue: job.queue, payload: job.payload, priority: job.priority,
                maxAttempts: job.maxAttempts, timeout: job.timeout,
                idempotencyKey: schedule.jobs.count == 1 ? key : "\(key):\(job.step)",
                dependsOn: job.after.compactMap { ids[$0] }, fence: fence)
            let result = try await queue.enqueue(request)
            ids[job.step] = result.id
            results.append(result)
        }
        return results
    }
}
