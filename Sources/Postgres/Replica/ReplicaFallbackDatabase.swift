/// A read handle on the replica that turns to the primary when the replica cannot serve.
///
/// A statement that fails on the replica for want of a connection, or that replay cancelled, runs again on the
/// primary (reads only come this way, so running one twice is harmless) and the router stops choosing the replica
/// for a while. Errors in the statement itself are the caller's, from either server.
struct ReplicaFallbackDatabase: PostgresDatabase {
    let replica: PostgresConnectionPool
    let primary: any PostgresDatabase
    let router: PostgresReadRouter

    func query(_ query: PostgresQuery) async throws -> PostgresResult {
        try await fallingBack { try await $0.query(query) }
    }

    func execute(_ statement: PreparedStatement, binds: [PostgresBind]) async throws -> PostgresResult {
        try await fallingBack { try await $0.execute(statement, binds: binds) }
    }

    /// A standby refuses writes (SQLSTATE 25006), which is what a write through a read handle should meet.
    func copy(_ rows: PostgresCopyBuffer, using statement: String) async throws -> Int {
        try await replica.copy(rows, using: statement)
    }

    /// Runs `body` in a read-only transaction on the replica. Not retried on the primary: `body` may have done
    /// anything before the failure; the router still learns of it.
    func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await replica.withTransaction(body)
        } catch let error as StoreError where error.isConnectionFailure {
            router.replicaFailed()
            throw error
        }
    }

    private func fallingBack<T: Sendable>(_ run: (any PostgresDatabase) async throws -> T) async throws -> T {
        do {
            return try await run(replica)
        } catch let error as StoreError where error.isConnectionFailure || error.isRecoveryConflict {
            if error.isConnectionFailure { router.replicaFailed() }
            return try await run(primary)
        }
    }
}
