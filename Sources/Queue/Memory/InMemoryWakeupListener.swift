/// Takes a queue's wake-up tokens from the in-memory backend, looking every few milliseconds.
struct InMemoryWakeupListener: QueueWakeupListener {
    let backend: InMemoryQueueBackend
    let queue: String

    func next(timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await backend.takeWakeup(queue: queue) { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    func close() {}
}
