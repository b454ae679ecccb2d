import Store

/// Grades a bet from the final score: win, loss or push, and the profit in units.
///
/// Lines follow the platform's convention for `Prediction.line`:
/// - **spread**: the *home* team's line whichever side is picked (−3.5: home gives 3.5 points).
///   Home covers when home score + line > away score; away covers when it is below; equal is a push.
///   Soccer's Asian handicap is the same market: a quarter line (−0.25, −0.75) is graded as two half stakes
///   (`BetGrade`), so it can be half won or half lost.
/// - **total**: the total points line; over wins above it, under below it, exactly on it is a push; quarter
///   totals (2.25, 2.75) split in two halves as the handicap does.
/// - **moneyline**: no line; the side with more points wins. In a two-way market a tie (possible in the NFL) is
///   graded a push, the usual refund of a two-way moneyline. In a three-way market (`threeWay`, soccer's 1X2) the
///   draw is an outcome of its own: `draw` wins on a level score and `home` and `away` lose.
public enum BetGrader {
    /// The result of `selection` (`home`, `away`, `draw`, `over`, `under`) on a `betType` bet at `line`, or `nil`
    /// when the bet cannot be graded from a score: a player prop, an unknown selection, a missing line. A quarter
    /// line's half win counts as a win and its half loss as a loss (`BetGrade.result`).
    public static func result(
        betType: BetType, selection: String, line: Double?, homeScore: Int, awayScore: Int, threeWay: Bool = false
    ) -> PredictionResult? {
        grade(betType: betType, selection: selection, line: line, homeScore: homeScore, awayScore: awayScore, threeWay: threeWay)?.result
    }

    /// The grade of `selection` on a `betType` bet at `line`, halves and all; `nil` when it cannot be graded.
    public static func grade(
        betType: BetType, selection: String, line: Double?, homeScore: Int, awayScore: Int, threeWay: Bool = false
    ) -> BetGrade? {
        // Quarter lines are two bets a quarter either side; whole and half lines are one.
        if let line, line.isFinite, isQuarter(line) {
            guard
                let first = wholeResult(betType, selection, line - 0.25, homeScore, awayScore, threeWay),
                let second = wholeResult(betType, selection, line + 0.25, homeScore, awayScore, threeWay)
            else { return nil }
            return BetGrade(first: first, second: second)
        }
        return wholeResult(betType, selection, line, homeScore, awayScore, threeWay).map(BetGrade.init)
    }

    /// True for a line ending in .25 or .75.
    static func isQuarter(_ line: Double) -> Bool {
        let fraction = abs(line * 4).truncatingRemainder(dividingBy: 2)
        return abs(fraction - 1) < 1e-9
    }

    private static func wholeResult(
        _ betType: BetType, _ selection: String, _ line: Double?, _ homeScore: Int, _ awayScore: Int, _ threeWay: Bool
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
            // In a three-way market a draw is the third outcome, lost by both sides.
            margin = threeWay && home == away ? -1 : home - away
        case (.moneyline, "away"):
            margin = threeWay && home == away ? -1 : away - home
        case (.moneyline, "draw") where threeWay:
            margin = home == away ? 1 : -1
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
