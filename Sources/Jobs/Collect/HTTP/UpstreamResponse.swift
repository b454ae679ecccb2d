import Foundation

/// One upstream answer: status, the headers a collector reads, the body bytes and when it arrived.
public struct UpstreamResponse: Sendable {
    /// The source it came from.
    public let source: String
    /// The path and query fetched, without credentials.
    public let endpoint: String
    /// The HTTP status.
    public let status: Int
    /// Response headers, names lowercased.
    public let headers: [String: String]
    /// The body as received.
    public let body: Data
    /// When it arrived.
    public let fetchedAt: Date

    /// The body's first `count` bytes as text, for an error message.
    func bodyPrefix(_ count: Int = 200) -> String {
        String(decoding: body.prefix(count), as: UTF8.self)
    }
}
