/// Something that runs statements: one `PostgresConnection` (inside a transaction, say) or a pool.
///
/// Repositories are written against this protocol, so the same code writes through the pool or
/// inside a job's effectively-once transaction.
public protocol PostgresDatabase: Sendable {
    /// Runs one parameterized statement.
    func query(_ query: PostgresQuery) async throws -> PostgresResult
    /// Runs a prepared statement, preparing it on the connection first if needed.
    func execute(_ statement: PreparedStatement, binds: [PostgresBind]) async throws -> PostgresResult
    /// Bulk-loads `rows` with `statement`, a `COPY … FROM STDIN`; returns the rows copied.
    func copy(_ rows: PostgresCopyBuffer, using statement: String) async throws -> Int
}

extension PostgresDatabase {
    /// Runs a prepared statement with `values` as its parameters.
    public func execute(_ statement: PreparedStatement, _ values: any PostgresEncodable...) async throws -> PostgresResult {
        try await execute(statement, binds: values.map(\.postgresBind))
    }
}
