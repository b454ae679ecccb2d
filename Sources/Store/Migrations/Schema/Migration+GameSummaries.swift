extension Migration {
    /// 13: one row per game from ESPN's game summary: attendance, duration, venue and officials, with when the
    /// summary was fetched.
    static let gameSummaries = Migration(
        version: 13,
        name: "game_summaries",
        up: """
            CREATE TABLE game_summaries (
                game_id bigint PRIMARY KEY REFERENCES games (id) ON DELETE CASCADE,
                attendance integer CHECK (attendance >= 0),
                duration_minutes integer CHECK (duration_minutes >= 0),
                venue_name text,
                officials jsonb NOT NULL DEFAULT '[]'::jsonb,
                fetched_at timestamptz NOT NULL
            );
            """,
        down: """
            DROP TABLE game_summaries;
            """
    )
}
