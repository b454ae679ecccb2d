import Foundation
import Queue

/// Reads the ops overview from the queue: only reads, through the queue's operator calls
/// (`stats`, `limits`, `list`) and the worker directory.
struct OpsOverviewReader: Sendable {
    let queue: JobQueue
    /// The most failing and the most dead jobs the overview lists (newest failures first).
    let recentFailures: Int
    /// The most running jobs read per queue to show what each worker runs.
    let runningJobsPerQueue: Int

    func read() async throws -> OpsOverview {
        let names = try await queue.queues()
        var summaries: [OpsOverview.QueueSummary] = []
        var running: [JobRecord] = []
        var failing: [OpsOverview.FailedJob] = []
        var dead: [OpsOverview.FailedJob] = []
        for name in names {
            let stats = try await queue.stats(queue: name)
            let limits = try await queue.limits(queue: name)
            summaries.append(OpsOverview.QueueSummary(
                name: name, paused: stats.paused,
                counts: QueueView.counts(stats),
                pending: stats.pending, concurrencyLimit: limits.concurrency, rateLimit: limits.rate,
                rateLimitPeriodSeconds: limits.ratePeriod.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }))
            // Sets that are empty cost no further round trip; the page's lists are cut to
            // `recentFailures` anyway, so no queue needs to contribute more than that.
            if (stats.counts[.running] ?? 0) > 0 {
                running += try await queue.list(queue: name, state: .running, limit: runningJobsPerQueue)
            }
            if (stats.counts[.retrying] ?? 0) > 0 {
                failing += try await recentlyFailed(queue: name, state: .retrying)
            }
            if (stats.counts[.dead] ?? 0) > 0 {
                dead += try await recentlyFailed(queue: name, state: .dead)
            }
        }
        let now = Date()
        let workers = try await WorkerDirectory(backend: queue.backend).live().map { entry in
            OpsOverview.WorkerSummary(
                id: entry.identity, host: entry.host, pid: entry.pid,
                queues: entry.queues.split(separator: ",").map { String($0.split(separator: "=").first ?? $0) },
                concurrency: entry.concurrency, busy: entry.busy, processed: entry.processed, draining: entry.draining,
                lastHeartbeatAt: entry.lastBeat, heartbeatAgeSeconds: max(0, now.timeIntervalSince(entry.lastBeat)),
                runningJobs: running.filter { $0.worker == entry.identity }.map {
                    OpsOverview.RunningJob(id: $0.id, type: $0.type, queue: $0.queue, attempt: $0.attempt, startedAt: $0.startedAt)
                })
        }
        return OpsOverview(
            generatedAt: now, queues: summaries, workers: workers,
            failing: Array(failing.sorted { $0.failedAt > $1.failedAt }.prefix(recentFailures)),
            dead: Array(dead.sorted { $0.failedAt > $1.failedAt }.prefix(recentFailures)))
    }

    /// Up to `recentFailures` failed jobs of one queue in `state`.
    ///
    /// Dead jobs come newest first from the queue itself. The retry set is ordered by the next
    /// attempt, not by the failure, so for retrying jobs these are the ones due soonest; the
    /// caller sorts by failure time. Reading the whole retry set instead would make every poll
    /// cost as much as the backlog is long.
    private func recentlyFailed(queue name: String, state: JobState) async throws -> [OpsOverview.FailedJob] {
        let records = try await queue.list(queue: name, state: state, limit: recentFailures)
        return records.map { record in
            let last = record.errors.last
            return OpsOverview.FailedJob(
                id: record.id, queue: record.queue, type: record.type, state: record.state.rawValue, attempt: record.attempt,
                maxAttempts: record.maxAttempts, errorKind: last?.kind ?? "unknown", errorMessage: last?.message ?? "",
                failedAt: last?.date ?? record.finishedAt ?? record.createdAt,
                nextAttemptAt: state == .retrying ? record.runAt : nil)
        }
    }
}
