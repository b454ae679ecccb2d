import Logging
import Postgres

/// The platform's system of record: a connection pool to PostgreSQL with the platform's repositories.
///
/// ```swift
/// let store = Store(configuration: PostgresConfiguration(url: databaseURL))
/// try await store.migrate(logger: logger)
/// let outcome = try await store.withJobEffect(jobID: job.id) { tx in try await tx.odds.insert(snapshots) }
/// try await store.jobRuns.write(finishedJobs)
/// await store.shutdown()
/// ```
/// Repositories (`store.games`, `store.odds`, …) and `withJobEffect` come from `PostgresDatabase`.
public struct Store: PostgresDatabase {
    /// The pool every repository of this store uses.
    public let pool: PostgresConnectionPool

    /// A store for `configuration`; connections open on first use.
    public init(configuration: PostgresConfiguration) {
        pool = PostgresConnectionPool(configuration: configuration)
    }

    /// A migrator for the platform's migrations on this database.
    public func migrator(logger: Logger) -> Migrator {
        Migrator(pool: pool, logger: logger)
    }

    /// Applies every pending platform migration; returns the ones applied.
    @discardableResult
    public func migrate(logger: Logger) async throws -> [Migration] {
        try await migrator(logger: logger).up()
    }

    /// Closes the pool's connections.
    public func shutdown() async {
        await pool.shutdown()
    }

    public func query(_ query: PostgresQuery) async throws -> PostgresResult {
        try await pool.query(query)
    }

    public func execute(_ statement: PreparedStatement, binds: [PostgresBind]) async throws -> PostgresResult {
        try await pool.execute(statement, binds: binds)
    }

    public func copy(_ rows: PostgresCopyBuffer, using statement: String) async throws -> Int {
        try await pool.copy(rows, using: statement)
    }

    public func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await pool.withTransaction(body)
    }
}
