/// The Redis arrangements the integration tests run on: the single server and the cluster `scripts/test` starts.
///
/// Tests that take it as an argument run once on each, so every Lua script is shown to keep its keys in one
/// cluster slot and to behave the same on both.
public enum RedisDeployment: String, CaseIterable, Sendable, CustomStringConvertible {
    case server
    case cluster

    /// Where this deployment listens.
    public var url: String {
        switch self {
        case .server: TestServers.redisURL
        case .cluster: TestServers.redisClusterURL
        }
    }

    public var description: String { rawValue }
}
