/// What rest and travel are known to be worth to the home side, as points (runs) of margin and as log-odds of a home
/// win: the `line_adjust_schedule` feature, an adjustment a model anchored on a line's log-odds adds with one
/// coefficient (about 0 when the line prices the schedule, about 1 when it ignores it).
///
/// The sizes are the published rules of thumb: the second night of a basketball back-to-back costs about 1.8
/// points, a thousand kilometres more travel than the opponent about 0.4 points (0.03 runs in baseball, where teams
/// play daily and a back-to-back is the norm, so it counts for nothing). Margins become log-odds through the normal
/// margin's logistic approximation, Φ(m / σ) ≈ 1 / (1 + e^(−1.702 m / σ)), with σ the margin's standard deviation
/// (12.5 points, 4 runs).
struct ScheduleEffect: Sendable {
    /// Points (runs) of margin the second night of a back-to-back costs.
    let backToBack: Double
    /// Points (runs) of margin per 1,000 km travelled more than the opponent.
    let perThousandKilometres: Double
    /// The standard deviation of a game's final margin, points (runs).
    let marginStandardDeviation: Double
    /// Points of margin per day of rest more than the opponent: football's week off (the other sports play too
    /// often for it to count beyond the back-to-back).
    var perRestDay = 0.0

    /// The effect sizes of `sport`; nil for a sport without them.
    static func sport(_ sport: String) -> ScheduleEffect? {
        switch sport {
        case "nba": ScheduleEffect(backToBack: 1.8, perThousandKilometres: 0.4, marginStandardDeviation: 12.5)
        case "mlb": ScheduleEffect(backToBack: 0, perThousandKilometres: 0.03, marginStandardDeviation: 4)
        // Soccer: no back-to-backs, short trips (0.05 goals per 1,000 km), margins of about 1.7 goals.
        case "epl": ScheduleEffect(backToBack: 0, perThousandKilometres: 0.05, marginStandardDeviation: 1.7)
        // Hockey: the second night of a back-to-back costs 0.15 goals, 1,000 km 0.02; margins of about 2.3 goals.
        case "nhl": ScheduleEffect(backToBack: 0.15, perThousandKilometres: 0.02, marginStandardDeviation: 2.3)
        // Football: no back-to-backs; 1,000 km cost 0.3 points, a day's more rest is worth 0.15 (a bye about a point);
        // margins of about 13.5 points.
        case "nfl": ScheduleEffect(backToBack: 0, perThousandKilometres: 0.3, marginStandardDeviation: 13.5, perRestDay: 0.15)
        default: nil
        }
    }

    /// The home side's edge from the schedule, points (runs) of margin: each side's back-to-back (1 or 0),
    /// kilometres travelled since its last game and days of rest.
    func margin(
        backToBack: (home: Double, away: Double), kilometres: (home: Double, away: Double), restDays: (home: Double, away: Double) = (0, 0)
    ) -> Double {
        self.backToBack * (backToBack.away - backToBack.home) + perThousandKilometres * (kilometres.away - kilometres.home) / 1_000
            + perRestDay * (restDays.home - restDays.away)
    }

    /// `margin` points (runs) as log-odds of a home win.
    func logOdds(margin: Double) -> Double {
        1.702 * margin / marginStandardDeviation
    }
}
