/// Where `PostgresReadRouter` sends a read.
public enum ReadRoute: Sendable, Equatable {
    /// The primary.
    case primary
    /// The streaming replica.
    case replica
}
