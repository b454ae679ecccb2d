extension Migration {
    /// 20: promotion review with a shadow period (ML guide 2.7).
    ///
    /// A challenger that passes every threshold no longer has to become champion at once: it can become a
    /// `shadow` model (at most one per sport and bet type) with a `promotion_requests` row holding its metrics and
    /// the champion it would replace, until an admin approves or rejects it. While it waits, `shadow_forecasts`
    /// keeps one forecast per game from it and from the champion on the same features, graded from the score when
    /// the game is final: a table of its own, so nothing in it can reach a published prediction, a pick, the
    /// performance reports or the prediction hash chain.
    static let promotionReview = Migration(
        version: 20,
        name: "promotion_review",
        up: """
            ALTER TABLE models DROP CONSTRAINT models_status_check;
            ALTER TABLE models ADD CONSTRAINT models_status_check CHECK (status IN ('champion', 'challenger', 'shadow', 'retired'));
            CREATE UNIQUE INDEX models_one_shadow ON models (sport, bet_type) WHERE status = 'shadow';
            ALTER TABLE model_events DROP CONSTRAINT model_events_kind_check;
            ALTER TABLE model_events ADD CONSTRAINT model_events_kind_check CHECK (kind IN (
                'promoted', 'kept_challenger', 'rolled_back', 'reinstated', 'promotion_requested', 'rejected', 'superseded'));

            CREATE TABLE promotion_requests (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                model_id bigint NOT NULL UNIQUE REFERENCES models (id) ON DELETE CASCADE,
                champion_id bigint REFERENCES models (id) ON DELETE SET NULL,
                status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
                metrics jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metrics) = 'object'),
                reason text,
                decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
                requested_at timestamptz NOT NULL DEFAULT now(),
                decided_at timestamptz,
                CHECK ((status = 'pending') = (decided_at IS NULL))
            );
            CREATE INDEX promotion_requests_pending ON promotion_requests (requested_at) WHERE status = 'pending';

            CREATE TABLE shadow_forecasts (
                model_id bigint NOT NULL REFERENCES models (id) ON DELETE CASCADE,
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                champion_id bigint REFERENCES models (id) ON DELETE SET NULL,
                bet_type text NOT NULL CHECK (bet_type IN ('spread', 'moneyline', 'total')),
                line double precision,
                probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
                champion_probability double precision CHECK (champion_probability BETWEEN 0 AND 1),
                forecast_at timestamptz NOT NULL,
                result text CHECK (result IN ('win', 'loss', 'push')),
                graded_at timestamptz,
                PRIMARY KEY (model_id, game_id)
            );
            CREATE INDEX shadow_forecasts_ungraded ON shadow_forecasts (game_id) WHERE result IS NULL;
            """,
        down: """
            DROP TABLE shadow_forecasts;
            DROP TABLE promotion_requests;
            DELETE FROM model_events WHERE kind IN ('promotion_requested', 'rejected', 'superseded');
            ALTER TABLE model_events DROP CONSTRAINT model_events_kind_check;
            ALTER TABLE model_events ADD CONSTRAINT model_events_kind_check CHECK (kind IN (
                'promoted', 'kept_challenger', 'rolled_back', 'reinstated'));
            DROP INDEX models_one_shadow;
            UPDATE models SET status = 'challenger' WHERE status = 'shadow';
            ALTER TABLE models DROP CONSTRAINT models_status_check;
            ALTER TABLE models ADD CONSTRAINT models_status_check CHECK (status IN ('champion', 'challenger', 'retired'));
            """
    )
}
