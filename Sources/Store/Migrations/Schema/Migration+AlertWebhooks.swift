extension Migration {
    /// 31: alerts delivered outside the API. A user's `alert_webhooks` row is where `alerts.deliver` POSTs their new
    /// alerts, signed with its secret, and how its last attempt went; `pick_alerts.delivered_at` marks an alert the
    /// endpoint accepted, `delivery_claimed_at` one a delivery run is sending (a lease, so two runs do not both send it).
    static let alertWebhooks = Migration(
        version: 31,
        name: "alert_webhooks",
        up: """
            CREATE TABLE alert_webhooks (
                user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                url text NOT NULL CHECK (url ~ '^https?://'),
                secret text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                last_attempt_at timestamptz,
                last_status integer,
                last_error text,
                consecutive_failures integer NOT NULL DEFAULT 0
            );
            ALTER TABLE pick_alerts ADD COLUMN delivered_at timestamptz, ADD COLUMN delivery_claimed_at timestamptz;
            CREATE INDEX pick_alerts_undelivered ON pick_alerts (user_id, created_at) WHERE delivered_at IS NULL;
            """,
        down: """
            DROP INDEX pick_alerts_undelivered;
            ALTER TABLE pick_alerts DROP COLUMN delivered_at, DROP COLUMN delivery_claimed_at;
            DROP TABLE alert_webhooks;
            """
    )
}
