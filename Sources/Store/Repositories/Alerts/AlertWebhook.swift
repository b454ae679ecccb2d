import Foundation

/// Where a user's new alerts are POSTed (`alerts.deliver`), the secret that signs them, and how the last attempt went.
/// Encoded, it shows the URL and the attempts, never the user or the secret.
public struct AlertWebhook: Sendable, Equatable, Encodable {
    public var userID: UUID
    /// An `https` URL (or `http` on a loopback host).
    public var url: String
    /// The signing secret (`whsec_` and 64 hex digits) as stored: sealed (`SecretKeyring`, for `.webhook`), or in plain
    /// text when set before secrets were sealed. The receiver checks each delivery's signature with the secret itself.
    public var secret: String
    /// When the webhook was set; alerts raised before it are not delivered. Set by the database.
    public var createdAt: Date?
    public var lastAttemptAt: Date?
    /// The HTTP status of the last attempt; nil when it got no answer (or none was made).
    public var lastStatus: Int?
    /// Why the last attempt failed; nil after a success.
    public var lastError: String?
    /// Failed attempts since the last success.
    public var consecutiveFailures: Int

    /// A webhook.
    public init(
        userID: UUID, url: String, secret: String, createdAt: Date? = nil, lastAttemptAt: Date? = nil, lastStatus: Int? = nil,
        lastError: String? = nil, consecutiveFailures: Int = 0
    ) {
        self.userID = userID
        self.url = url
        self.secret = secret
        self.createdAt = createdAt
        self.lastAttemptAt = lastAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
    }

    private enum CodingKeys: String, CodingKey {
        case url, createdAt, lastAttemptAt, lastStatus, lastError, consecutiveFailures
    }
}
