/// One parameter value as it is sent to PostgreSQL.
public enum PostgresBind: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A value in PostgreSQL's text input format.
    case text(String)
    /// Raw bytes sent in binary format (used for `bytea`).
    case bytes([UInt8])
}
