import Dispatch
import ML

/// Where model fitting runs: a serial dispatch queue of its own, so minutes of CPU-bound work never occupy a
/// thread of the Swift cooperative pool (which also runs the worker's heartbeats and the API). The learners
/// parallelise inside with `concurrentPerform`; one fit at a time per process keeps them from fighting for cores.
enum ComputeQueue {
    private static let queue = DispatchQueue(label: "aips.training", qos: .utility)

    /// Runs `work` on the compute queue and returns its result.
    ///
    /// Cancelling the calling task (the worker does on a cancel request, a timeout or a lost lease) cancels the
    /// token bound to `work`: the learners check it between trees, λs, folds and models and throw
    /// `CancellationError`, so the queue is free again within seconds. Work still waiting its turn when the task is
    /// cancelled does not start.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let token = CancellationToken()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    continuation.resume(
                        with: Result {
                            try token.bind {
                                try CancellationToken.check()
                                return try work()
                            }
                        })
                }
            }
        } onCancel: {
            token.cancel()
        }
    }
}
