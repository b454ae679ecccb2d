extension Migration {
    /// 11: evaluation reports stored with their model, and the log of promotion decisions and rollbacks.
    static let modelReports = Migration(
        version: 11,
        name: "model_reports",
        up: """
            -- A self-contained HTML page per calibrated model: walk-forward summary, reliability, importance, SHAP, ROI.
            CREATE TABLE model_reports (
                model_id bigint PRIMARY KEY REFERENCES models (id) ON DELETE CASCADE,
                html text NOT NULL CHECK (html <> ''),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            -- Every promotion decision and automatic rollback, with the numbers behind it.
            CREATE TABLE model_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                model_id bigint NOT NULL REFERENCES models (id) ON DELETE CASCADE,
                kind text NOT NULL CHECK (kind IN ('promoted', 'kept_challenger', 'rolled_back', 'reinstated')),
                reason text NOT NULL,
                details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX model_events_model ON model_events (model_id, created_at DESC);
            """,
        down: """
            DROP TABLE model_events;
            DROP TABLE model_reports;
            """
    )
}
