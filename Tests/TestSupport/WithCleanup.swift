/// Runs `body`, then `cleanup`, whether `body` threw or not: a `defer` cannot await the servers and processes a test
/// stops.
public func withCleanup<T>(_ body: () async throws -> T, cleanup: () async -> Void) async throws -> T {
    let value: T
    do {
        value = try await body()
    } catch {
        await cleanup()
        throw error
    }
    await cleanup()
    return value
}
