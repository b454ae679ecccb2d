extension Migration {
    /// 1: teams with venue coordinates, and games.
    static let teamsAndGames = Migration(
        version: 1,
        name: "teams_and_games",
        up: """
            CREATE TABLE teams (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sport text NOT NULL CHECK (sport <> ''),
                external_id text NOT NULL CHECK (external_id <> ''),
                name text NOT NULL,
                abbreviation text,
                venue_name text,
                venue_city text,
                venue_latitude double precision CHECK (venue_latitude BETWEEN -90 AND 90),
                venue_longitude double precision CHECK (venue_longitude BETWEEN -180 AND 180),
                venue_timezone text,
                venue_is_indoor boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (sport, external_id),
                CHECK ((venue_latitude IS NULL) = (venue_longitude IS NULL))
            );

            CREATE TABLE games (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sport text NOT NULL CHECK (sport <> ''),
                external_id text NOT NULL CHECK (external_id <> ''),
                season integer,
                home_team_id bigint NOT NULL REFERENCES teams (id),
                away_team_id bigint NOT NULL REFERENCES teams (id),
                scheduled_at timestamptz NOT NULL,
                status text NOT NULL DEFAULT 'scheduled'
                    CHECK (status IN ('scheduled', 'in_progress', 'final', 'postponed', 'cancelled')),
                home_score integer CHECK (home_score >= 0),
                away_score integer CHECK (away_score >= 0),
                is_neutral_site boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (sport, external_id),
                CHECK (home_team_id <> away_team_id)
            );
            -- Schedules by sport and day; "games without odds" scans this range.
            CREATE INDEX games_sport_scheduled_at ON games (sport, scheduled_at);
            -- Daily volumes.
            CREATE INDEX games_created_at ON games (created_at);
            """,
        down: """
            DROP TABLE games;
            DROP TABLE teams;
            """
    )
}
