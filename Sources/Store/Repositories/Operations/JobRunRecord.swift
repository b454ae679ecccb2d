import Foundation

/// A finished job as the queue archives it into `job_runs`.
public struct JobRunRecord: Sendable, Equatable {
    /// The job id (unique; archiving the same id again replaces the record).
    public var id: String
    /// The job type (`collect.odds`).
    public var type: String
    /// The queue it ran on.
    public var queue: String
    /// The final state: `succeeded`, `dead` or `cancelled`.
    public var state: String
    /// How many attempts it took.
    public var attempts: Int
    /// The payload, as JSON text.
    public var payload: String
    /// The result, as JSON text, if any.
    public var result: String?
    /// The error of each failed attempt, as a JSON array.
    public var errors: String
    /// When it was submitted.
    public var createdAt: Date
    /// When its last attempt started.
    public var startedAt: Date?
    /// When it finished.
    public var finishedAt: Date

    /// Creates a record.
    public init(
        id: String, type: String, queue: String, state: String, attempts: Int, payload: String, result: String? = nil,
        errors: String = "[]", createdAt: Date, startedAt: Date? = nil, finishedAt: Date
    ) {
        self.id = id
        self.type = type
        self.queue = queue
        self.state = state
        self.attempts = attempts
        self.payload = payload
        self.result = result
        self.errors = errors
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
