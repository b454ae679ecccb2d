import Essentials
import Foundation
import Hummingbird
import Store

/// `/alerts/webhook`: where `alerts.deliver` POSTs the caller's new alerts, signed (`WebhookSignature`), within about a
/// minute of the run that raised them.
extension AlertRoutes {
    /// The caller's webhook and how its last delivery went; 404 when none is set.
    @Sendable func webhook(_ request: Request, context: APIRequestContext) async throws -> Envelope<AlertWebhookView, EmptyMeta> {
        let user = try context.requireUserID()
        guard let webhook = try await database.alerts.webhook(userID: user) else { throw Self.noWebhook }
        return Envelope(data: AlertWebhookView(webhook), meta: EmptyMeta())
    }

    /// Sets the webhook, or replaces its URL; either way with a new secret, answered this once and stored sealed
    /// (`SecretKeyring`): the database holds no secret that could sign a delivery.
    @Sendable func setWebhook(_ request: Request, context: APIRequestContext) async throws -> Envelope<AlertWebhookView, EmptyMeta> {
        let user = try context.requireUserID()
        var request = request
        let url = try await request.decodeJSON(AlertWebhookRequest.self, context: context, limit: maxBodySize).validatedURL(allowingPrivateHosts: webhookPrivateHosts)
        let secret = try WebhookSignature.newSecret()
        let webhook = try await database.alerts.setWebhook(userID: user, url: url, secret: try webhookSecrets.seal(secret))
        return Envelope(data: AlertWebhookView(webhook, secret: secret), meta: EmptyMeta())
    }

    /// 204; the alerts stay in the inbox.
    @Sendable func deleteWebhook(_ request: Request, context: APIRequestContext) async throws -> Response {
        let user = try context.requireUserID()
        guard try await database.alerts.deleteWebhook(userID: user) else { throw Self.noWebhook }
        return Response(status: .noContent)
    }

    private static let noWebhook = APIError(.notFound, code: "ALERT_WEBHOOK_NOT_FOUND", "no alert webhook is set")
}
