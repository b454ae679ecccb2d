import CLibPQ
import Synchronization

/// Asks the server to cancel the statement a connection is running, from any thread (`PQcancel`).
final class QueryCanceller: Sendable {
    /// The `PGcancel*`, owned by this object.
    ///
    /// Why `nonisolated(unsafe)` is safe here: the pointer is set once in `init` and never reassigned;
    /// the `PGcancel` it points to is never written after `PQgetCancel` returns; concurrent
    /// `PQcancel` calls are serialized by `lock` anyway (libpq documents `PQcancel` as safe to call
    /// from another thread, even a signal handler: it opens its own socket from the address and key
    /// copied into `PGcancel` and never touches the `PGconn`); and `PQfreeCancel` runs in `deinit`,
    /// when no other reference, so no concurrent `PQcancel`, can exist.
    private nonisolated(unsafe) let cancel: OpaquePointer
    private let lock = Mutex(())
    private let isRunning = Atomic<Bool>(false)

    /// Takes ownership of `cancel` (from `PQgetCancel`), freed in `deinit`.
    init(_ cancel: OpaquePointer) {
        self.cancel = cancel
    }

    deinit {
        PQfreeCancel(cancel)
    }

    /// Runs a blocking libpq call, marking a statement as in flight so `cancelRunningStatement()` may act.
    func running<T>(_ call: () throws -> T) rethrows -> T {
        isRunning.store(true, ordering: .releasing)
        defer { isRunning.store(false, ordering: .releasing) }
        return try call()
    }

    /// Refuses to start a statement for a task already cancelled: its cancel came while the
    /// statement waited for the connection, found nothing running, and would otherwise be lost.
    func throwIfCancelled(statement: String) throws {
        guard !Task.isCancelled else {
            throw StoreError(.server, sqlState: "57014", message: "canceling statement due to user request (before it started)", statement: statement)
        }
    }

    /// Sends a cancel request if a statement is in flight; the statement then fails with SQLSTATE 57014.
    func cancelRunningStatement() {
        guard isRunning.load(ordering: .acquiring) else { return }
        var error = [CChar](repeating: 0, count: 256)
        lock.withLock { _ in
            // A failed request (server gone) leaves nothing to do: the statement ends with the connection.
            _ = PQcancel(cancel, &error, Int32(error.count))
        }
    }
}
