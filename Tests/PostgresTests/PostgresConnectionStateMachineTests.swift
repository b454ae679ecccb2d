import Testing

@testable import Postgres

/// The connection's lifecycle, with no server: events in, actions out, libpq's status played by hand.
@Suite struct PostgresConnectionStateMachineTests {
    typealias Machine = PostgresConnectionStateMachine

    /// A machine connected and ready, outside any transaction.
    func ready() -> Machine {
        var machine = Machine()
        _ = machine.connectRequested(to: "postgres://db")
        _ = machine.connectionOpened()
        machine.sessionReady()
        return machine
    }

    /// Runs one statement that ends with libpq reporting `status`; returns "run" or the refusal's error.
    @discardableResult
    func statement(_ machine: inout Machine, _ sql: String = "SELECT 1", then status: Machine.ConnectionStatus = .idle) -> String {
        switch machine.statementRequested(sql) {
        case .run:
            #expect(machine.statementFinished(status) == .none)
            return "run"
        case .fail(let error):
            return describe(error)
        }
    }

    func describe(_ error: StoreError) -> String {
        "\(error.code): \(error.message)" + (error.statement.map { " (\($0))" } ?? "")
    }

    func describe(_ action: Machine.BeginAction) -> String {
        switch action {
        case .begin(let statement, let savepoint): "\(statement)" + (savepoint.map { " as \($0)" } ?? "")
        case .fail(let error): "fail " + describe(error)
        }
    }

    func describe(_ action: Machine.TransactionAction) -> String {
        switch action {
        case .run(let statements): statements.joined(separator: "; ")
        case .runThenFail(let statements, let error): statements.joined(separator: "; ") + " then fail " + describe(error)
        case .fail(let error): "fail " + describe(error)
        }
    }

    /// Begins through the machine and runs the BEGIN or SAVEPOINT, which leaves libpq in a transaction.
    func begin(_ machine: inout Machine) -> String? {
        guard case .begin(let sql, let savepoint) = machine.beginRequested() else {
            Issue.record("begin refused")
            return nil
        }
        statement(&machine, sql, then: .inTransaction)
        return savepoint
    }

    // MARK: Connecting

    @Test func connectingOpensTheURLThenSetsUpTheSession() {
        var machine = Machine()
        #expect(machine.state == .initialized)
        guard
            case .openConnection(let url) = machine.connectRequested(
                to: "postgresql:///aips?host=/a,10.0.0.2&target_session_attrs=read-write")
        else {
            Issue.record("no open")
            return
        }
        // libpq walks a multi-host URL's hosts itself: the URL goes to it whole.
        #expect(url == "postgresql:///aips?host=/a,10.0.0.2&target_session_attrs=read-write")
        #expect(machine.state == .connecting)
        guard case .setUpSession(let script) = machine.connectionOpened() else {
            Issue.record("no session setup")
            return
        }
        #expect(script.contains("SET TIME ZONE 'UTC'") && script.contains("client_min_messages = 'warning'"))
        #expect(!machine.isReusable)
        machine.sessionReady()
        #expect(machine.state == .ready(.none))
        #expect(machine.isReusable)
    }

    @Test func aFailedConnectClosesTheConnectionAndHandsBackTheError() {
        var machine = Machine()
        _ = machine.connectRequested(to: "postgres://nobody@127.0.0.1:1/none")
        let error = machine.connectFailed(StoreError(.connectionFailed, message: "connection refused"))
        #expect((error as? StoreError)?.code == .connectionFailed)
        #expect(machine.state == .closed)
        #expect(statement(&machine) == "connectionClosed: the connection was closed")
        // A failed session setup ends the same way.
        var settingUp = Machine()
        _ = settingUp.connectRequested(to: "postgres://db")
        _ = settingUp.connectionOpened()
        _ = settingUp.connectFailed(StoreError(.server, sqlState: "22023", message: "invalid value"))
        #expect(settingUp.state == .closed)
    }

    @Test func aConnectionConnectsOnce() {
        var machine = ready()
        guard case .fail(let error) = machine.connectRequested(to: "postgres://db") else {
            Issue.record("connected twice")
            return
        }
        #expect(error.code == .connectionFailed)
        #expect(machine.state == .ready(.none))
    }

