/// What the two announced starting pitchers are worth to the home side as log-odds of a home win: the
/// `line_adjust_starters` feature, an adjustment a model anchored on the line's log-odds adds with one coefficient
/// (about 0 when the line prices the starters, about 1 when it ignores them).
///
/// A starter's quality is his team's runs allowed in his starts over its runs allowed in every game of the same span,
/// which leaves out the team's defence and bullpen (the line prices those every day). A start's runs are noisy
/// (about √5 runs on a mean of 4.5) against a spread of starters of about 7 % of a team's runs, so his own record is
/// shrunk toward an average starter: it counts as much as the average after ``priorStarts`` starts. The factors
/// become runs of margin (his factor scales the opponents' runs) and then log-odds through the normal margin's
/// logistic approximation, Φ(m / σ) ≈ 1 / (1 + e^(−1.702 m / σ)), with σ = 4 runs.
struct StarterEffect: Sendable {
    /// Starts after which a pitcher's own record weighs as much as the average starter's.
    static let priorStarts = 50.0
    /// The standard deviation of a baseball game's final margin, runs.
    static let marginStandardDeviation = 4.0

    /// A starter's factor on the opponents' runs (1 for an average starter) from his team's runs allowed in each of
    /// his starts and its mean runs allowed over the same span; nil without a start or a team mean.
    static func factor(allowedInStarts: [Double], teamMeanAllowed: Double) -> Double? {
        guard !allowedInStarts.isEmpty, teamMeanAllowed > 0 else { return nil }
        let starts = Double(allowedInStarts.count)
        let ratio = allowedInStarts.reduce(0, +) / starts / teamMeanAllowed
        return 1 + (ratio - 1) * starts / (starts + priorStarts)
    }

    /// The home side's edge from the starters' factors as log-odds of a home win, at `runsPerGame` per team.
    static func logOdds(home: Double, away: Double, runsPerGame: Double) -> Double {
        // The away starter's factor scales the home team's runs, and the other way round.
        1.702 * runsPerGame * (away - home) / marginStandardDeviation
    }
}
