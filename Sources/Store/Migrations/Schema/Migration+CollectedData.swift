extension Migration {
    /// 3: weather, Statcast pitches and the raw payloads every collector keeps.
    static let collectedData = Migration(
        version: 3,
        name: "collected_data",
        up: """
            CREATE TABLE weather (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                source text NOT NULL,
                observed_at timestamptz NOT NULL,
                forecast_for timestamptz NOT NULL,
                temperature_c double precision,
                wind_speed_kph double precision CHECK (wind_speed_kph >= 0),
                wind_direction_degrees double precision CHECK (wind_direction_degrees BETWEEN 0 AND 360),
                precipitation_mm double precision CHECK (precipitation_mm >= 0),
                precipitation_probability double precision CHECK (precipitation_probability BETWEEN 0 AND 1),
                humidity_percent double precision CHECK (humidity_percent BETWEEN 0 AND 100),
                conditions text,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (game_id, source, observed_at)
            );
            CREATE INDEX weather_created_at ON weather (created_at);

            CREATE TABLE statcast (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                game_id bigint REFERENCES games (id) ON DELETE SET NULL,
                game_pk bigint NOT NULL,
                game_date date NOT NULL,
                at_bat_number integer NOT NULL CHECK (at_bat_number > 0),
                pitch_number integer NOT NULL CHECK (pitch_number > 0),
                batter_id bigint NOT NULL,
                pitcher_id bigint NOT NULL,
                pitch_type text,
                release_speed_mph double precision,
                spin_rate_rpm double precision,
                launch_speed_mph double precision,
                launch_angle_degrees double precision,
                events text,
                description text,
                expected_woba double precision,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (game_pk, at_bat_number, pitch_number)
            );
            CREATE INDEX statcast_game_date ON statcast (game_date);
            CREATE INDEX statcast_batter ON statcast (batter_id, game_date);
            CREATE INDEX statcast_pitcher ON statcast (pitcher_id, game_date);
            CREATE INDEX statcast_created_at ON statcast (created_at);

            -- Raw storage: the payload exactly as fetched, before validation.
            CREATE TABLE raw_ingest (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source text NOT NULL CHECK (source <> ''),
                endpoint text NOT NULL DEFAULT '',
                fetched_at timestamptz NOT NULL,
                payload bytea NOT NULL,
                payload_sha256 text NOT NULL CHECK (payload_sha256 ~ '^[0-9a-f]{64}$'),
                is_backfill boolean NOT NULL DEFAULT false,
                job_id text,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX raw_ingest_source_fetched_at ON raw_ingest (source, fetched_at DESC);
            CREATE INDEX raw_ingest_payload_sha256 ON raw_ingest (payload_sha256);
            CREATE INDEX raw_ingest_created_at ON raw_ingest USING brin (created_at);
            """,
        down: """
            DROP TABLE raw_ingest;
            DROP TABLE statcast;
            DROP TABLE weather;
            """
    )
}
