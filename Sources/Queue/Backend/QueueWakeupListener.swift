/// Hears that a queue may have work, so an idle worker starts a new job at once instead of at its next poll.
public protocol QueueWakeupListener: Sendable {
    /// Waits up to `timeout` for a wake-up; returns whether one came.
    func next(timeout: Duration) async throws -> Bool
    /// Stops listening; the listener is not used again.
    func close()
}
