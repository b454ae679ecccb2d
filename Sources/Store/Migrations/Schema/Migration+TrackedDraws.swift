extension Migration {
    /// 22: a tracked bet may take a three-way moneyline's draw (issue #20), as picks and settlement already do.
    ///
    /// Going down refuses while a draw bet exists rather than delete a user's bet.
    static let trackedDraws = Migration(
        version: 22,
        name: "tracked_draws",
        up: """
            ALTER TABLE tracked_bets DROP CONSTRAINT tracked_bets_selection_check;
            ALTER TABLE tracked_bets ADD CONSTRAINT tracked_bets_selection_check
                CHECK (selection IN ('home', 'away', 'over', 'under') OR (bet_type = 'moneyline' AND selection = 'draw'));
            """,
        down: """
            ALTER TABLE tracked_bets DROP CONSTRAINT tracked_bets_selection_check;
            ALTER TABLE tracked_bets ADD CONSTRAINT tracked_bets_selection_check
                CHECK (selection IN ('home', 'away', 'over', 'under'));
            """
    )
}
