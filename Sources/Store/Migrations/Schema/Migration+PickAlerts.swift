extension Migration {
    /// 30: alerts to users (seed 5.2's alert engagement and conversion). A user's `alert_rules` say which new picks
    /// they want to hear of (a sport, a market, a lowest tier; none of the first two: all); `predict` raises a
    /// `pick_alerts` row per user and matching pick, once, and opening it records the click-through.
    static let pickAlerts = Migration(
        version: 30,
        name: "pick_alerts",
        up: """
            CREATE TABLE alert_rules (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                sport text CHECK (sport <> ''),
                bet_type text CHECK (bet_type IN ('spread', 'moneyline', 'total', 'player_prop')),
                min_tier text NOT NULL CHECK (min_tier IN ('A', 'B', 'C', 'D')),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE UNIQUE INDEX alert_rules_one_per_scope ON alert_rules (user_id, coalesce(sport, ''), coalesce(bet_type, ''));

            CREATE TABLE pick_alerts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                prediction_id bigint NOT NULL REFERENCES predictions (id) ON DELETE CASCADE,
                rule_id bigint REFERENCES alert_rules (id) ON DELETE SET NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                opened_at timestamptz,
                UNIQUE (user_id, prediction_id)
            );
            CREATE INDEX pick_alerts_user ON pick_alerts (user_id, created_at DESC, id DESC);
            CREATE INDEX pick_alerts_created_at ON pick_alerts (created_at);
            """,
        down: """
            DROP TABLE pick_alerts;
            DROP TABLE alert_rules;
            """
    )
}
