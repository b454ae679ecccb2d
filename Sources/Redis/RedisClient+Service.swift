public import ServiceLifecycle

extension RedisClient: Service {
    /// Keeps the client open until graceful shutdown or cancellation, then closes it.
    ///
    /// The client connects when it is made, so setup work before the group starts can use it. List it in the
    /// service group before the services that use it: the group shuts services down in reverse order, so the
    /// client closes only after they have stopped.
    public func run() async throws {
        // Cancellation ends the wait as graceful shutdown does; either way the connections close.
        try? await gracefulShutdown()
        close()
    }
}
