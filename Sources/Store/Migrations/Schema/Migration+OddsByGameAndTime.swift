extension Migration {
    /// 7: odds are indexed by game and time instead of by game and line.
    ///
    /// A game collects a snapshot of every line every 60 s for days, so "the latest line" must not read
    /// the game's whole history: the repository reads a recent time window through this index and picks
    /// the latest row per line from it. The narrower index is also cheaper to keep up during COPY, and
    /// still serves the anti-join of "games without odds".
    static let oddsByGameAndTime = Migration(
        version: 7,
        name: "odds_by_game_and_time",
        up: """
            DROP INDEX odds_game_line;
            CREATE INDEX odds_game_recorded_at ON odds (game_id, recorded_at DESC);
            """,
        down: """
            DROP INDEX odds_game_recorded_at;
            CREATE INDEX odds_game_line ON odds (game_id, market, bookmaker, outcome, recorded_at DESC);
            """
    )
}
