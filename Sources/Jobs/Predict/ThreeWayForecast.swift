/// A three-way market's forecast (soccer's 1X2): home, draw and away probabilities that sum to 1.
///
/// The moneyline model of a sport with draws is a binary model of *home win* against *draw or away* (its label
/// counts a draw as a home loss, `BetOutcome`). What the home side does not win is shared between the draw and the
/// away win in the proportion the market prices them (its no-vig draw probability against its no-vig away
/// probability): the model says how likely the home win is, the market says how the rest divides. The three
/// probabilities sum to 1 by construction, and with no model edge (home = the market's own home probability) the
/// forecast is the market's.
public struct ThreeWayForecast: Sendable, Equatable {
    /// Probability of a home win.
    public let home: Double
    /// Probability of a draw.
    public let draw: Double
    /// Probability of an away win.
    public let away: Double

    /// The forecast from the model's home-win probability `homeWin` and the market's no-vig draw and home-win
    /// probabilities; `nil` without a usable draw price (the market's split of the rest is unknown) or with a
    /// probability outside 0…1.
    public init?(homeWin: Double, marketDraw: Double?, marketHomeWin: Double?) {
        guard homeWin.isFinite, homeWin >= 0, homeWin <= 1, let marketDraw, let marketHomeWin,
            marketDraw.isFinite, marketHomeWin.isFinite, marketDraw > 0, marketHomeWin >= 0
        else { return nil }
        // The market's away probability is what its home and draw leave; medians across books need not sum to
        // exactly 1, so the rest is floored at 0 rather than trusted to be positive.
        let marketAway = max(0, 1 - marketHomeWin - marketDraw)
        let drawShare = marketDraw / (marketDraw + marketAway)
        home = homeWin
        draw = (1 - homeWin) * drawShare
        away = (1 - homeWin) * (1 - drawShare)
    }

    /// The probabilities by selection: `home`, `draw`, `away`, in that order.
    public var sides: [(selection: String, probability: Double)] {
        [("home", home), ("draw", draw), ("away", away)]
    }
}
