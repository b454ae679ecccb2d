/// A failure the sandbox can be told to serve, to test how collectors handle bad upstream responses.
public enum SandboxFault: Sendable, Equatable {
    /// The body is cut off halfway (a dropped connection behind a proxy that still said 200).
    case truncatedBody
    /// Numbers are sent as strings and numeric strings as numbers (a schema change upstream).
    case wrongTypes
    /// The status with an empty body.
    case status(Int)
    /// 429 with `Retry-After` set to this text (delay-seconds or an HTTP-date) and an empty body.
    case throttled(retryAfter: String)
    /// Status 200 with this body instead (Savant's `Error: Query Timeout…`).
    case body(String)
    /// The real body, one byte every `interval` (a stalled upstream or proxy that never closes the response).
    case trickle(interval: Duration)
    /// The real body padded with spaces to `bytes` (valid JSON, far larger than any real answer).
    case oversized(bytes: Int)
}