    @Test func statementsBeforeTheSessionIsReadyAreRefused() {
        var machine = Machine()
        #expect(statement(&machine) == "connectionClosed: the connection was closed")
        _ = machine.connectRequested(to: "postgres://db")
        #expect(statement(&machine) == "connectionClosed: the connection was closed")
    }

    // MARK: Statements

    @Test func aStatementRunsFromReadyAndLibpqStatusDecidesWhereItEnds() {
        var machine = ready()
        #expect(statement(&machine, then: .idle) == "run")
        #expect(machine.state == .ready(.none))
        // A caller's own BEGIN (a consistent backup runs one) puts the session in a transaction all the same.
        #expect(statement(&machine, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", then: .inTransaction) == "run")
        #expect(machine.state == .ready(.open))
        #expect(!machine.isReusable)
        #expect(statement(&machine, "SELECT 1/0", then: .inFailedTransaction) == "run")
        #expect(machine.state == .ready(.failed))
        #expect(statement(&machine, "COMMIT", then: .idle) == "run")
        #expect(machine.isReusable)
    }

    @Test func aQueryOutsideATransactionThatLosesItsConnectionFailsAndIsNotRetried() {
        var machine = ready()
        // The statement's own error (connectionClosed, or the server's 57P01) goes to the caller as it is.
        #expect(statement(&machine, "SELECT 1", then: .lost) == "run")
        #expect(machine.state == .broken(transactionLost: false))
        #expect(!machine.isReusable)
        // Nothing runs on it again: every later statement fails as libpq would, without reaching it, and the
        // pool closes the connection and opens a fresh one in its slot.
        #expect(statement(&machine, "SELECT 2") == "connectionClosed: no connection to the server (SELECT 2)")
        #expect(machine.state == .broken(transactionLost: false))
    }

    @Test func anAliveCheckThatFindsTheServerGoneBreaksAnIdleConnection() {
        var machine = ready()
        machine.connectionChecked(.idle)
        #expect(machine.state == .ready(.none))
        machine.connectionChecked(.lost)
        #expect(machine.state == .broken(transactionLost: false))
        #expect(!machine.isReusable)
        // A later check of a broken connection changes nothing.
        machine.connectionChecked(.idle)
        #expect(machine.state == .broken(transactionLost: false))
    }

    // MARK: Prepared statements

    @Test func aPreparedStatementIsPreparedOncePerConnection() {
        var machine = ready()
        #expect(machine.preparedStatementRequested("add_one") == .prepareThenExecute)
        statement(&machine)
        machine.statementPrepared("add_one")
        statement(&machine)
        #expect(machine.preparedStatementRequested("add_one") == .execute)
        #expect(machine.preparedStatementRequested("other") == .prepareThenExecute)
        // A closed connection forgets them (a new connection must prepare again).
        _ = machine.closeRequested()
        #expect(machine.preparedNames.isEmpty)
    }

