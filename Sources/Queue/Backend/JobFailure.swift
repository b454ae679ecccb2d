/// A leased job's failed attempt: the error for its history and what should happen next.
public struct JobFailure: Sendable, Equatable {
    public var lease: JobLease
    public var error: AttemptError
    public var mode: JobQueue.FailureMode

    public init(lease: JobLease, error: AttemptError, mode: JobQueue.FailureMode) {
        self.lease = lease
        self.error = error
        self.mode = mode
    }
}
