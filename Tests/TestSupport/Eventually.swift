/// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
///
/// An error counts as "not yet" while time is left (a client riding through a failover fails a few commands
/// before it finds the new master); the last check's error is thrown.
public func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    // A cancelled test stops polling: its sleep would return at once and the loop spin to the deadline.
    while ContinuousClock.now < deadline && !Task.isCancelled {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
