import Synchronization

/// A bounded pool of `PostgresConnection`s, opened lazily and reused.
///
/// Callers beyond `maximumConnections` wait, first come first served, for a connection to come back; a
/// waiting caller whose task is cancelled stops waiting with `CancellationError`.
/// A connection that comes back broken or still inside a transaction is closed and its slot reopened.
public final class PostgresConnectionPool: PostgresDatabase {
    /// A caller waiting for a connection; it gets one, or `nil`: a free slot to open its own.
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<PostgresConnection?, any Error>
    }

    private struct State {
        var idle: [PostgresConnection] = []
        var openCount = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
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
            waiter.continuation.resume(throwing: StoreError(.poolClosed, message: "the connection pool was shut down"))
        }
        for connection in idle {
            await connection.close()
        }
    }

    private func lease() async throws -> PostgresConnection {
        let maximum = configuration.maximumConnections
        let waiterID = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let granted: PostgresConnection? = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let outcome: Result<PostgresConnection?, any Error>? = state.withLock { state in
                    if state.isClosed {
                        return .failure(StoreError(.poolClosed, message: "the connection pool was shut down"))
                    }
                    if let connection = state.idle.popLast() { return .success(connection) }
                    if state.openCount < maximum {
                        state.openCount += 1
                        return .success(nil)
                    }
                    // Checked under the lock: a cancellation handler that already ran found no waiter to resume.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters.append(Waiter(id: waiterID, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == waiterID }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
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
            case handedTo(Waiter)
            case closed(slotHandedTo: Waiter?)
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
            waiter.continuation.resume(returning: connection)
        case .closed(let waiter):
            await connection.close()
            waiter?.continuation.resume(returning: nil)
        }
    }

    /// Gives back the slot of a connection that failed to open, to a waiter if one is queued.
    private func freeSlot() {
        let waiter: Waiter? = state.withLock { state in
            if state.waiters.isEmpty {
                state.openCount -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.continuation.resume(returning: nil)
    }
}
