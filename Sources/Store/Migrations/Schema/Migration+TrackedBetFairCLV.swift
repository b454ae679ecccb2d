extension Migration {
    /// 28: a graded tracked bet's CLV against the fair close (the closing line less its margin), as a pick's
    /// (migration 27).
    static let trackedBetFairCLV = Migration(
        version: 28,
        name: "tracked_bet_fair_clv",
        up: "ALTER TABLE tracked_bets ADD COLUMN fair_clv float8;",
        down: "ALTER TABLE tracked_bets DROP COLUMN fair_clv;"
    )
}
