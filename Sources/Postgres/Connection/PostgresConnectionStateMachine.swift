/// The life of one PostgreSQL connection, with no I/O: events go in, actions come out.
///
/// `PostgresConnection` feeds it what it asks of libpq and what libpq answers (opened, session set up, a statement
/// about to run, the connection's status after it, COPY accepted, data sent, close) and carries out the actions it
/// returns (open, set up the session, run or refuse a statement, run a transaction's statements, send or end COPY
/// data, free the `PGconn`). Because it touches no libpq, every transition is tested without a server.
///
/// ```
/// initialized ──connect──▶ connecting ──session set up──▶ ready(transaction) ──statement──▶ running ──COPY IN──▶ copying
///                              │ failed                     ▲   │                           │                     │
///                              ▼                            │   │ alive check: lost         │ finished            │
///                            closed                         │   ▼                           ▼                     │
///                                                           │ broken ◀──── lost ──── libpq's status ◀───finished──┘
///                                                           └──── idle, in transaction, in failed transaction ┘
/// connecting, ready, broken ──close──▶ closed        running, copying ──close──▶ closing ──finished──▶ closed
/// ```
///
/// The transaction part of `ready` mirrors libpq's transaction status after each statement, not only the
/// `BEGIN`s this machine asked for: a caller may run `BEGIN` itself (a consistent backup does), and a nested
/// `withTransaction` must then use a savepoint. A connection never reconnects itself and never retries a statement
/// that its connection lost, in a transaction or not: the statement fails with `connectionClosed` (or the server's
/// SQLSTATE 57P01), every later one fails with `connectionClosed` without reaching libpq, and the pool, which sees
/// the connection is not reusable, closes it and opens a fresh one in its slot (libpq walks a multi-host URL's
/// hosts; there is no backoff). The one retry is a prepared statement whose cached plan a schema change
/// invalidated (SQLSTATE 0A000), prepared again and run once more, and only outside a transaction.
struct PostgresConnectionStateMachine {
    /// Where the connection is.
    enum State: Equatable {
        /// Created; `connectRequested` has not run.
        case initialized
        /// libpq is connecting (it walks the hosts of a multi-host URL itself), then the session is set up.
        case connecting
        /// Connected, nothing running; the transaction as libpq last reported it.
        case ready(Transaction)
        /// One statement (or COPY's start) is running; `Transaction` is where it started.
        case running(Transaction)
        /// The server accepted `COPY … FROM STDIN`; data is being sent.
        case copying(Transaction)
        /// `close` came while a statement ran: the connection closes once it finishes.
        case closing
        /// libpq reports the connection lost; `transactionLost` when a transaction was open on it. Nothing more runs.
        case broken(transactionLost: Bool)
        /// Closed for good (or never opened); nothing runs.
        case closed
    }

    /// The session's transaction, as libpq reports it.
    enum Transaction: Equatable {
        /// Outside any transaction: the connection can serve another caller.
        case none
        /// Inside a transaction.
        case open
        /// Inside a transaction an error aborted: the server accepts only ROLLBACK.
        case failed
    }

    /// What libpq says of the connection after a call (`PQstatus`, `PQtransactionStatus`).
    enum ConnectionStatus: Equatable {
        case idle
        case inTransaction
        case inFailedTransaction
        /// `PQstatus` is no longer `CONNECTION_OK`.
        case lost
    }

    /// What `connectRequested` asks for.
    enum ConnectAction {
        /// Open a libpq connection with this URL or conninfo; report `connectionOpened` or `connectFailed`.
        case openConnection(String)
        /// The connection was already asked to connect (or closed): fail with the error.
        case fail(StoreError)
    }

    /// What `connectionOpened` asks for.
    enum SessionAction {
        /// Run this script on the new connection; report `sessionReady` or `connectFailed`.
        case setUpSession(String)
        /// The connection was closed meanwhile: drop the new connection and fail.
        case fail(StoreError)
    }

    /// What to do with a statement about to run.
    enum StatementAction {
        /// Run it, then report `statementFinished` with the connection's status.
        case run
        /// Do not run it: fail with the error.
        case fail(StoreError)
    }

    /// What `preparedStatementRequested` asks for.
    enum PreparedStatementAction: Equatable {
        /// Run the statement prepared on this connection.
        case execute
        /// Prepare it first (then report `statementPrepared`), then run it.
        case prepareThenExecute
    }

    /// What to do after a prepared statement failed.
    enum PreparedStatementFailureAction: Equatable {
        /// Hand the error to the caller.
        case fail
        /// Run `DEALLOCATE`, prepare the statement again and run it once more.
        case reprepareAndRetry(deallocate: String)
    }

