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
    /// Runs `body` in a transaction (a savepoint if one is already open): commits on return, rolls back on throw.
    func withTransaction<T>(
        isolation: isolated (any Actor)?, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T
}

extension PostgresDatabase {
    /// Runs a prepared statement with `values` as its parameters.
    public func execute(_ statement: PreparedStatement, _ values: any PostgresEncodable...) async throws -> PostgresResult {
        try await execute(statement, binds: values.map(\.postgresBind))
    }
}
