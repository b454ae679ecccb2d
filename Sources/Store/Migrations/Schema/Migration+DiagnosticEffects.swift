extension Migration {
    /// 8: a table diagnostic jobs write to, so chaos runs can count each job's effect.
    ///
    /// Deliberately without a unique key: a job that wrote twice would show as two rows,
    /// so the effectively-once guard (`job_effects`) is what the check actually tests.
    static let diagnosticEffects = Migration(
        version: 8,
        name: "diagnostic_effects",
        up: """
            CREATE TABLE diagnostic_effects (
                job_id     text        NOT NULL,
                ledger     text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX diagnostic_effects_ledger ON diagnostic_effects (ledger, job_id);
            """,
        down: """
            DROP TABLE diagnostic_effects;
            """
    )
}