    /// What `beginRequested` asks for.
    enum BeginAction {
        /// Run `statement`; the transaction (or savepoint, when `savepoint` names one) is open once it succeeds.
        case begin(statement: String, savepoint: String?)
        case fail(StoreError)
    }

    /// What `commitRequested` or `rollbackRequested` asks for.
    enum TransactionAction {
        /// Run these statements in order.
        case run([String])
        /// Run these statements, then fail with the error (COMMIT of a transaction an error aborted).
        case runThenFail([String], StoreError)
        case fail(StoreError)
    }

    /// What a COPY event asks for.
    enum CopyAction: Equatable {
        /// Send the rows.
        case sendCopyData
        /// End the COPY, aborting it with this message if set, and read its results.
        case endCopy(abort: String?)
    }

    /// What to do once a statement finished, or on `close`.
    enum CloseAction: Equatable {
        case none
        /// Free the `PGconn`.
        case closeConnection
    }

    /// The statements that make every session parse and print dates in UTC ISO form and keep NOTICEs (IF NOT
    /// EXISTS, …) from going to stderr.
    static let sessionSetup =
        "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET client_min_messages = 'warning'"

    private(set) var state: State = .initialized
    /// Names of the statements prepared on this connection.
    private(set) var preparedNames: Set<String> = []
    /// Savepoints opened by nested transactions and not yet released; names the next one.
    private(set) var savepointDepth = 0

    /// True when the connection is up and outside any transaction, so a pool may hand it out again.
    var isReusable: Bool { state == .ready(.none) }

    // MARK: Connecting

    /// `PostgresConnection.connect(to:)` opens the connection.
    mutating func connectRequested(to url: String) -> ConnectAction {
        guard state == .initialized else {
            return .fail(StoreError(.connectionFailed, message: "the connection was already opened"))
        }
        state = .connecting
        return .openConnection(url)
    }

    /// libpq connected (to the first host of the URL that took the connection).
    mutating func connectionOpened() -> SessionAction {
        guard state == .connecting else { return .fail(Self.closedError) }
        return .setUpSession(Self.sessionSetup)
    }

    /// The session is set up: the connection serves statements.
    mutating func sessionReady() {
        guard state == .connecting else { return }
        state = .ready(.none)
    }

    /// The connection could not be opened, or its session set up: it is closed, and the caller gets `error`.
    mutating func connectFailed(_ error: any Error) -> any Error {
        state = .closed
        return error
    }

    // MARK: Statements

    /// A statement (`statement` is its SQL, for errors) is about to run.
    mutating func statementRequested(_ statement: String) -> StatementAction {
        switch state {
        case .ready(let transaction):
            state = .running(transaction)
            return .run
        case .broken:
            // What libpq answers for a connection it lost, without asking it.
            return .fail(Self.lostError(statement: statement))
        case .initialized, .connecting, .closed:
            return .fail(Self.closedError)
        case .running, .copying, .closing:
            preconditionFailure("a PostgreSQL connection runs one statement at a time")
        }
    }

    /// The statement that ran finished (it succeeded or threw); `status` is the connection's after it.
    mutating func statementFinished(_ status: ConnectionStatus) -> CloseAction {
        switch state {
        case .running(let transaction), .copying(let transaction):
            observe(status, inTransaction: transaction != .none)
            return .none
        case .closing:
            state = .closed
            return .closeConnection
        case .initialized, .connecting, .ready, .broken, .closed:
            return .none
        }
    }

    /// The connection was asked whether its server is still there (reading what it sent while idle).
    mutating func connectionChecked(_ status: ConnectionStatus) {
        guard case .ready(let transaction) = state else { return }
        observe(status, inTransaction: transaction != .none)
    }

    /// The prepared statement `name` is about to run.
    func preparedStatementRequested(_ name: String) -> PreparedStatementAction {
        preparedNames.contains(name) ? .execute : .prepareThenExecute
    }

    /// `name` was prepared on this connection.
    mutating func statementPrepared(_ name: String) {
        preparedNames.insert(name)
    }

    /// The prepared statement `name` failed with `error` (and `statementFinished` has run).
    func preparedStatementFailed(_ name: String, error: StoreError) -> PreparedStatementFailureAction {
        // "cached plan must not change result type": a migration changed a table under a prepared `SELECT *`.
        // Outside a transaction it is safe to prepare again and retry once; inside one the transaction is aborted.
        guard error.sqlState == "0A000", state == .ready(.none) else { return .fail }
        return .reprepareAndRetry(deallocate: "DEALLOCATE \(name)")
    }

