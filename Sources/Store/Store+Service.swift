import Postgres
import ServiceLifecycle

extension Store: Service {
    /// Keeps the store's pools open until graceful shutdown or cancellation, then shuts them down.
    ///
    /// List the store in the service group before the services that use it, so it closes after them.
    public func run() async throws {
        // Cancellation ends the wait as graceful shutdown does; either way the connections close.
        try? await gracefulShutdown()
        await shutdown()
    }
}
