/// How finished jobs are kept and archived, and how new jobs are laid out in Redis.
public struct QueueConfiguration: Sendable {
    /// How long succeeded and cancelled jobs stay readable in Redis.
    public var finishedRetention: Duration
    /// How long dead jobs stay in the dead set for inspection and retry.
    public var deadRetention: Duration
    /// Whether finished jobs are listed for the archive hook (see `JobArchiver`).
    public var archiveFinishedJobs: Bool
    /// How a new job is laid out in Redis. `.packed` by default; `aips` runs `.fields` unless told otherwise
    /// (`AIPS_QUEUE_JOB_LAYOUT`), until no process older than the layout it names is left to reserve jobs.
    public var jobHashLayout: JobHashLayout
    /// How long a queue operation waits out a move of its queue to another Redis Cluster master
    /// (`RedisQueueBackend.moveQueue`) before its caller sees the refusal. Longer than a Redis command's timeout: a
    /// move takes milliseconds on an idle cluster but seconds on a loaded one, and a producer should not fail for it.
    public var moveWait: Duration

    public init(
        finishedRetention: Duration = .seconds(24 * 3600),
        deadRetention: Duration = .seconds(30 * 24 * 3600),
        archiveFinishedJobs: Bool = false,
        jobHashLayout: JobHashLayout = .packed,
        moveWait: Duration = .seconds(60)
    ) {
        self.finishedRetention = finishedRetention
        self.deadRetention = deadRetention
        self.archiveFinishedJobs = archiveFinishedJobs
        self.jobHashLayout = jobHashLayout
        self.moveWait = moveWait
    }
}
