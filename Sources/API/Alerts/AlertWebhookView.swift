import Foundation
import Store

/// The caller's alert webhook as the API shows it (`AlertWebhook`'s public fields), with the secret only in the answer
/// that set it.
struct AlertWebhookView: Encodable, Sendable {
    var webhook: AlertWebhook
    /// `whsec_…`: check each delivery's `AIPS-Signature` with it. Shown once, when set.
    var secret: String?

    init(_ webhook: AlertWebhook, showingSecret: Bool) {
        self.webhook = webhook
        secret = showingSecret ? webhook.secret : nil
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
