import Store

/// Grades a bet from the final score: win, loss or push, and the profit in units.
///
/// Lines follow the platform's convention for `Prediction.line`:
/// - **spread**: the *home* team's line whichever side is picked (−3.5: home gives 3.5 points).
///   Home covers when home score + line > away score; away covers when it is below; equal is a push.
/// - **total**: the total points line; over wins above it, under below it, exactly on it is a push.
/// - **moneyline**: no line; the side with more points wins. A tie (possible in the NFL, and in
///   soccer-style markets) is graded a push, the usual refund of a two-way moneyline.
public enum BetGrader {
    /// The result of `selection` (`home`, `away`, `over`, `under`) on a `betType` bet at `line`, or `nil`
    /// when the bet cannot be graded from a score: a player prop, an unknown selection, a missing line.
    public static func result(
        betType: BetType, selection: String, line: Double?, homeScore: Int, awayScore: Int
    ) -> PredictionResult? {
        let home = Double(homeScore)
        let away = Double(awayScore)
        // The selection's margin over the line: positive wins, zero pushes, negative loses.
        let margin: Double
        switch (betType, selection) {
        case (.spread, "home"):
            guard let line else { return nil }
            margin = home + line - away
        case (.spread, "away"):
            guard let line else { return nil }
            margin = away - (home + line)
        case (.moneyline, "home"):
            margin = home - away
        case (.moneyline, "away"):
            margin = away - home
        case (.total, "over"):
            guard let line else { return nil }
            margin = home + away - line
        case (.total, "under"):
            guard let line else { return nil }
            margin = line - (home + away)
        default:
            return nil
        }
        guard margin.isFinite else { return nil }
        return margin > 0 ? .win : margin < 0 ? .loss : .push
    }

    /// The profit of a bet of `stake` units at decimal price `decimalPrice`: stake × (price − 1) on a win,
    /// −stake on a loss, 0 on a push (the stake is returned).
    public static func profit(_ result: PredictionResult, stake: Double, decimalPrice: Double) -> Double {
        switch result {
        case .win: stake * (decimalPrice - 1)
        case .loss: -stake
        case .push: 0
        }
    }
}
