extension Migration {
    /// 23: NBA players' points per game from ESPN's box score (issue #17: player-points props).
    ///
    /// One row per athlete the box score lists, keyed by ESPN's athlete id; a player who did not play keeps a row
    /// (`did_not_play`, no points) so his props are voided rather than left pending. The name is the books' name for
    /// him too: prices are joined to players through it, as batter-hits prices are through `statcast.batter_name`.
    static let playerGamePoints = Migration(
        version: 23,
        name: "player_game_points",
        up: """
            CREATE TABLE player_game_points (
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                player_id bigint NOT NULL,
                player_name text NOT NULL,
                team_id bigint NOT NULL REFERENCES teams (id),
                did_not_play boolean NOT NULL,
                minutes integer CHECK (minutes >= 0),
                points integer CHECK (points >= 0),
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (game_id, player_id),
                CHECK (did_not_play OR points IS NOT NULL)
            );
            CREATE INDEX player_game_points_name ON player_game_points (player_name, player_id);
            CREATE INDEX player_game_points_player ON player_game_points (player_id);
            """,
        down: """
            DROP TABLE player_game_points;
            """
    )
}
