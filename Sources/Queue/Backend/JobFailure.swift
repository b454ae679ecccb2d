/// A leased job's failed attempt: the error for its history and what should happen next.
public struct JobFailure: Sendable, Equatable {
    public var lease: JobLease
    public var error: AttemptError
    public var mode: JobQueue.FailureMode
}
