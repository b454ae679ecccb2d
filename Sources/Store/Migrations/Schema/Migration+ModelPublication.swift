extension Migration {
    /// 26: a model is trained for one publication (issue #14): the forecast published when a game's market opens, or the
    /// one on game day. Each has its own champion, shadow and promotion request, as a sport's bet types do: what a model
    /// learns from features taken an hour before the start (the line has priced the news by then) is the opening line
    /// at the open. Every model before this one was trained on features before the start: a game-day model.
    ///
    /// Going down refuses while an open model exists rather than make two champions of one market.
    static let modelPublication = Migration(
        version: 26,
        name: "model_publication",
        up: """
            ALTER TABLE models ADD COLUMN publication text NOT NULL DEFAULT 'game_day'
                CHECK (publication IN ('open', 'game_day'));
            DROP INDEX models_one_champion;
            CREATE UNIQUE INDEX models_one_champion ON models (sport, bet_type, publication) WHERE status = 'champion';
            DROP INDEX models_one_shadow;
            CREATE UNIQUE INDEX models_one_shadow ON models (sport, bet_type, publication) WHERE status = 'shadow';
            """,
        down: """
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM models WHERE publication = 'open') THEN
                    RAISE EXCEPTION 'open-publication models exist: retire or delete them first';
                END IF;
            END $$;
            DROP INDEX models_one_shadow;
            CREATE UNIQUE INDEX models_one_shadow ON models (sport, bet_type) WHERE status = 'shadow';
            DROP INDEX models_one_champion;
            CREATE UNIQUE INDEX models_one_champion ON models (sport, bet_type) WHERE status = 'champion';
            ALTER TABLE models DROP COLUMN publication;
            """
    )
}
