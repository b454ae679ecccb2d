/// The Redis key layout of the queue, in one place; stored data depends on every name here.
///
/// Each queue's keys share the hash-tagged prefix `aips:{queue}:`, so on Redis Cluster all of a queue's
/// keys live in one slot and its Lua scripts (which get `meta` as `KEYS[1]`) touch that slot only.
/// Relative to the prefix: `job:ID` (hash), `ready:P` (the list of ready job ids of priority P, 0 to 9, oldest
/// first; `queued`, a sorted set by priority × 10¹³ + ready time, held them before and is drained), `scheduled`
/// and `retry` (score = due time), `running` (score = lease expiry), `waiting` (jobs waiting for parents,
/// `deps:ID` the parents left), `succeeded`, `dead`, `cancelled` (score = finished time), `children:ID`,
/// `idem:KEY`, `meta` (pause, limits, fences, the `moving` flag), `notify` (wake-up tokens for blocked workers), `outbox`
/// (finished parents whose children must hear of it), `archive` and `archive-lock`.
///
/// Public so benches, chaos runs and tests that look at a queue's Redis data directly name its keys from here too.
public struct RedisQueueKeys: Sendable {
    /// The set of every queue that has ever had a job, for operators and lookups by id.
    public static let queueRegistry = "aips:queues"
    /// The sorted set of live workers (score = last heartbeat, ms).
    public static let workerRegistry = "aips:workers"

    /// One worker's report (a hash that expires when the worker stops beating).
    public static func worker(_ identity: String) -> String { "aips:worker:" + identity }

    /// The prefix of every key of the queue.
    public let prefix: String

    /// The keys of `queue`.
    public init(queue: String) { prefix = "aips:{\(queue)}:" }

    /// One job's hash.
    public func job(_ id: String) -> String { prefix + "job:" + id }
    /// The parents a waiting job still waits for.
    public func dependencies(_ id: String) -> String { prefix + "deps:" + id }
    /// The sorted set of jobs in `state`; ready jobs (`queued`) are in lists instead, see ``ready(priority:)``.
    public func jobs(in state: JobState) -> String {
        switch state {
        case .retrying: prefix + "retry"
        default: prefix + state.rawValue
        }
    }
    /// The list of ready jobs of `priority`, oldest first.
    public func ready(priority: Int) -> String { prefix + "ready:" + String(priority) }
    /// The queue's settings hash: pause, limits, fences, the `moving` flag.
    public var meta: String { prefix + "meta" }
    /// The list of wake-up tokens blocked workers wait on.
    public var notify: String { prefix + "notify" }
    /// The list of finished jobs' records waiting to be archived to PostgreSQL.
    public var archive: String { prefix + "archive" }
    /// The lock one archive flusher holds while it drains ``archive``.
    public var archiveLock: String { prefix + "archive-lock" }
}
