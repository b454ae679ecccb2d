/// The Redis keys the scheduler keeps, all hash-tagged into one Cluster slot so its
/// Lua scripts may touch several at once.
public struct SchedulerKeys: Sendable, Equatable {
    /// The namespace the keys live under (default `aips:scheduler`); tests use their own.
    public let namespace: String

    /// Keys under `namespace`.
    public init(namespace: String = "aips:scheduler") {
        self.namespace = namespace
    }

    /// The lease: a string holding the leader's owner id, with a TTL.
    public var lease: String { "{\(namespace)}:leader" }
    /// The fencing counter, incremented each time a process becomes leader.
    public var fence: String { "{\(namespace)}:fence" }
    /// A hash from schedule name to the last handled tick, in Unix milliseconds.
    public var ticks: String { "{\(namespace)}:ticks" }
}
