/// Why a collector failed, with the source, the endpoint (never the key) and what the upstream said.
public struct CollectorError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The upstream could not be reached or timed out.
        case unreachable
        /// 429: too many requests; retry later.
        case rateLimited
        /// 401: the key is missing, invalid or deactivated; retrying cannot help.
        case invalidCredentials
        /// 401 `OUT_OF_USAGE_CREDITS`: the quota is used up; retrying cannot help until it renews.
        case quotaExhausted
        /// A 4xx the request itself caused (unknown sport, bad parameter); retrying cannot help.
        case requestRejected
        /// A 5xx or unexpected status.
        case upstreamFailed
        /// The body is not what the format says (truncated, wrong types, inconsistent values).
        case invalidPayload
    }

    /// What went wrong.
    public var code: Code
    /// The source (`the-odds-api`, `espn`, `open-meteo`).
    public var source: String
    /// The path and query fetched, without credentials.
    public var endpoint: String
    /// The HTTP status, when there was a response.
    public var status: Int?
    /// Details: the upstream's error code and message, or where the payload broke.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, source: String, endpoint: String, status: Int? = nil, message: String) {
        self.code = code
        self.source = source
        self.endpoint = endpoint
        self.status = status
        self.message = message
    }

    /// True when retrying the same request cannot succeed.
    public var isPermanent: Bool {
        switch code {
        case .invalidCredentials, .quotaExhausted, .requestRejected: true
        case .unreachable, .rateLimited, .upstreamFailed, .invalidPayload: false
        }
    }

    public var description: String {
        "\(source) \(endpoint): \(code.rawValue)\(status.map { " (HTTP \($0))" } ?? ""): \(message)"
    }
}
