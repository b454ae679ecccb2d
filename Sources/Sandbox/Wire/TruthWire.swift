/// The sandbox-only truth about each game, for evaluating predictions (no real API has this).
enum TruthWire {
    struct Game: Encodable {
        let odds_api_id: String
        let espn_id: String
        let sport: String
        let commence_time: String
        let home_team: String
        let away_team: String
        let home_win_probability: Double
        /// Soccer: the probability of a draw (the away side wins with the rest); 0 where every game has a winner.
        let draw_probability: Double
        let expected_home_score: Double
        let expected_away_score: Double
        let spread_line: Double
        let home_cover_probability: Double
        let total_line: Double
        let over_probability: Double
        let home_rest_days: Int
        let away_rest_days: Int
        let home_travel_km: Double
        let away_travel_km: Double
        let divisional: Bool
        let home_injury_loss: Double
        let away_injury_loss: Double
        /// Baseball: the starters' ESPN athlete ids and runs-allowed factors (1 is an average starter).
        let home_starter_id: String?
        let away_starter_id: String?
        let home_starter_runs_allowed: Double?
        let away_starter_runs_allowed: Double?
        let status: String
        let home_score: Int?
        let away_score: Int?
    }
}
