/// How the store reaches PostgreSQL.
public struct PostgresConfiguration: Sendable {
    /// A `postgres://` or `postgresql://` URL (with `sslmode=disable|prefer|require|verify-full` as a query
    /// parameter), or any libpq conninfo string; libpq parses it.
    public var url: String
    /// The most connections the pool opens at once. Default 8.
    public var maximumConnections: Int

    /// A configuration for `url`.
    public init(url: String, maximumConnections: Int = 8) {
        self.url = url
        self.maximumConnections = max(1, maximumConnections)
    }
}
