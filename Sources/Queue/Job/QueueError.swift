/// A queue operation that could not be done, saying which job or queue and why.
public struct QueueError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        /// The request itself is wrong: bad queue name, unknown job type, invalid payload.
        case invalidRequest
        /// The idempotency key is already used by a job with a different payload.
        case idempotencyConflict
        /// A scheduler leader that lost its lease tried to enqueue with its old fencing token.
        case staleFence
        /// No job with this id exists (or it was pruned after its retention).
        case notFound
        /// The job is not in a state that allows the operation.
        case invalidState
    }

    public var code: Code
    public var message: String
    public var jobID: String?
    public var queue: String?

    public init(_ code: Code, _ message: String, jobID: String? = nil, queue: String? = nil) {
        self.code = code
        self.message = message
        self.jobID = jobID
        self.queue = queue
    }

    public var description: String {
        var parts = ["queue \(code.rawValue): \(message)"]
        if let queue { parts.append("queue=\(queue)") }
        if let jobID { parts.append("job=\(jobID)") }
        return parts.joined(separator: " ")
    }
}
