import Foundation

/// Everything the ops page shows, as `GET /api/v1/ops/overview` answers it: every queue's
/// depth, pause flag and limits, the live workers and what they run, and the most recent
/// failing (retrying) and dead jobs with their last error.
struct OpsOverview: Encodable, Sendable {
    /// One queue: its counts per state, whether it is paused, and its shared limits.
    struct QueueSummary: Encodable, Sendable {
        var name: String
        var paused: Bool
        /// Every state, zeros included, so the page's columns never shift.
        var counts: [String: Int]
        var pending: Int
        /// Running jobs across all workers; `nil` is no limit.
        var concurrencyLimit: Int?
        /// Starts per `rateLimitPeriodSeconds`; `nil` is no limit.
        var rateLimit: Int?
        var rateLimitPeriodSeconds: Double?
    }

    /// A job a worker holds right now.
    struct RunningJob: Encodable, Sendable {
        var id: String
        var type: String
        var queue: String
        var attempt: Int
        var startedAt: Date?
    }

    /// One live worker as its last heartbeat reported it.
    struct WorkerSummary: Encodable, Sendable {
        var id: String
        var host: String
        var pid: Int
        var queues: [String]
        var concurrency: Int
        var busy: Int
        var processed: Int
        var draining: Bool
        var lastHeartbeatAt: Date
        /// Seconds between the last heartbeat and `generated_at` (the server's clock, not the browser's).
        var heartbeatAgeSeconds: Double
        var runningJobs: [RunningJob]
    }

    /// A job that failed its last attempt: retrying after a backoff, or dead.
    struct FailedJob: Encodable, Sendable {
        var id: String
        var queue: String
        var type: String
        var state: String
        var attempt: Int
        var maxAttempts: Int
        var errorKind: String
        var errorMessage: String
        var failedAt: Date
        /// When a retrying job runs again; `nil` for dead jobs.
        var nextAttemptAt: Date?
    }

    var generatedAt: Date
    var queues: [QueueSummary]
    var workers: [WorkerSummary]
    /// Retrying jobs (per queue, those due soonest), most recent failure first.
    var failing: [FailedJob]
    /// Dead jobs, most recent failure first.
    var dead: [FailedJob]
}
