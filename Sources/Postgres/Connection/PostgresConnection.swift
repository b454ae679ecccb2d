import Synchronization

/// One PostgreSQL connection over libpq, an actor running on its own serial executor.
///
/// Every libpq call blocks only this connection's dispatch queue, never the cooperative pool. Use a
/// connection from one task at a time (the pool guarantees it); a transaction holds it until it ends.
/// Cancelling the calling task cancels the running statement on the server (SQLSTATE 57014).
public actor PostgresConnection: PostgresDatabase {
    private let executor: ConnectionExecutor
    private var connection: LibPQConnection?
    private var preparedNames: Set<String> = []
    private var savepointDepth = 0
    /// Reachable without hopping onto the executor, which is busy while a statement runs.
    private nonisolated let canceller = Mutex<QueryCanceller?>(nil)

    /// Runs this actor's methods on the connection's own dispatch queue.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private init(executor: ConnectionExecutor) {
        self.executor = executor
    }

    /// Opens a connection to `url` (`postgres://user:password@host:port/database?sslmode=require`, or any
    /// libpq conninfo) and sets the session to UTC with ISO dates.
    public static func connect(to url: String) async throws -> PostgresConnection {
        let connection = PostgresConnection(executor: ConnectionExecutor(label: "aips.store.connection"))
        try await connection.open(url)
        return connection
    }

    private func open(_ url: String) throws {
        let connection = try LibPQConnection(conninfo: url)
        // Dates are parsed and printed in UTC ISO form; NOTICEs (IF NOT EXISTS, …) would only go to stderr.
        try connection.executeScript(
            "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET client_min_messages = 'warning'")
        self.connection = connection
        canceller.withLock { $0 = connection.canceller }
    }

    /// The libpq connection, or `connectionClosed` after `close()`.
    private func handle() throws -> LibPQConnection {
        guard let connection else {
            throw StoreError(.connectionClosed, message: "the connection was closed")
        }
        return connection
    }

    public nonisolated func query(_ query: PostgresQuery) async throws -> PostgresResult {
        try await cancellable { try await $0.run(query) }
    }

    public nonisolated func execute(_ statement: PreparedStatement, binds: [PostgresBind]) async throws -> PostgresResult {
        try await cancellable { try await $0.run(statement, binds: binds) }
    }

    public nonisolated func copy(_ rows: PostgresCopyBuffer, using statement: String) async throws -> Int {
        try await cancellable { try await $0.run(copy: rows, using: statement) }
    }

    /// Runs `call` on the executor; if the calling task is cancelled meanwhile, asks the server to cancel.
    private nonisolated func cancellable<T: Sendable>(_ call: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let canceller = canceller.withLock { $0 }
        return try await withTaskCancellationHandler {
            try await call(self)
        } onCancel: {
            canceller?.cancelRunningStatement()
        }
    }

    private func run(_ query: PostgresQuery) throws -> PostgresResult {
        try handle().execute(query.sql, binds: query.binds)
    }

    private func run(_ statement: PreparedStatement, binds: [PostgresBind]) throws -> PostgresResult {
        let connection = try handle()
        if !preparedNames.contains(statement.name) {
            try connection.prepare(name: statement.name, sql: statement.sql)
            preparedNames.insert(statement.name)
        }
        do {
            return try connection.executePrepared(name: statement.name, sql: statement.sql, binds: binds)
        } catch let error as StoreError where error.sqlState == "0A000" && connection.isIdle {
            // "cached plan must not change result type": a migration changed a table under a prepared
            // `SELECT *`. Outside a transaction it is safe to prepare again and retry once.
            _ = try connection.execute("DEALLOCATE \(statement.name)", binds: [])
            try connection.prepare(name: statement.name, sql: statement.sql)
            return try connection.executePrepared(name: statement.name, sql: statement.sql, binds: binds)
        }
    }

    private func run(copy rows: PostgresCopyBuffer, using statement: String) throws -> Int {
        try handle().copyIn(statement: statement, data: rows.bytes)
    }

    /// Runs trusted, parameterless SQL that may contain several statements (migrations only).
    public func executeScript(_ sql: String) throws {
        try handle().executeScript(sql)
    }

    /// The server's version number (`150018` for PostgreSQL 15.18).
    public func serverVersion() throws -> Int {
        try handle().serverVersion
    }

    /// True when the connection is up and outside any transaction, so a pool may hand it out again.
    public var isReusable: Bool {
        connection?.isIdle ?? false
    }

    /// True when the connection is open and its server has not closed it (see `LibPQConnection.isAlive`): the pool
    /// asks before it hands out an idle connection, so one left over from a server that went away (a restart, a
    /// failover) is replaced instead of failing its next statement.
    public var isAlive: Bool {
        connection?.isAlive ?? false
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// Inside another transaction on this connection it runs in a savepoint instead, so a repository
    /// method that needs atomicity composes with a caller's transaction.
    public func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let savepoint = try await begin()
        let value: T
        do {
            value = try await body(self)
        } catch {
            // A failed rollback leaves the connection in a transaction; the pool then discards it.
            try? await rollback(savepoint)
            throw error
        }
        try await commit(savepoint)
        return value
    }

    /// Opens a transaction, or a savepoint (whose name it returns) when one is already open.
    private func begin() throws -> String? {
        let connection = try handle()
        if connection.isIdle {
            _ = try connection.execute("BEGIN", binds: [])
            return nil
        }
        savepointDepth += 1
        let name = "aips_savepoint_\(savepointDepth)"
        _ = try connection.execute("SAVEPOINT \(name)", binds: [])
        return name
    }

    private func rollback(_ savepoint: String?) throws {
        let connection = try handle()
        guard let savepoint else {
            _ = try connection.execute("ROLLBACK", binds: [])
            return
        }
        savepointDepth -= 1
        _ = try connection.execute("ROLLBACK TO SAVEPOINT \(savepoint)", binds: [])
        _ = try connection.execute("RELEASE SAVEPOINT \(savepoint)", binds: [])
    }

    private func commit(_ savepoint: String?) throws {
        let connection = try handle()
        if let savepoint {
            savepointDepth -= 1
            // Fails with SQLSTATE 25P02 if the body swallowed an error, which is what the caller must see.
            _ = try connection.execute("RELEASE SAVEPOINT \(savepoint)", binds: [])
            return
        }
        if connection.isInFailedTransaction {
            // The server would answer COMMIT with a silent ROLLBACK; say so instead.
            _ = try connection.execute("ROLLBACK", binds: [])
            throw StoreError(.server, message: "the transaction was aborted by an earlier error and has been rolled back")
        }
        _ = try connection.execute("COMMIT", binds: [])
    }

    /// Closes the connection; later calls throw `connectionClosed`.
    public func close() {
        connection = nil
        canceller.withLock { $0 = nil }
        preparedNames.removeAll()
        savepointDepth = 0
    }
}