    @Test func aChangedPlanIsPreparedAgainOnlyOutsideATransaction() {
        let changed = StoreError(.server, sqlState: "0A000", message: "cached plan must not change result type")
        var machine = ready()
        statement(&machine, then: .idle)
        #expect(machine.preparedStatementFailed("t_all", error: changed) == .reprepareAndRetry(deallocate: "DEALLOCATE t_all"))
        // Inside a transaction the failure aborted it: retrying would run in an aborted transaction.
        statement(&machine, "BEGIN", then: .inTransaction)
        statement(&machine, "EXECUTE t_all", then: .inFailedTransaction)
        #expect(machine.preparedStatementFailed("t_all", error: changed) == .fail)
        // Other errors are the caller's.
        var outside = ready()
        statement(&outside, then: .idle)
        #expect(outside.preparedStatementFailed("t_all", error: StoreError(.server, sqlState: "42P01", message: "no table")) == .fail)
        // So is a lost connection, whose error has no SQLSTATE.
        statement(&outside, then: .lost)
        #expect(
            outside.preparedStatementFailed("t_all", error: StoreError(.connectionClosed, message: "server closed the connection")) == .fail
        )
    }

    // MARK: Transactions

    @Test func aTransactionBeginsAndCommits() {
        var machine = ready()
        #expect(describe(machine.beginRequested()) == "BEGIN")
        statement(&machine, "BEGIN", then: .inTransaction)
        #expect(machine.state == .ready(.open))
        #expect(describe(machine.commitRequested(savepoint: nil)) == "COMMIT")
        statement(&machine, "COMMIT", then: .idle)
        #expect(machine.state == .ready(.none))
    }

    @Test func aTransactionRollsBack() {
        var machine = ready()
        let savepoint = begin(&machine)
        #expect(savepoint == nil)
        #expect(describe(machine.rollbackRequested(savepoint: savepoint)) == "ROLLBACK")
    }

    @Test func nestedTransactionsUseNumberedSavepoints() {
        var machine = ready()
        #expect(begin(&machine) == nil)
        #expect(describe(machine.beginRequested()) == "SAVEPOINT aips_savepoint_1 as aips_savepoint_1")
        statement(&machine, "SAVEPOINT aips_savepoint_1", then: .inTransaction)
        #expect(begin(&machine) == "aips_savepoint_2")
        #expect(machine.savepointDepth == 2)
        #expect(
            describe(machine.rollbackRequested(savepoint: "aips_savepoint_2"))
                == "ROLLBACK TO SAVEPOINT aips_savepoint_2; RELEASE SAVEPOINT aips_savepoint_2")
        #expect(describe(machine.commitRequested(savepoint: "aips_savepoint_1")) == "RELEASE SAVEPOINT aips_savepoint_1")
        #expect(machine.savepointDepth == 0)
        #expect(describe(machine.commitRequested(savepoint: nil)) == "COMMIT")
    }

    @Test func aTransactionInsideACallersOwnBeginUsesASavepoint() {
        var machine = ready()
        statement(&machine, "BEGIN ISOLATION LEVEL REPEATABLE READ", then: .inTransaction)
        #expect(begin(&machine) == "aips_savepoint_1")
    }

    @Test func committingATransactionAnErrorAbortedRollsItBackAndSaysSo() {
        var machine = ready()
        _ = begin(&machine)
        // The body swallowed a failed statement.
        statement(&machine, "INSERT INTO t VALUES (1)", then: .inFailedTransaction)
        #expect(
            describe(machine.commitRequested(savepoint: nil))
                == "ROLLBACK then fail server: the transaction was aborted by an earlier error and has been rolled back")
        // In a savepoint the RELEASE itself fails (SQLSTATE 25P02), which is what the caller must see.
        var nested = ready()
        _ = begin(&nested)
        let savepoint = begin(&nested)
        statement(&nested, "INSERT INTO t VALUES (1)", then: .inFailedTransaction)
        #expect(describe(nested.commitRequested(savepoint: savepoint)) == "RELEASE SAVEPOINT aips_savepoint_1")
    }

    @Test func aConnectionLostInsideATransactionFailsTheTransactionAndRetriesNothing() {
        var machine = ready()
        _ = begin(&machine)
        statement(&machine, "INSERT INTO t VALUES (1)", then: .inTransaction)
        // The connection drops under the second statement: that statement fails with its own error...
        statement(&machine, "INSERT INTO t VALUES (2)", then: .lost)
        #expect(machine.state == .broken(transactionLost: true))
        // ...the body's later statements fail without reaching libpq, nothing is sent again...
        #expect(
            statement(&machine, "INSERT INTO t VALUES (3)") == "connectionClosed: no connection to the server (INSERT INTO t VALUES (3))")
        // ...and the transaction cannot commit (the server rolled it back when the connection dropped).
        #expect(describe(machine.commitRequested(savepoint: nil)) == "fail connectionClosed: no connection to the server (COMMIT)")
        #expect(describe(machine.rollbackRequested(savepoint: nil)) == "fail connectionClosed: no connection to the server (ROLLBACK)")
        #expect(describe(machine.beginRequested()) == "fail connectionClosed: no connection to the server (BEGIN)")
        #expect(!machine.isReusable)
    }

    @Test func aConnectionLostInsideASavepointFailsItsRelease() {
        var machine = ready()
        _ = begin(&machine)
        let savepoint = begin(&machine)
        statement(&machine, then: .lost)
        #expect(machine.state == .broken(transactionLost: true))
        #expect(
            describe(machine.commitRequested(savepoint: savepoint))
                == "fail connectionClosed: no connection to the server (RELEASE SAVEPOINT aips_savepoint_1)")
    }

    @Test func theSavepointCountRestartsWithEachTransaction() {
        var machine = ready()
        _ = begin(&machine)
        _ = begin(&machine)
        // The nested transaction's RELEASE never ran (its caller ended the outer transaction directly).
        statement(&machine, "ROLLBACK", then: .idle)
        #expect(machine.savepointDepth == 0)
        _ = begin(&machine)
        #expect(begin(&machine) == "aips_savepoint_1")
    }

    // MARK: COPY

    @Test func copySendsItsDataAfterTheServerAcceptsItThenEnds() {
        var machine = ready()
        guard case .run = machine.statementRequested("COPY c (i) FROM STDIN") else {
            Issue.record("copy refused")
            return
        }
        #expect(machine.copyInStarted() == .sendCopyData)
        #expect(machine.state == .copying(.none))
        #expect(machine.copyDataSent(failure: nil) == .endCopy(abort: nil))
        #expect(machine.statementFinished(.idle) == .none)
        #expect(machine.state == .ready(.none))
    }

    @Test func copyWhoseDataCouldNotBeSentIsAborted() {
        var machine = ready()
        _ = begin(&machine)
        _ = machine.statementRequested("COPY c (i) FROM STDIN")
        _ = machine.copyInStarted()
        #expect(machine.state == .copying(.open))
        #expect(
            machine.copyDataSent(failure: "server closed the connection unexpectedly") == .endCopy(abort: "client failed to send COPY data")
        )
        #expect(machine.statementFinished(.lost) == .none)
        #expect(machine.state == .broken(transactionLost: true))
    }

    @Test func copyTheServerRefusedEndsLikeAnyStatement() {
        var machine = ready()
        // The COPY statement failed before COPY IN (a missing table): no data is sent.
        #expect(statement(&machine, "COPY nope FROM STDIN", then: .idle) == "run")
        #expect(machine.state == .ready(.none))
    }

    // MARK: Closing

    @Test func closeWhileIdleFreesTheConnectionAndLaterCallsFail() {
        var machine = ready()
        statement(&machine)
        machine.statementPrepared("s")
        #expect(machine.closeRequested() == .closeConnection)
        #expect(machine.state == .closed)
        #expect(machine.preparedNames.isEmpty)
        #expect(statement(&machine) == "connectionClosed: the connection was closed")
        #expect(describe(machine.beginRequested()) == "fail connectionClosed: the connection was closed")
        #expect(!machine.isReusable)
        // Closing again does nothing.
        #expect(machine.closeRequested() == .none)
    }

    @Test func closeInsideATransactionFreesTheConnectionAndTheTransactionCannotEnd() {
        var machine = ready()
        _ = begin(&machine)
        _ = begin(&machine)
        #expect(machine.closeRequested() == .closeConnection)
        #expect(machine.savepointDepth == 0)
        #expect(describe(machine.commitRequested(savepoint: "aips_savepoint_1")) == "fail connectionClosed: the connection was closed")
        #expect(describe(machine.rollbackRequested(savepoint: nil)) == "fail connectionClosed: the connection was closed")
    }

    @Test func closeWhileAStatementRunsWaitsForItThenFreesTheConnection() {
        var machine = ready()
        _ = machine.statementRequested("SELECT pg_sleep(1)")
        #expect(machine.closeRequested() == .none)
        #expect(machine.state == .closing)
        #expect(machine.closeRequested() == .none)
        #expect(machine.statementFinished(.idle) == .closeConnection)
        #expect(machine.state == .closed)
        // And while COPY sends its data.
        var copying = ready()
        _ = copying.statementRequested("COPY c FROM STDIN")
        _ = copying.copyInStarted()
        #expect(copying.closeRequested() == .none)
        #expect(copying.statementFinished(.idle) == .closeConnection)
    }

    @Test func closeOfABrokenOrNeverOpenedConnection() {
        var broken = ready()
        statement(&broken, then: .lost)
        #expect(broken.closeRequested() == .closeConnection)
        #expect(broken.state == .closed)
        var unopened = Machine()
        #expect(unopened.closeRequested() == .none)
        #expect(unopened.state == .closed)
        guard case .fail = unopened.connectRequested(to: "postgres://db") else {
            Issue.record("connected after close")
            return
        }
    }
}
