import Synchronization

/// A request to stop a fit, set from any thread and polled by the learners between trees, λs, folds and models.
///
/// Fits are synchronous and run off the cooperative pool (the training queue's thread, and the threads `Parallel`
/// spreads work over), where `Task.isCancelled` is false whatever the job's task was asked. A token carries the
/// request there: ``bind(_:)`` makes it the one ``check()`` consults for the duration of a fit, on that thread and
/// on the threads `Parallel` hands the fit's work to, so the learners' signatures need not carry it.
public final class CancellationToken: Sendable {
    /// The token of the fit running on this thread (or in this task), if one was bound.
    @TaskLocal static var current: CancellationToken?

    private let cancelled = Atomic<Bool>(false)

    /// A token not yet cancelled.
    public init() {}

    /// Asks the fit this token is bound to to stop at its next check.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Runs `work` with this token as the one ``check()`` consults.
    public func bind<T>(_ work: () throws -> T) rethrows -> T {
        try Self.$current.withValue(self, operation: work)
    }

    /// Whether the fit on this thread was asked to stop: its bound token was cancelled or, when it runs in a task
    /// without one, the task was.
    public static var isRequested: Bool { current?.isCancelled ?? false || Task.isCancelled }

    /// Throws `CancellationError` when the fit on this thread was asked to stop (see ``isRequested``).
    public static func check() throws {
        if isRequested { throw CancellationError() }
    }
}
