/// One failed attempt, as recorded in the job's error history.
public struct AttemptError: Codable, Sendable, Equatable {
    /// The attempt that failed (0 for errors that are not attempts, such as a failed parent).
    public var attempt: Int
    /// When, in milliseconds since the epoch.
    public var at: Int64
    /// `error`, `timeout`, `cancelled`, `lease_expired`, `dependency`, `unknown_type`, `invalid_payload`.
    public var kind: String
    public var message: String
    public var worker: String?

    public init(attempt: Int, at: Int64, kind: String, message: String, worker: String? = nil) {
        self.attempt = attempt
        self.at = at
        self.kind = kind
        self.message = message
        self.worker = worker
    }
}
