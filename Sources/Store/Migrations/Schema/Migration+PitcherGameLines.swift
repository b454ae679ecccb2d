extension Migration {
    /// 24: MLB starting pitchers' lines from ESPN's box score (issue #14: a starter's strikeouts and walks tell his
    /// quality in a few starts, where his runs allowed take a season). One row per game and pitcher, keyed by ESPN's
    /// athlete id as `game_starters` has it.
    static let pitcherGameLines = Migration(
        version: 24,
        name: "pitcher_game_lines",
        up: """
            CREATE TABLE pitcher_game_lines (
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                athlete_id text NOT NULL CHECK (athlete_id <> ''),
                team_id bigint NOT NULL REFERENCES teams (id),
                outs integer NOT NULL CHECK (outs >= 0),
                strikeouts integer NOT NULL CHECK (strikeouts >= 0),
                walks integer NOT NULL CHECK (walks >= 0),
                earned_runs integer NOT NULL CHECK (earned_runs >= 0),
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (game_id, athlete_id)
            );
            CREATE INDEX pitcher_game_lines_athlete ON pitcher_game_lines (athlete_id);
            """,
        down: """
            DROP TABLE pitcher_game_lines;
            """
    )
}
