extension Migration {
    /// 21: priced player props (issue #17).
    ///
    /// `odds_api_events` remembers The Odds API's event id of each game the odds collector matched, because a
    /// player market is served only per event (`/events/{eventId}/odds`). `prop_odds` keeps every book's Over and
    /// Under price per player, market and line as collected, the player named as the book names him; the batter's
    /// id is resolved when the price is read, through `statcast.batter_name` (Statcast's `player_name` of a batter
    /// search), so a price collected before the batter's first Statcast line still joins later.
    static let playerPropOdds = Migration(
        version: 21,
        name: "player_prop_odds",
        up: """
            CREATE TABLE odds_api_events (
                game_id bigint PRIMARY KEY REFERENCES games (id) ON DELETE CASCADE,
                event_id text NOT NULL UNIQUE,
                seen_at timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE prop_odds (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                game_id bigint NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                bookmaker text NOT NULL,
                market text NOT NULL,
                player_name text NOT NULL,
                outcome text NOT NULL CHECK (outcome IN ('over', 'under')),
                point double precision NOT NULL,
                price double precision NOT NULL CHECK (price > 1),
                recorded_at timestamptz NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (game_id, market, player_name, point, outcome, bookmaker, recorded_at)
            );
            CREATE INDEX prop_odds_created_at ON prop_odds (created_at);

            ALTER TABLE statcast ADD COLUMN batter_name text;
            CREATE INDEX statcast_batter_name ON statcast (batter_name, batter_id) WHERE batter_name IS NOT NULL;
            """,
        down: """
            DROP INDEX statcast_batter_name;
            ALTER TABLE statcast DROP COLUMN batter_name;
            DROP TABLE prop_odds;
            DROP TABLE odds_api_events;
            """
    )
}
