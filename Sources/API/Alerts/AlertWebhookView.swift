import Foundation
import Store

/// The caller's alert webhook as the API shows it: the secret only in the answer that set it.
struct AlertWebhookView: Encodable, Sendable {
    var url: String
    /// `whsec_…`: check each delivery's `AIPS-Signature` with it. Shown once, when set.
    var secret: String?
    var createdAt: Date?
    var lastAttemptAt: Date?
    var lastStatus: Int?
    var lastError: String?
    var consecutiveFailures: Int

    init(_ webhook: AlertWebhook, showingSecret: Bool) {
        url = webhook.url
        secret = showingSecret ? webhook.secret : nil
        createdAt = webhook.createdAt
        lastAttemptAt = webhook.lastAttemptAt
        lastStatus = webhook.lastStatus
        lastError = webhook.lastError
        consecutiveFailures = webhook.consecutiveFailures
    }
}
