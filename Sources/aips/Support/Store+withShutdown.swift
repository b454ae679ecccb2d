import Store

extension Store {
    /// Runs `body` with this store, then closes its connections, whether `body` returned or threw.
    ///
    /// For the one-shot commands: a long-running one hands its store to the service group, which closes it.
    func withShutdown<T>(_ body: (Store) async throws -> T) async throws -> T {
        let value: T
        do {
            value = try await body(self)
        } catch {
            await shutdown()
            throw error
        }
        await shutdown()
        return value
    }
}
