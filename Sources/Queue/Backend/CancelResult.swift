/// What a backend did with a cancel request; `JobQueue.cancel` turns the refusals into errors.
public enum CancelResult: Sendable, Equatable {
    /// It had not started; it is cancelled now.
    case cancelled
    /// It is running; its worker sees the request at its next heartbeat.
    case requested
    /// There is no such job.
    case missing
    /// It had already ended in this state.
    case finished(JobState)
}
