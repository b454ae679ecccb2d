import Foundation
import Postgres

extension AlertRepository {
    /// One user's claimed alerts and the webhook they go to.
    public struct Delivery: Sendable, Equatable {
        public var webhook: AlertWebhook
        /// Oldest first.
        public var alerts: [PickAlert]
    }

    /// Sets the user's webhook, or replaces its URL and secret (its failures start again at zero); alerts raised from
    /// when it was first set are delivered.
    public func setWebhook(userID: UUID, url: String, secret: String) async throws -> AlertWebhook {
        try await database.query(
            """
            INSERT INTO alert_webhooks (user_id, url, secret) VALUES (\(userID), \(url), \(secret))
            ON CONFLICT (user_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, last_attempt_at = NULL,
                last_status = NULL, last_error = NULL, consecutive_failures = 0
            RETURNING *
            """
        ).rows.map(Self.webhook)[0]
    }

    /// The user's webhook, if set.
    public func webhook(userID: UUID) async throws -> AlertWebhook? {
        try await database.query("SELECT * FROM alert_webhooks WHERE user_id = \(userID)").first.map(Self.webhook)
    }

    /// Every webhook's stored secret, by user (to re-seal them under a new key).
    public func webhookSecrets() async throws -> [UUID: String] {
        try await database.dictionary("SELECT user_id, secret FROM alert_webhooks", key: "user_id", value: "secret")
    }

    /// Replaces a webhook's stored secret if it is still `expected` (a new webhook set meanwhile wins); true when
    /// replaced.
    public func replaceWebhookSecret(userID: UUID, expected: String, with secret: String) async throws -> Bool {
        try await database.query(
            "UPDATE alert_webhooks SET secret = \(secret) WHERE user_id = \(userID) AND secret = \(expected)"
        ).affectedRows == 1
    }

    /// Removes the user's webhook; false when none was set. Their alerts stay in the inbox.
    public func deleteWebhook(userID: UUID) async throws -> Bool {
        try await database.query("DELETE FROM alert_webhooks WHERE user_id = \(userID)").affectedRows == 1
    }

    /// Claims up to `limit` alerts to deliver, grouped by user: undelivered, raised in the last `within` seconds and
    /// after the user's webhook was set, and not claimed by another run in the last `lease` seconds (a run that died
    /// mid-delivery leaves its claim to expire). Rows another run is claiming at the same moment are skipped. A webhook
    /// that failed n times in a row waits `backoff` · 2ⁿ⁻¹ seconds after its last attempt, at most an hour, so an
    /// endpoint that is down costs a run little.
    public func claimDeliveries(limit: Int, within: TimeInterval = 86_400, lease: TimeInterval = 120, backoff: TimeInterval = 60)
        async throws -> [Delivery]
    {
        let claimed = try await database.query(
            """
            UPDATE pick_alerts SET delivery_claimed_at = now()
            WHERE id IN (
                SELECT a.id FROM pick_alerts a JOIN alert_webhooks w ON w.user_id = a.user_id
                WHERE a.delivered_at IS NULL AND a.created_at >= w.created_at
                    AND a.created_at >= now() - make_interval(secs => \(within)::float8)
                    AND (a.delivery_claimed_at IS NULL OR a.delivery_claimed_at < now() - make_interval(secs => \(lease)::float8))
                    AND (w.consecutive_failures = 0 OR w.last_attempt_at <= now() - make_interval(
                        secs => least(3600, \(backoff)::float8 * power(2, least(w.consecutive_failures, 20) - 1))))
                ORDER BY a.created_at, a.id LIMIT \(limit)
                FOR UPDATE OF a SKIP LOCKED)
            RETURNING id
            """
        ).rows.map { try $0.decode(Int.self, "id") }
        guard !claimed.isEmpty else { return [] }
        let alerts = try await database.query(
            PostgresQuery(
                "SELECT " + Self.alertColumns + " FROM " + Self.alertJoins + " WHERE a.id = ANY($1::bigint[]) ORDER BY a.created_at, a.id",
                binds: [claimed.postgresBind])
        ).rows.map(Self.alert)
        let users = Array(Set(alerts.map(\.userID)))
        var webhooks: [UUID: AlertWebhook] = [:]
        for row in try await database.query("SELECT * FROM alert_webhooks WHERE user_id = ANY(\(users)::uuid[])").rows {
            let webhook = try Self.webhook(row)
            webhooks[webhook.userID] = webhook
        }
        // A webhook deleted since the claim: its alerts stay in the inbox, undelivered.
        return Dictionary(grouping: alerts, by: \.userID).compactMap { user, alerts in
            webhooks[user].map { Delivery(webhook: $0, alerts: alerts) }
        }.sorted { ($0.alerts.first?.id ?? 0) < ($1.alerts.first?.id ?? 0) }
    }

    /// Records an attempt to deliver `alertIDs` to `userID`'s webhook: `error` nil marks them delivered; otherwise
    /// their claim is released for the next run and the failure counted. `status` is the endpoint's answer, if any.
    public func recordDelivery(userID: UUID, alertIDs: [Int], status: Int?, error: String?) async throws {
        try await database.withTransaction(isolation: #isolation) { tx in
            if error == nil {
                _ = try await tx.query("UPDATE pick_alerts SET delivered_at = now() WHERE id = ANY(\(alertIDs)::bigint[])")
            } else {
                _ = try await tx.query("UPDATE pick_alerts SET delivery_claimed_at = NULL WHERE id = ANY(\(alertIDs)::bigint[])")
            }
            _ = try await tx.query(
                """
                UPDATE alert_webhooks SET last_attempt_at = now(), last_status = \(status), last_error = \(error),
                    consecutive_failures = CASE WHEN \(error)::text IS NULL THEN 0 ELSE consecutive_failures + 1 END
                WHERE user_id = \(userID)
                """)
        }
    }

    /// Releases the claim on `alertIDs` without an attempt: the worker could not sign them, which is its configuration,
    /// not the endpoint's failure, so the webhook's record and backoff are left as they were.
    public func releaseDeliveries(alertIDs: [Int]) async throws {
        _ = try await database.query("UPDATE pick_alerts SET delivery_claimed_at = NULL WHERE id = ANY(\(alertIDs)::bigint[])")
    }

    private static func webhook(_ row: PostgresRow) throws -> AlertWebhook {
        AlertWebhook(
            userID: try row.decode("user_id"), url: try row.decode("url"), secret: try row.decode("secret"),
            createdAt: try row.decode("created_at"), lastAttemptAt: try row.decode("last_attempt_at"),
            lastStatus: try row.decode("last_status"), lastError: try row.decode("last_error"),
            consecutiveFailures: try row.decode("consecutive_failures"))
    }
}
