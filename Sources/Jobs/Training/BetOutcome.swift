import Store

/// What a game's final score says about a bet type's binary target, at the line the features saw.
///
/// Moneyline: the home team won. Spread: the home team covered `line_spread_current` (home score + line >
/// away score). Total: the points went over `line_total_current`. A push, a tie or a missing line has no
/// label: those games teach nothing about the side to take.
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
    public static func label(_ betType: BetType, homeScore: Int, awayScore: Int, features: [String: Double]) -> Double? {
        let margin = Double(homeScore - awayScore)
        let value: Double
        switch betType {
        case .moneyline:
            value = margin
        case .spread:
            guard let line = features["line_spread_current"] else { return nil }
            value = margin + line
        case .total:
            guard let line = features["line_total_current"] else { return nil }
            value = Double(homeScore + awayScore) - line
        case .playerProp:
            return nil
        }
        return value > 0 ? 1 : value < 0 ? 0 : nil
    }

    /// The selections of a bet type: the one the label calls 1 first.
    public static func selections(_ betType: BetType) -> (positive: String, negative: String) {
        betType == .total ? ("over", "under") : ("home", "away")
    }
}
