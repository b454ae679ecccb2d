import Dispatch

/// A serial executor backed by one private dispatch queue: where a connection's blocking libpq calls run.
///
/// Each `PostgresConnection` actor runs on its own `ConnectionExecutor`, so a call that waits for the
/// server blocks a dispatch thread, never a thread of the Swift cooperative pool.
final class ConnectionExecutor: SerialExecutor {
    private let queue: DispatchQueue

    /// Creates an executor on a new serial queue named `label`.
    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