    // MARK: COPY

    /// The server accepted the running `COPY … FROM STDIN`.
    mutating func copyInStarted() -> CopyAction {
        guard case .running(let transaction) = state else { preconditionFailure("COPY started with no statement running") }
        state = .copying(transaction)
        return .sendCopyData
    }

    /// The rows were sent, or sending them failed with `failure`.
    func copyDataSent(failure: String?) -> CopyAction {
        .endCopy(abort: failure == nil ? nil : "client failed to send COPY data")
    }

    // MARK: Transactions

    /// `withTransaction` starts: a transaction, or a savepoint when one is already open.
    mutating func beginRequested() -> BeginAction {
        switch state {
        case .ready(.none):
            return .begin(statement: "BEGIN", savepoint: nil)
        case .ready(.open), .ready(.failed):
            savepointDepth += 1
            let name = "aips_savepoint_\(savepointDepth)"
            return .begin(statement: "SAVEPOINT \(name)", savepoint: name)
        case .broken:
            return .fail(Self.lostError(statement: "BEGIN"))
        case .initialized, .connecting, .closed:
            return .fail(Self.closedError)
        case .running, .copying, .closing:
            preconditionFailure("a PostgreSQL connection runs one statement at a time")
        }
    }

    /// `withTransaction`'s body returned: commit the transaction, or release the savepoint.
    mutating func commitRequested(savepoint: String?) -> TransactionAction {
        if let failure = endFailure(savepoint: savepoint, statement: savepoint.map { "RELEASE SAVEPOINT \($0)" } ?? "COMMIT") {
            return .fail(failure)
        }
        if let savepoint {
            savepointDepth -= 1
            // Fails with SQLSTATE 25P02 if the body swallowed an error, which is what the caller must see.
            return .run(["RELEASE SAVEPOINT \(savepoint)"])
        }
        if state == .ready(.failed) {
            // The server would answer COMMIT with a silent ROLLBACK; say so instead.
            return .runThenFail(
                ["ROLLBACK"], StoreError(.server, message: "the transaction was aborted by an earlier error and has been rolled back"))
        }
        return .run(["COMMIT"])
    }

    /// `withTransaction`'s body threw: roll the transaction back, or back to the savepoint.
    mutating func rollbackRequested(savepoint: String?) -> TransactionAction {
        if let failure = endFailure(savepoint: savepoint, statement: savepoint.map { "ROLLBACK TO SAVEPOINT \($0)" } ?? "ROLLBACK") {
            return .fail(failure)
        }
        guard let savepoint else { return .run(["ROLLBACK"]) }
        savepointDepth -= 1
        return .run(["ROLLBACK TO SAVEPOINT \(savepoint)", "RELEASE SAVEPOINT \(savepoint)"])
    }

    // MARK: Closing

    /// The connection closes; later statements fail with `connectionClosed`.
    mutating func closeRequested() -> CloseAction {
        preparedNames.removeAll()
        savepointDepth = 0
        switch state {
        case .running, .copying:
            state = .closing
            return .none
        case .connecting, .ready, .broken:
            state = .closed
            return .closeConnection
        case .closing:
            return .none
        case .initialized, .closed:
            state = .closed
            return .none
        }
    }

    // MARK: Transitions

    /// Takes libpq's word for where the session is after a call.
    private mutating func observe(_ status: ConnectionStatus, inTransaction: Bool) {
        switch status {
        case .idle:
            state = .ready(.none)
            // No savepoint outlives its transaction.
            savepointDepth = 0
        case .inTransaction:
            state = .ready(.open)
        case .inFailedTransaction:
            state = .ready(.failed)
        case .lost:
            state = .broken(transactionLost: inTransaction)
        }
    }

    /// Why a transaction cannot end on a connection that is gone, or nil when it can.
    private func endFailure(savepoint: String?, statement: String) -> StoreError? {
        switch state {
        case .broken:
            // The server rolled the transaction back when the connection dropped; nothing is retried.
            return Self.lostError(statement: statement)
        case .initialized, .connecting, .closed:
            return Self.closedError
        case .ready:
            return nil
        case .running, .copying, .closing:
            preconditionFailure("a PostgreSQL connection runs one statement at a time")
        }
    }

    /// The error of any call after `close()`.
    static var closedError: StoreError {
        StoreError(.connectionClosed, message: "the connection was closed")
    }

    /// The error of a statement on a connection libpq lost: the one libpq itself gives.
    static func lostError(statement: String) -> StoreError {
        StoreError(.connectionClosed, message: "no connection to the server", statement: statement)
    }
}
