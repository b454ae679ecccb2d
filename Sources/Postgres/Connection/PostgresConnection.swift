import Synchronization

/// One PostgreSQL connection over libpq, an actor running on its own serial executor.
///
/// Every libpq call blocks only this connection's dispatch queue, never the cooperative pool. Use a
/// connection from one task at a time (the pool guarantees it); a transaction holds it until it ends.
/// Cancelling the calling task cancels the running statement on the server (SQLSTATE 57014).
/// Its lifecycle (connecting, ready inside or outside a transaction, running, COPY, broken, closed) is a
/// `PostgresConnectionStateMachine`: each libpq call is an event reported to it, and it decides what runs.
public actor PostgresConnection: PostgresDatabase {
    private let executor: ConnectionExecutor
    private var connection: LibPQConnection?
    private var machine = PostgresConnectionStateMachine()
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
        let conninfo: String
        switch machine.connectRequested(to: url) {
        case .openConnection(let url): conninfo = url
        case .fail(let error): throw error
        }
        let connection: LibPQConnection
        do {
            connection = try LibPQConnection(conninfo: conninfo)
            switch machine.connectionOpened() {
            case .setUpSession(let script): try connection.executeScript(script)
            case .fail(let error): throw error
            }
        } catch {
            // A connection whose session could not be set up is freed as it goes out of scope.
            throw machine.connectFailed(error)
        }
        machine.sessionReady()
        self.connection = connection
        canceller.withLock { $0 = connection.canceller }
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

    /// Runs one libpq call as a statement of the machine: refused when the machine says so (closed, or the
    /// connection lost), and the connection's status after it reported either way.
    private func perform<T>(_ statement: String, _ call: (LibPQConnection) throws -> T) throws -> T {
        switch machine.statementRequested(statement) {
        case .run: break
        case .fail(let error): throw error
        }
        guard let connection else { preconditionFailure("the state machine ran a statement with no connection") }
        defer { finished(connection) }
        return try call(connection)
    }

    /// Reports the status after a statement, and closes the connection if a `close` came while it ran.
    private func finished(_ connection: LibPQConnection) {
        if machine.statementFinished(connection.status) == .closeConnection { dropConnection() }
    }

    private func run(_ query: PostgresQuery) throws -> PostgresResult {
        try perform(query.sql) { try $0.execute(query.sql, binds: query.binds) }
    }

    private func run(_ statement: PreparedStatement, binds: [PostgresBind]) throws -> PostgresResult {
        if machine.preparedStatementRequested(statement.name) == .prepareThenExecute {
            try perform(statement.sql) { try $0.prepare(name: statement.name, sql: statement.sql) }
            machine.statementPrepared(statement.name)
        }
        do {
            return try perform(statement.sql) { try $0.executePrepared(name: statement.name, sql: statement.sql, binds: binds) }
        } catch let error as StoreError {
            guard case .reprepareAndRetry(let deallocate) = machine.preparedStatementFailed(statement.name, error: error) else {
                throw error
            }
            _ = try perform(deallocate) { try $0.execute(deallocate, binds: []) }
            try perform(statement.sql) { try $0.prepare(name: statement.name, sql: statement.sql) }
            return try perform(statement.sql) { try $0.executePrepared(name: statement.name, sql: statement.sql, binds: binds) }
        }
    }

    private func run(copy rows: PostgresCopyBuffer, using statement: String) throws -> Int {
        try perform(statement) { connection in
            try connection.startCopyIn(statement: statement)
            guard machine.copyInStarted() == .sendCopyData else { preconditionFailure("COPY started without sending data") }
            let sendError = connection.sendCopyData(rows.bytes)
            guard case .endCopy(let abort) = machine.copyDataSent(failure: sendError) else {
                preconditionFailure("COPY data sent without ending it")
            }
            return try connection.endCopyIn(statement: statement, abort: abort, sendError: sendError)
        }
    }

    /// Runs trusted, parameterless SQL that may contain several statements (migrations only).
    public func executeScript(_ sql: String) throws {
        try perform(sql) { try $0.executeScript(sql) }
    }

    /// The server's version number (`150018` for PostgreSQL 15.18).
    public func serverVersion() throws -> Int {
        guard let connection else { throw PostgresConnectionStateMachine.closedError }
        return connection.serverVersion
    }

    /// True when the connection is up and outside any transaction, so a pool may hand it out again.
    public var isReusable: Bool {
        machine.isReusable
    }

    /// True when the connection is open and its server has not closed it (see `LibPQConnection.isAlive`): the pool
    /// asks before it hands out an idle connection, so one left over from a server that went away (a restart, a
    /// failover) is replaced instead of failing its next statement.
    public var isAlive: Bool {
        guard let connection else { return false }
        let alive = connection.isAlive
        machine.connectionChecked(connection.status)
        return alive
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
        switch machine.beginRequested() {
        case .begin(let statement, let savepoint):
            _ = try perform(statement) { try $0.execute(statement, binds: []) }
            return savepoint
        case .fail(let error):
            throw error
        }
    }

    private func rollback(_ savepoint: String?) throws {
        try run(machine.rollbackRequested(savepoint: savepoint))
    }

    private func commit(_ savepoint: String?) throws {
        try run(machine.commitRequested(savepoint: savepoint))
    }

    /// Runs the statements that end a transaction or savepoint, each on its own.
    private func run(_ action: PostgresConnectionStateMachine.TransactionAction) throws {
        switch action {
        case .run(let statements):
            for statement in statements { _ = try perform(statement) { try $0.execute(statement, binds: []) } }
        case .runThenFail(let statements, let error):
            for statement in statements { _ = try perform(statement) { try $0.execute(statement, binds: []) } }
            throw error
        case .fail(let error):
            throw error
        }
    }

    /// Closes the connection; later calls throw `connectionClosed`.
    public func close() {
        if machine.closeRequested() == .closeConnection { dropConnection() }
    }

    /// Frees the `PGconn` (the server rolls back a transaction left open on it).
    private func dropConnection() {
        connection = nil
        canceller.withLock { $0 = nil }
    }
}
