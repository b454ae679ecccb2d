import Synchronization

/// A bounded pool of `PostgresConnection`s, opened lazily and reused.
///
/// Callers beyond `maximumConnections` wait, first come first served, for a connection to come back; a
/// waiting caller whose task is cancelled stops waiting with `CancellationError`.
/// A connection that comes back broken or still inside a transaction is closed and its slot reopened; an idle one
/// whose server went away meanwhile (a restart, a failover to a promoted replica) is replaced when next leased, so
/// the pool follows a `DATABASE_URL` that names several hosts (`target_session_attrs=read-write`) to the new primary.
public final class PostgresConnectionPool: PostgresDatabase {
    /// The machine, and the continuations of the waiters it queues (resumed outside the lock).
    private struct State {
        var machine: PostgresConnectionPoolStateMachine<PostgresConnection>
        var continuations: [UInt64: Continuation] = [:]
    }

    /// A waiter's continuation: a connection, or `nil` for a free slot to open its own.
    private typealias Continuation = CheckedContinuation<PostgresConnection?, any Error>

    /// The pool's configuration.
    public let configuration: PostgresConfiguration
    private let state: Mutex<State>

    /// A pool for `configuration`; no connection is opened until one is needed.
    public init(configuration: PostgresConfiguration) {
        self.configuration = configuration
        state = Mutex(State(machine: PostgresConnectionPoolStateMachine(maximumConnections: configuration.maximumConnections)))
    }

    /// Leases a connection for the duration of `body`, then returns it to the pool.
    public func withConnection<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = try await lease()
        let value: T
        do {
            value = try await body(connection)
        } catch {
            await release(connection)
            throw error
        }
        await release(connection)
        return value
    }

    /// Runs `body` in a transaction on one leased connection: commits on return, rolls back on throw.
    public func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await connection.withTransaction(body)
        }
    }

    public func query(_ query: PostgresQuery) async throws -> PostgresResult {
        try await withConnection { try await $0.query(query) }
    }

    public func execute(_ statement: PreparedStatement, binds: [PostgresBind]) async throws -> PostgresResult {
        try await withConnection { try await $0.execute(statement, binds: binds) }
    }

    public func copy(_ rows: PostgresCopyBuffer, using statement: String) async throws -> Int {
        try await withConnection { try await $0.copy(rows, using: statement) }
    }

    /// Closes idle connections and refuses new leases; leased connections close when they come back.
    public func shutdown() async {
        let (idle, waiters) = state.withLock { state in
            let shutdown = state.machine.shutdown()
            return (shutdown.close, shutdown.fail.compactMap { state.continuations.removeValue(forKey: $0) })
        }
        for waiter in waiters {
            waiter.resume(throwing: Self.shutDownError)
        }
        for connection in idle {
            await connection.close()
        }
    }

    private static var shutDownError: StoreError {
        StoreError(.poolClosed, message: "the connection pool was shut down")
    }

    private func lease() async throws -> PostgresConnection {
        let waiterID = state.withLock { $0.machine.makeWaiterID() }
        let granted: PostgresConnection? = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let action = state.withLock { state in
                    let action = state.machine.leaseRequested(by: waiterID, isCancelled: Task.isCancelled)
                    if case .wait = action { state.continuations[waiterID] = continuation }
                    return action
                }
                switch action {
                case .lease(let connection): continuation.resume(returning: connection)
                case .openConnection: continuation.resume(returning: nil)
                case .wait: break
                case .failShutDown: continuation.resume(throwing: Self.shutDownError)
                case .failCancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Continuation? in
                guard state.machine.waiterCancelled(waiterID) else { return nil }
                return state.continuations.removeValue(forKey: waiterID)
            }
            waiter?.resume(throwing: CancellationError())
        }
        if let granted {
            if await granted.isAlive { return granted }
            // Its slot is this caller's: a fresh connection opens in it below.
            await granted.close()
        }
        do {
            return try await PostgresConnection.connect(to: configuration.url)
        } catch {
            // The slot goes to the next waiter, who tries to open its own.
            let waiter = state.withLock { state -> Continuation? in
                state.machine.connectFailed().flatMap { state.continuations.removeValue(forKey: $0) }
            }
            waiter?.resume(returning: nil)
            throw error
        }
    }

    private func release(_ connection: PostgresConnection) async {
        let reusable = await connection.isReusable
        let (action, waiter) = state.withLock { state -> (PostgresConnectionPoolStateMachine<PostgresConnection>.ReleaseAction, Continuation?) in
            let action = state.machine.connectionReleased(connection, reusable: reusable)
            switch action {
            case .keepIdle, .close(_, grantSlotTo: nil): return (action, nil)
            case .handOver(_, let waiter), .close(_, grantSlotTo: let waiter?): return (action, state.continuations.removeValue(forKey: waiter))
            }
        }
        switch action {
        case .keepIdle:
            return
        case .handOver(let connection, _):
            waiter?.resume(returning: connection)
        case .close(let connection, _):
            await connection.close()
            waiter?.resume(returning: nil)
        }
    }
}
