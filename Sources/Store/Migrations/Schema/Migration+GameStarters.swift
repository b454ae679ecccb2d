extension Migration {
    /// 16: MLB probable starting pitchers as ESPN's scoreboard announced them, one row per change of a team's
    /// starter for a game with when the platform first saw it, so features can ask who was announced at a time;
    /// and the innings a game went (from the scoreboard's line score), so extra-inning games are known.
    static let gameStarters = Migration(
        version: 16,
        name: "game_starters",
        up: """
            CREATE TABLE game_starters (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
                source text NOT NULL,
                athlete_id text NOT NULL CHECK (athlete_id <> ''),
                athlete_name text NOT NULL,
                first_seen_at timestamptz NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (game_id, team_id, first_seen_at)
            );
            CREATE INDEX game_starters_first_seen ON game_starters (first_seen_at);
            ALTER TABLE games ADD COLUMN innings smallint CHECK (innings > 0);
            """,
        down: """
            ALTER TABLE games DROP COLUMN innings;
            DROP TABLE game_starters;
            """
    )
}
