extension Migration {
    /// 4: point-in-time feature sets, the model registry and predictions.
    static let modelsAndPredictions = Migration(
        version: 4,
        name: "models_and_predictions",
        up: """
            -- Features computed for a game from data known at as_of only; one row per version and as_of.
            CREATE TABLE game_features (
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                feature_set_version text NOT NULL CHECK (feature_set_version <> ''),
                as_of timestamptz NOT NULL,
                features jsonb NOT NULL CHECK (jsonb_typeof(features) = 'object'),
                completeness double precision NOT NULL CHECK (completeness BETWEEN 0 AND 1),
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (game_id, feature_set_version, as_of)
            );
            CREATE INDEX game_features_created_at ON game_features (created_at);

            CREATE TABLE models (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL CHECK (name <> ''),
                version integer NOT NULL CHECK (version > 0),
                sport text NOT NULL,
                bet_type text NOT NULL CHECK (bet_type IN ('spread', 'moneyline', 'total', 'player_prop')),
                status text NOT NULL DEFAULT 'challenger' CHECK (status IN ('champion', 'challenger', 'retired')),
                feature_set_version text NOT NULL,
                training_start timestamptz NOT NULL,
                training_end timestamptz NOT NULL,
                hyperparameters jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(hyperparameters) = 'object'),
                metrics jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metrics) = 'object'),
                artifact bytea NOT NULL,
                artifact_sha256 text NOT NULL CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
                created_at timestamptz NOT NULL DEFAULT now(),
                promoted_at timestamptz,
                retired_at timestamptz,
                UNIQUE (name, version),
                CHECK (training_start <= training_end)
            );
            -- At most one champion per sport and bet type.
            CREATE UNIQUE INDEX models_one_champion ON models (sport, bet_type) WHERE status = 'champion';

            CREATE TABLE predictions (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                game_id bigint NOT NULL REFERENCES games (id),
                model_id bigint NOT NULL REFERENCES models (id),
                sport text NOT NULL,
                bet_type text NOT NULL CHECK (bet_type IN ('spread', 'moneyline', 'total', 'player_prop')),
                selection text NOT NULL CHECK (selection <> ''),
                line double precision,
                probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
                component_probabilities jsonb NOT NULL DEFAULT '{}',
                price double precision CHECK (price >= 1),
                edge double precision NOT NULL,
                tier text NOT NULL CHECK (tier IN ('A', 'B', 'C', 'D')),
                stake double precision NOT NULL CHECK (stake >= 0),
                prediction_hash text NOT NULL UNIQUE CHECK (prediction_hash ~ '^[0-9a-f]{64}$'),
                status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'settled', 'void')),
                result text CHECK (result IN ('win', 'loss', 'push')),
                closing_price double precision CHECK (closing_price >= 1),
                clv double precision,
                profit double precision,
                created_at timestamptz NOT NULL DEFAULT now(),
                settled_at timestamptz,
                CHECK ((status = 'settled') = (result IS NOT NULL))
            );
            COMMENT ON COLUMN predictions.stake IS 'fraction of bankroll';
            CREATE INDEX predictions_game ON predictions (game_id);
            CREATE INDEX predictions_sport_created_at ON predictions (sport, created_at DESC);
            CREATE INDEX predictions_pending ON predictions (game_id) WHERE status = 'pending';
            CREATE INDEX predictions_created_at ON predictions (created_at);
            """,
        down: """
            DROP TABLE predictions;
            DROP TABLE models;
            DROP TABLE game_features;
            """
    )
}
