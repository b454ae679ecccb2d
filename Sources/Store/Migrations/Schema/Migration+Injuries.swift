extension Migration {
    /// 12: injury reports, one row per report (a player's status as of ESPN's update), with when the platform
    /// first and last saw it listed, so features can ask what was known at a time.
    static let injuries = Migration(
        version: 12,
        name: "injuries",
        up: """
            CREATE TABLE injuries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sport text NOT NULL,
                team_id bigint REFERENCES teams (id) ON DELETE SET NULL,
                source_team_id text NOT NULL,
                source text NOT NULL,
                injury_id text NOT NULL CHECK (injury_id <> ''),
                athlete_name text NOT NULL,
                position text,
                status text NOT NULL,
                injury_type text,
                return_date date,
                reported_at timestamptz NOT NULL,
                first_seen_at timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL CHECK (last_seen_at >= first_seen_at),
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (source, sport, injury_id, reported_at)
            );
            CREATE INDEX injuries_team_first_seen ON injuries (team_id, first_seen_at);
            CREATE INDEX injuries_created_at ON injuries USING brin (created_at);
            """,
        down: """
            DROP TABLE injuries;
            """
    )
}
