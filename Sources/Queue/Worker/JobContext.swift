import Logging

/// What a running job knows about itself, and how it reports progress.
public struct JobContext: Sendable {
    public let id: String
    public let type: String
    public let queue: String
    /// 1 for the first run.
    public let attempt: Int
    public let maxAttempts: Int
    /// A logger that stamps every line with the job id, type and attempt.
    public let logger: Logger
    let reportProgress: @Sendable (Int, String) async throws -> Void

    /// Records progress (0–100) and a short message, visible to operators and the API.
    public func progress(_ percent: Int, _ message: String = "") async throws {
        try await reportProgress(percent, message)
    }
}

/// Thrown by a handler for a failure that retrying cannot fix: the job goes straight to the dead set.
public struct PermanentJobError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
