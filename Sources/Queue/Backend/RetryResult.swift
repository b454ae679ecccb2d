/// What a backend did with an operator's retry; `JobQueue.retry` turns the refusals into errors.
public enum RetryResult: Sendable, Equatable {
    /// The dead or cancelled job is queued again with fresh attempts.
    case queued
    /// There is no such job.
    case missing
    /// Only dead and cancelled jobs are retried; this one is in this state.
    case notFinished(JobState)
}
