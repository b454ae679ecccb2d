/// Coalesces concurrent single calls into batched ones: while one batch is in flight,
/// new items wait and go together in the next.
///
/// No background task: the caller whose item starts a batch sends it; when it returns,
/// the first waiting caller is woken to send the next batch (taking everything that
/// queued meanwhile). Under load batches grow; when idle, a call is sent at once.
actor Batcher<Item: Sendable, Output: Sendable> {
    private enum Wake {
        case done(Result<Output, any Error>)
        case sendNextBatch
    }

    private struct Waiting {
        let item: Item
        let continuation: CheckedContinuation<Wake, Never>
    }

    private let maximumBatch: Int
    private let send: @Sendable ([Item]) async throws -> [Output]
    private var waiting: [Waiting] = []
    private var sending = false

    init(maximumBatch: Int = 500, send: @escaping @Sendable ([Item]) async throws -> [Output]) {
        self.maximumBatch = maximumBatch
        self.send = send
    }

    func submit(_ item: Item) async throws -> Output {
        if sending {
            switch await withCheckedContinuation({ waiting.append(Waiting(item: item, continuation: $0)) }) {
            case .done(let result): return try result.get()
            case .sendNextBatch: return try await sendBatch(leading: item)
            }
        }
        return try await sendBatch(leading: item)
    }

    /// Sends `item` with the waiting items; the caller becomes the sender for this round.
    private func sendBatch(leading item: Item) async throws -> Output {
        sending = true
        let followers = Array(waiting.prefix(maximumBatch - 1))
        waiting.removeFirst(followers.count)
        let result: Result<[Output], any Error>
        do {
            result = .success(try await send([item] + followers.map(\.item)))
        } catch {
            result = .failure(error)
        }
        sending = false
        if !waiting.isEmpty {
            sending = true
            waiting.removeFirst().continuation.resume(returning: .sendNextBatch)
        }
        switch result {
        case .success(let outputs):
            for (index, follower) in followers.enumerated() {
                follower.continuation.resume(returning: .done(index + 1 < outputs.count ? .success(outputs[index + 1]) : .failure(BatchError.missingOutput)))
            }
            guard let first = outputs.first else { throw BatchError.missingOutput }
            return first
        case .failure(let error):
            for follower in followers { follower.continuation.resume(returning: .done(.failure(error))) }
            throw error
        }
    }

    enum BatchError: Error { case missingOutput }
}
