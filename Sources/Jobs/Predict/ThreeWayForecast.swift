/// A three-way market's forecast (soccer's 1X2): home, draw and away probabilities that sum to 1.
///
/// The moneyline model of a sport with draws is a binary model of *home win* against *draw or away* (its label
/// counts a draw as a home loss, `BetOutcome`). What the home side does not win is shared between the draw and the
/// away win by a draw share: the learned one of the champion's draw share model when it has one (`DrawShareModel`,
/// kept only where it beat the market's share), otherwise the market's own (its no-vig draw probability against its
/// no-vig away probability). The model says how likely the home win is, the share says how the rest divides. The
/// three probabilities sum to 1 by construction, and with no model edge (home = the market's own home probability,
/// the market's share) the forecast is the market's.
public struct ThreeWayForecast: Sendable, Equatable {
    /// Probability of a home win.
    public let home: Double
    /// Probability of a draw.
    public let draw: Double
    /// Probability of an away win.
    public let away: Double

    /// The forecast from the model's home-win probability `homeWin` and the market's no-vig draw and home-win
    /// probabilities, the rest divided by `drawShare` (P(draw | the home side does not win)) when given and by the
    /// market's share otherwise; `nil` without a usable draw price (the market's split of the rest is unknown) or
    /// with a probability outside 0…1.
    public init?(homeWin: Double, marketDraw: Double?, marketHomeWin: Double?, drawShare: Double? = nil) {
        guard homeWin.isFinite, homeWin >= 0, homeWin <= 1, let marketShare = Self.marketDrawShare(draw: marketDraw, homeWin: marketHomeWin)
        else { return nil }
        let share = drawShare.flatMap { $0.isFinite && $0 >= 0 && $0 <= 1 ? $0 : nil } ?? marketShare
        home = homeWin
        draw = (1 - homeWin) * share
        away = (1 - homeWin) * (1 - share)
    }

    /// The market's draw share: its no-vig draw probability over its draw and away probabilities together, P(draw |
    /// the home side does not win) as the market prices it; `nil` without a draw price or with one that is not positive.
    public static func marketDrawShare(draw: Double?, homeWin: Double?) -> Double? {
        guard let draw, let homeWin, draw.isFinite, homeWin.isFinite, draw > 0, homeWin >= 0 else { return nil }
        // The market's away probability is what its home and draw leave; medians across books need not sum to
        // exactly 1, so the rest is floored at 0 rather than trusted to be positive.
        let away = max(0, 1 - homeWin - draw)
        return draw / (draw + away)
    }

    /// The probabilities by selection: `home`, `draw`, `away`, in that order.
    public var sides: [(selection: String, probability: Double)] {
        [("home", home), ("draw", draw), ("away", away)]
    }
}
