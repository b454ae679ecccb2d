import Store

/// What a game's final score says about a bet type's binary target, at the line the features saw.
///
/// Moneyline: the home team won. Spread: the home team covered `line_spread_current` (home score + line >
/// away score). Total: the points went over `line_total_current`. A push, a quarter line's half result, a tie or
/// a missing line has no label: those games teach nothing (or half as much) about the side to take. In a three-way moneyline (`threeWay`: soccer) a
/// draw is a home loss, labelled 0, and the model's probability is the home win's (`sides` adds the draw).
public enum BetOutcome {
    /// The feature holding the line a bet type is graded against, if it has one.
    public static func lineFeature(_ betType: BetType) -> String? {
        switch betType {
        case .spread: "line_spread_current"
        case .total: "line_total_current"
        case .moneyline, .playerProp: nil
        }
    }

    /// 1 when the home side (or the over) won, 0 when it lost, `nil` for a push or no line.
    public static func label(
        _ betType: BetType, homeScore: Int, awayScore: Int, features: [String: Double], threeWay: Bool = false
    ) -> Double? {
        let margin = Double(homeScore - awayScore)
        let value: Double
        switch betType {
        case .moneyline:
            value = threeWay && margin == 0 ? -1 : margin
        case .spread:
            guard let line = features["line_spread_current"] else { return nil }
            value = margin + line
        case .total:
            guard let line = features["line_total_current"] else { return nil }
            value = Double(homeScore + awayScore) - line
        case .playerProp:
            return nil
        }
        // A quarter line's half win or half loss (one half pushed) says half as much about the side as a whole
        // result: it is left out, as a push is.
        if betType != .moneyline, abs(abs(value) - 0.25) < 1e-9 { return nil }
        return value > 0 ? 1 : value < 0 ? 0 : nil
    }

    /// Of a game the home side did not win, whether it was drawn (1) or won away (0); nil for a home win. The
    /// target of the three-way moneyline's draw share (`DrawShareModel`), which divides what the home side does not win.
    public static func drawLabel(homeScore: Int, awayScore: Int) -> Double? {
        homeScore > awayScore ? nil : homeScore == awayScore ? 1 : 0
    }

    /// The selections of a bet type: the one the label calls 1 first.
    public static func selections(_ betType: BetType) -> (positive: String, negative: String) {
        betType == .total ? ("over", "under") : ("home", "away")
    }

    /// Every side of `betType`'s market with its probability, from a model's probability of the positive side
    /// (home, over): the two sides of a two-way market, or home, draw and away of a three-way moneyline
    /// (`ThreeWayForecast`, from the market's draw and home-win features, the rest divided by `drawShare`'s learned
    /// share when given, by the market's otherwise). `nil` when a three-way market has no draw price to split the
    /// rest by.
    public static func sides(
        _ betType: BetType, threeWay: Bool, probability: Double, features: [String: Double], drawShare: DrawShareModel? = nil
    ) -> [(selection: String, probability: Double)]? {
        if threeWay && betType == .moneyline {
            return ThreeWayForecast(
                homeWin: probability, marketDraw: features["line_drawprob_current"],
                marketHomeWin: features["line_homewinprob_current"], drawShare: drawShare?.share(features: features))?.sides
        }
        let names = selections(betType)
        return [(names.positive, probability), (names.negative, 1 - probability)]
    }
}
