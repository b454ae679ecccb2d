/// Where a streaming replica is and how far behind the primary it may be read.
public struct PostgresReplicaConfiguration: Sendable {
    /// The replica's URL or conninfo (a hot standby). Put libpq's `connect_timeout` in it: an unreachable replica
    /// then costs a read that many seconds once, before the router turns to the primary.
    public var url: String
    /// The most connections the replica's pool opens at once. Default 8.
    public var maximumConnections: Int
    /// The most the replica's data may trail the primary's and still be read: the age of the newest commit that is
    /// possibly not yet replayed there. Default 5 seconds.
    public var maximumLag: Duration
    /// How long one measurement of the replica's position serves before the next read measures again. Kept below
    /// `maximumLag` (a measurement ages while it serves). Default 1 second.
    public var lagCheckInterval: Duration
    /// How long reads stay on the primary after the replica failed (unreachable, or no longer a standby) before it
    /// is measured again. Default 5 seconds.
    public var retryAfterFailure: Duration

    /// A configuration for `url`; every other parameter has the documented default.
    public init(
        url: String, maximumConnections: Int = 8, maximumLag: Duration = .seconds(5), lagCheckInterval: Duration = .seconds(1),
        retryAfterFailure: Duration = .seconds(5)
    ) {
        self.url = url
        self.maximumConnections = max(1, maximumConnections)
        self.maximumLag = max(.zero, maximumLag)
        self.lagCheckInterval = min(max(.zero, lagCheckInterval), self.maximumLag / 2)
        self.retryAfterFailure = max(.zero, retryAfterFailure)
    }
}
