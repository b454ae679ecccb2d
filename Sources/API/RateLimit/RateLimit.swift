/// A number of requests allowed per window.
public struct RateLimit: Sendable, Equatable {
    /// Requests allowed in one window.
    public var requests: Int
    /// The window.
    public var window: Duration

    /// `requests` per `window`.
    public init(requests: Int, per window: Duration) {
        self.requests = requests
        self.window = window
    }
}
