extension Migration {
    /// 2: odds snapshots per book and market, and closing lines.
    static let marketData = Migration(
        version: 2,
        name: "market_data",
        up: """
            -- One row per game, book, market and outcome per collection (every 60 s): append-only.
            CREATE TABLE odds (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                sport text NOT NULL,
                bookmaker text NOT NULL CHECK (bookmaker <> ''),
                market text NOT NULL CHECK (market <> ''),
                outcome text NOT NULL CHECK (outcome <> ''),
                price double precision NOT NULL CHECK (price >= 1),
                point double precision,
                recorded_at timestamptz NOT NULL,
                is_backfill boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON COLUMN odds.price IS 'decimal odds';
            COMMENT ON COLUMN odds.point IS 'spread or total line; NULL for moneyline';
            -- Freshness: latest odds per sport.
            CREATE INDEX odds_sport_recorded_at ON odds (sport, recorded_at DESC);
            -- Latest line per book and market for a game; also the anti-join of "games without odds".
            CREATE INDEX odds_game_line ON odds (game_id, market, bookmaker, outcome, recorded_at DESC);
            -- Daily volumes: odds are appended in time order, so a BRIN index stays tiny.
            CREATE INDEX odds_created_at ON odds USING brin (created_at);

            CREATE TABLE closing_lines (
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                bookmaker text NOT NULL CHECK (bookmaker <> ''),
                market text NOT NULL CHECK (market <> ''),
                outcome text NOT NULL CHECK (outcome <> ''),
                price double precision NOT NULL CHECK (price >= 1),
                point double precision,
                captured_at timestamptz NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (game_id, market, bookmaker, outcome)
            );
            CREATE INDEX closing_lines_created_at ON closing_lines (created_at);
            """,
        down: """
            DROP TABLE closing_lines;
            DROP TABLE odds;
            """
    )
}
