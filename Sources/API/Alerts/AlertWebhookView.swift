import Foundation
import Store

/// The caller's alert webhook as the API shows it (`AlertWebhook`'s public fields), with the secret only in the answer
/// that set it.
struct AlertWebhookView: Encodable, Sendable {
    var webhook: AlertWebhook
    /// `whsec_…`: check each delivery's `AIPS-Signature` with it. Shown once, when set.
    var secret: String?

    /// `secret`: the new secret in plain text, in the answer that set it (the stored one is sealed).
    init(_ webhook: AlertWebhook, secret: String? = nil) {
        self.webhook = webhook
        self.secret = secret
    }

    private enum CodingKeys: String, CodingKey {
        case secret
    }

    func encode(to encoder: any Encoder) throws {
        try webhook.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(secret, forKey: .secret)
    }
}
