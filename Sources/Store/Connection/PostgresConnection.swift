/// One PostgreSQL connection over libpq, an actor running on its own serial executor.
///
/// Every libpq call blocks only this connection's dispatch queue, never the cooperative pool. Use a
/// connection from one task at a time (the pool guarantees it); a transaction holds it until it ends.
public actor PostgresConnection: PostgresDatabase {
    private let executor: ConnectionExecutor
    private var connection: LibPQConnection?
    private var preparedNames: Set<String> = []

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
        try connection.executeScript("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'")
        self.connection = connection
    }

    private func open() throws -> LibPQConnection {
        guard let connection else {
            throw StoreError(.connectionClosed, message: "the connection was closed")
        }
        return connection
    }

    public func query(_ query: PostgresQuery) throws -> PostgresResult {
        try open().execute(query.sql, binds: query.binds)
    }

    public func execute(_ statement: PreparedStatement, binds: [PostgresBind]) throws -> PostgresResult {
        let connection = try open()
        if !preparedNames.contains(statement.name) {
            try connection.prepare(name: statement.name, sql: statement.sql)
            preparedNames.insert(statement.name)
        }
        return try connection.executePrepared(name: statement.name, sql: statement.sql, binds: binds)
    }

    public func copy(_ rows: PostgresCopyBuffer, using statement: String) throws -> Int {
        try open().copyIn(statement: statement, data: rows.bytes)
    }

    /// Runs trusted, parameterless SQL that may contain several statements (migrations only).
    public func executeScript(_ sql: String) throws {
        try open().executeScript(sql)
    }

    /// The server's version number (`150018` for PostgreSQL 15.18).
    public func serverVersion() throws -> Int {
        try open().serverVersion
    }

    /// True when the connection is up and outside any transaction, so a pool may hand it out again.
    public var isReusable: Bool {
        connection?.isIdle ?? false
    }

    private var isInFailedTransaction: Bool {
        connection?.isInFailedTransaction ?? false
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    public func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        _ = try await query("BEGIN")
        let value: T
        do {
            value = try await body(self)
        } catch {
            // A failed rollback leaves the connection in a transaction; the pool then discards it.
            _ = try? await query("ROLLBACK")
            throw error
        }
        if await isInFailedTransaction {
            // The server would answer COMMIT with ROLLBACK silently; say so instead.
            _ = try? await query("ROLLBACK")
            throw StoreError(.server, message: "the transaction was aborted by an earlier error and has been rolled back")
        }
        _ = try await query("COMMIT")
        return value
    }

    /// Closes the connection; later calls throw `connectionClosed`.
    public func close() {
        connection = nil
        preparedNames.removeAll()
    }
}
