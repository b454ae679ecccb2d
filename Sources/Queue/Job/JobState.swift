/// Where a job is in its life.
public enum JobState: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    /// Waiting for its parent jobs to succeed.
    case waiting
    /// Due later (run-at or delay).
    case scheduled
    /// Ready for a worker.
    case queued
    /// Leased by a worker.
    case running
    case succeeded
    /// Failed an attempt; due again after its backoff.
    case retrying
    /// Out of attempts (or failed for good); kept with its errors, retryable by an operator.
    case dead
    case cancelled

    /// Whether the job has ended (it will not run again unless an operator retries it).
    public var isFinished: Bool { self == .succeeded || self == .dead || self == .cancelled }

}
