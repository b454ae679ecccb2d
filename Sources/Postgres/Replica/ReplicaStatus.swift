/// What a `PostgresReadRouter` knows of its replica, as of its last measurement.
public struct ReplicaStatus: Sendable, Equatable {
    /// True when a `.boundedStaleness` read would go to the replica now.
    public var isReadable: Bool
    /// How old the newest commit is that may not be replayed on the replica yet; `nil` before the first
    /// measurement and after a failure.
    public var staleness: Duration?
    /// How many bytes of WAL the replica had still to replay at the last measurement.
    public var lagBytes: UInt64?
}
