/// How finished jobs are kept and archived.
public struct QueueConfiguration: Sendable {
    /// How long succeeded and cancelled jobs stay readable in Redis.
    public var finishedRetention: Duration
    /// How long dead jobs stay in the dead set for inspection and retry.
    public var deadRetention: Duration
    /// Whether finished jobs are listed for the archive hook (see `JobArchiver`).
    public var archiveFinishedJobs: Bool

    public init(
        finishedRetention: Duration = .seconds(24 * 3600),
        deadRetention: Duration = .seconds(30 * 24 * 3600),
        archiveFinishedJobs: Bool = false
    ) {
        self.finishedRetention = finishedRetention
        self.deadRetention = deadRetention
        self.archiveFinishedJobs = archiveFinishedJobs
    }
}
