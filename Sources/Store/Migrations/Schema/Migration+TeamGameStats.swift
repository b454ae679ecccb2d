extension Migration {
    /// 25: each team's statistics in a final football, hockey or soccer game, from ESPN's box score (issue #20: shots,
    /// power plays, yards and turnovers tell a team's strength sooner than its scores). One row per game and team; the
    /// statistics as numbers by ESPN's names (`totalShots`, `powerPlayGoals`, `totalYards`), a compound value split
    /// (`thirdDownEff` 5-13 as `thirdDownConversions` and `thirdDownAttempts`).
    static let teamGameStats = Migration(
        version: 25,
        name: "team_game_stats",
        up: """
            CREATE TABLE team_game_stats (
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                team_id bigint NOT NULL REFERENCES teams (id),
                stats jsonb NOT NULL CHECK (jsonb_typeof(stats) = 'object'),
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (game_id, team_id)
            );
            """,
        down: """
            DROP TABLE team_game_stats;
            """
    )
}
