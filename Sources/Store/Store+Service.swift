import Postgres
import ServiceLifecycle

extension Store: Service {
    /// Keeps the store's pool open until graceful shutdown or cancellation, then shuts it down.
    ///
    /// List the store in the service group before the services that use it, so it closes after them.
    public func run() async throws {
        try await pool.run()
    }
}
