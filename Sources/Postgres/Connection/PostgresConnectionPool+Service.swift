public import ServiceLifecycle

extension PostgresConnectionPool: Service {
    /// Keeps the pool open until graceful shutdown or cancellation, then shuts it down.
    ///
    /// Connections open on first use, so setup work before the group starts (migrations) can use the pool.
    /// List it in the service group before the services that use it: the group shuts services down in
    /// reverse order, so the pool closes only after they have stopped.
    public func run() async throws {
        // Cancellation ends the wait as graceful shutdown does; either way the connections close.
        try? await gracefulShutdown()
        await shutdown()
    }
}
