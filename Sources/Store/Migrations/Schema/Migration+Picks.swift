extension Migration {
    /// 15: forecasts and picks, and when each was published.
    ///
    /// A prediction row is now one **forecast** per game, market, model and publication (`open`: the first run
    /// that saw prices for the game; `game_day`: the configured hour on game day), published at `published_at`
    /// and never rewritten; `pick` marks the forecast that is also a staked pick (at most one side per game and
    /// market). `hash_version` says which canonical content the row's hash covers (1: before picks; 2: also the
    /// pick flag, bookmaker, publication and its time). `sharp_agreement` is filled when a pick is settled.
    ///
    /// Rows from before (both sides of every market stored, each staked) migrate as publications at open,
    /// published when they were created; of each game, model and market the side with the larger edge becomes
    /// the pick when its tier is C or better, and a settled side that is not a pick keeps its result (the
    /// forecast's outcome) but no longer counts profit or CLV. Their hashes are untouched (version 1).
    static let picks = Migration(
        version: 15,
        name: "picks",
        up: """
            ALTER TABLE predictions
                ADD COLUMN pick boolean NOT NULL DEFAULT false,
                ADD COLUMN bookmaker text,
                ADD COLUMN publication text NOT NULL DEFAULT 'open' CHECK (publication IN ('open', 'game_day')),
                ADD COLUMN published_at timestamptz,
                ADD COLUMN hash_version integer NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2)),
                ADD COLUMN sharp_agreement boolean;
            UPDATE predictions SET published_at = created_at WHERE bet_type <> 'player_prop';
            UPDATE predictions p SET pick = true
            FROM (SELECT DISTINCT ON (game_id, model_id, bet_type) id, tier
                  FROM predictions
                  WHERE bet_type <> 'player_prop' AND price IS NOT NULL AND stake > 0
                  ORDER BY game_id, model_id, bet_type, edge DESC, id) best
            WHERE p.id = best.id AND best.tier IN ('A', 'B', 'C');
            UPDATE predictions SET profit = 0, clv = NULL WHERE NOT pick AND status = 'settled' AND bet_type <> 'player_prop';
            -- A publication is made once: a later run cannot add a second forecast for the same one.
            CREATE UNIQUE INDEX predictions_one_publication ON predictions (game_id, model_id, bet_type, publication)
                WHERE hash_version >= 2 AND bet_type <> 'player_prop';
            CREATE INDEX predictions_picks ON predictions (sport, game_id) WHERE pick;
            """,
        down: """
            DROP INDEX predictions_picks;
            DROP INDEX predictions_one_publication;
            ALTER TABLE predictions DROP COLUMN sharp_agreement, DROP COLUMN hash_version, DROP COLUMN published_at,
                DROP COLUMN publication, DROP COLUMN bookmaker, DROP COLUMN pick;
            """
    )
}
