import Synchronization

/// A bounded pool of `PostgresConnection`s, opened lazily and reused.
///
/// Callers beyond `maximumConnections` wait, first come first served, for a connection to come back.
/// A connection that comes back broken or still inside a transaction is closed and its slot reopened.
public final class PostgresConnectionPool: PostgresDatabase {
    private struct State {
        var idle: [PostgresConnection] = []
        var openCount = 0
        /// Each waiter gets a connection, or `nil`: a free slot to open its own.
        var waiters: [CheckedContinuation<PostgresConnection?, any Error>] = []
        var isClosed = false
    }

    /// The pool's configuration.
    public let configuration: PostgresConfiguration
    private let state = Mutex(State())

    /// A pool for `configuration`; no connection is opened until one is needed.
    public init(configuration: PostgresConfiguration) {
        self.configuration = configuration
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
            state.isClosed = true
            state.openCount -= state.idle.count
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters {
            waiter.resume(throwing: StoreError(.poolClosed, message: "the connection pool was shut down"))
        }
        for connection in idle {
            await connection.close()
        }
    }

    private func lease() async throws -> PostgresConnection {
        let maximum = configuration.maximumConnections
        let granted: PostgresConnection? = try await withCheckedThrowingContinuation { continuation in
            let outcome: Result<PostgresConnection?, any Error>? = state.withLock { state in
                if state.isClosed {
                    return .failure(StoreError(.poolClosed, message: "the connection pool was shut down"))
                }
                if let connection = state.idle.popLast() { return .success(connection) }
                if state.openCount < maximum {
                    state.openCount += 1
                    return .success(nil)
                }
                state.waiters.append(continuation)
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
        if let granted { return granted }
        do {
            return try await PostgresConnection.connect(to: configuration.url)
        } catch {
            freeSlot()
            throw error
        }
    }

    private func release(_ connection: PostgresConnection) async {
        enum Disposition {
            case keptIdle
            case handedTo(CheckedContinuation<PostgresConnection?, any Error>)
            case closed(slotHandedTo: CheckedContinuation<PostgresConnection?, any Error>?)
        }
        let reusable = await connection.isReusable
        let disposition: Disposition = state.withLock { state in
            if reusable && !state.isClosed {
                if state.waiters.isEmpty {
                    state.idle.append(connection)
                    return .keptIdle
                }
                return .handedTo(state.waiters.removeFirst())
            }
            if state.isClosed || state.waiters.isEmpty {
                state.openCount -= 1
                return .closed(slotHandedTo: nil)
            }
            return .closed(slotHandedTo: state.waiters.removeFirst())
        }
        switch disposition {
        case .keptIdle:
            return
        case .handedTo(let waiter):
            waiter.resume(returning: connection)
        case .closed(let waiter):
            await connection.close()
            waiter?.resume(returning: nil)
        }
    }

    /// Gives back the slot of a connection that failed to open, to a waiter if one is queued.
    private func freeSlot() {
        let waiter: CheckedContinuation<PostgresConnection?, any Error>? = state.withLock { state in
            if state.waiters.isEmpty {
                state.openCount -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: nil)
    }
}
