extension Migration {
    /// 6: odds lose their per-row foreign key to games.
    ///
    /// The foreign-key trigger ran once per row (a lookup and a row lock on games) and halved the COPY
    /// throughput of odds snapshots (bench/store). `OddsRepository` now checks a batch's game ids once
    /// per batch instead; the platform never deletes games.
    static let oddsWithoutForeignKey = Migration(
        version: 6,
        name: "odds_without_foreign_key",
        up: """
            ALTER TABLE odds DROP CONSTRAINT odds_game_id_fkey;
            """,
        down: """
            ALTER TABLE odds ADD CONSTRAINT odds_game_id_fkey FOREIGN KEY (game_id) REFERENCES games (id) ON DELETE CASCADE;
            """
    )
}
