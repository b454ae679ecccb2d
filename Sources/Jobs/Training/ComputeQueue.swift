import Dispatch

/// Where model fitting runs: a serial dispatch queue of its own, so minutes of CPU-bound work never occupy a
/// thread of the Swift cooperative pool (which also runs the worker's heartbeats and the API). The learners
/// parallelise inside with `concurrentPerform`; one fit at a time per process keeps them from fighting for cores.
enum ComputeQueue {
    private static let queue = DispatchQueue(label: "aips.training", qos: .utility)

    /// Runs `work` on the compute queue and returns its result.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
