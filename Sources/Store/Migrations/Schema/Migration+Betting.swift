extension Migration {
    /// 17: users' own betting: tracked bets and a bankroll kept as a ledger.
    ///
    /// Money is integer cents (`bigint`), so a balance summed over years of entries is exact. A bankroll has no
    /// balance column: the balance is the sum of the user's `bankroll_entries` (deposits positive, withdrawals
    /// negative, each graded bet's profit), and what a user may still stake or withdraw is that balance less the
    /// stakes of their pending bets. A bet's line follows `predictions.line` (a spread is the home team's line).
    /// `client_key` and `request_hash` make creation idempotent: the same key again with the same request returns
    /// the row already made; with another request it is refused.
    static let betting = Migration(
        version: 17,
        name: "betting",
        up: """
            CREATE TABLE tracked_bets (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                game_id bigint NOT NULL REFERENCES games (id),
                prediction_id bigint REFERENCES predictions (id),
                sport text NOT NULL CHECK (sport <> ''),
                bet_type text NOT NULL CHECK (bet_type IN ('spread', 'moneyline', 'total')),
                selection text NOT NULL CHECK (selection IN ('home', 'away', 'over', 'under')),
                line double precision,
                price double precision NOT NULL CHECK (price > 1),
                stake_cents bigint NOT NULL CHECK (stake_cents > 0),
                bookmaker text,
                status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'settled', 'void')),
                result text CHECK (result IN ('win', 'loss', 'push')),
                profit_cents bigint,
                closing_price double precision,
                clv double precision,
                client_key text,
                request_hash text,
                placed_at timestamptz NOT NULL,
                settled_at timestamptz,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (user_id, client_key),
                CHECK ((bet_type = 'moneyline') = (line IS NULL)),
                CHECK ((bet_type = 'total') = (selection IN ('over', 'under'))),
                CHECK ((status = 'settled') = (result IS NOT NULL))
            );
            COMMENT ON COLUMN tracked_bets.price IS 'decimal odds';
            CREATE INDEX tracked_bets_user_placed_at ON tracked_bets (user_id, placed_at DESC, id DESC);
            -- Settlement looks for games with pending bets; the partial index stays small whatever the history.
            CREATE INDEX tracked_bets_pending_game ON tracked_bets (game_id) WHERE status = 'pending';

            CREATE TABLE bankroll_entries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                kind text NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'bet_result')),
                amount_cents bigint NOT NULL,
                bet_id bigint REFERENCES tracked_bets (id) ON DELETE CASCADE,
                note text,
                client_key text,
                request_hash text,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (user_id, client_key),
                CHECK ((kind = 'bet_result') = (bet_id IS NOT NULL)),
                CHECK (kind <> 'deposit' OR amount_cents > 0),
                CHECK (kind <> 'withdrawal' OR amount_cents < 0)
            );
            CREATE INDEX bankroll_entries_user ON bankroll_entries (user_id, id DESC);
            -- A graded bet is paid once, whatever reruns or races settlement has.
            CREATE UNIQUE INDEX bankroll_entries_one_result ON bankroll_entries (bet_id) WHERE kind = 'bet_result';
            """,
        down: """
            DROP TABLE bankroll_entries;
            DROP TABLE tracked_bets;
            """
    )
}
