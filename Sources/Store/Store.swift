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
/// Repositories (`store.games`, `store.odds`, …) and `withJobEffect` come from `PostgresDatabase`; they run on the
/// primary. A read that tolerates data a few seconds old says so, and may read the streaming replica:
/// ```swift
/// let page = try await store.reading(.boundedStaleness).games.page(…)
/// ```
public struct Store: PostgresDatabase {
    /// The pool of the primary, which every write and every repository of this store uses.
    public let pool: PostgresConnectionPool
    /// Chooses between the primary and the replica (when configured) for `reading(_:)`.
    public let reads: PostgresReadRouter

    /// A store for `configuration`, reading from `replica` where a read allows it; connections open on first use.
    public init(configuration: PostgresConfiguration, replica: PostgresReplicaConfiguration? = nil) {
        pool = PostgresConnectionPool(configuration: configuration)
        reads = PostgresReadRouter(primary: pool, replica: replica)
    }

    /// The database for reads with `consistency`: the primary for `.primary`, else the replica while it keeps up.
    public func reading(_ consistency: ReadConsistency) async -> any PostgresDatabase {
        await reads.database(for: consistency)
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

    /// Closes the primary's and the replica's connections.
    public func shutdown() async {
        await reads.shutdown()
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
