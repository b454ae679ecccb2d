import ML

/// A three-way moneyline's learned draw share: P(draw | the home side does not win), which divides what the home-win
/// model leaves between the draw and the away win (`ThreeWayForecast`).
///
/// A small ridge logistic regression on a handful of columns that plausibly carry draw information, fitted on top
/// of the market's own draw share (its logit is the offset, `prior`) and anchored to it: with nothing to add it is
/// the market's share. Calibration fits it on the games the home side did not win and keeps it beside the meta
/// model (`ModelArchive.companions`, under `role`) only where it beat the market's share (`DrawShareFit`).
public struct DrawShareModel: Sendable, Equatable {
    /// The model's role among its meta model archive's companions.
    public static let role = "draw_share"

    /// The market's draw share (`ThreeWayForecast.marketDrawShare`), the column the prior reads.
    static let marketShareColumn = "draw_market_share"

    /// The columns the model reads, derived from a game's features (`row(_:)`): the market's draw share (a
    /// coefficient on it says the market spreads its shares too far or not far enough), how even the market makes
    /// the match (|p home − p away|: level games draw more), the goal total (few goals, more draws) and the two
    /// sides' draw rates over their last ten games (a missing value reads as the mean).
    public static let columnNames = [marketShareColumn, "draw_market_evenness", "line_total_current", "draw_recent_rate"]

    /// The market's draw share as the prior the model fits on top of and falls back to.
    public static let prior = MarketPrior(probabilityColumns: [marketShareColumn])

    /// The learner: a ridge logistic regression of the columns on top of `prior`. Four standardized coefficients and
    /// an intercept; the penalty keeps a season's few hundred games from chasing noise.
    static let learner: LearnerSpecification = {
        var configuration = GeneralizedLinearConfiguration()
        configuration.columns = columnNames
        configuration.alpha = 0
        configuration.lambda = 1e-2
        return .generalizedLinear(configuration)
    }()

    /// The fitted model (the learner anchored to `prior`).
    public let model: TrainedModel

    /// A draw share model from its fitted model.
    public init(model: TrainedModel) {
        self.model = model
    }

    /// The draw share model `archive` carries, if any (archives without one predate it or were not kept).
    public init?(archive: ModelArchive) {
        guard let model = archive.companions?[Self.role] else { return nil }
        self.model = model
    }

    /// The learned share of a game with `features`; nil when the market prices no draw share for it.
    public func share(features: [String: Double]) -> Double? {
        guard let row = Self.row(features), let share = model.predict(Self.dataset([row])).first, share.isFinite else { return nil }
        return share
    }

    /// The model's columns of a game from its features; nil without a market draw share strictly between 0 and 1.
    static func row(_ features: [String: Double]) -> [String: Double]? {
        let homeWin = features["line_homewinprob_current"]
        let draw = features["line_drawprob_current"]
        guard let share = ThreeWayForecast.marketDrawShare(draw: draw, homeWin: homeWin), share > 0, share < 1,
            let homeWin, let draw
        else { return nil }
        var row = [marketShareColumn: share, "draw_market_evenness": abs(homeWin - max(0, 1 - homeWin - draw))]
        row["line_total_current"] = features["line_total_current"]
        let rates = ["adv_draw_rate_home_last10", "adv_draw_rate_away_last10"].compactMap { features[$0] }
        if !rates.isEmpty { row["draw_recent_rate"] = rates.reduce(0, +) / Double(rates.count) }
        return row
    }

    /// Rows of `row(_:)` as the model's dataset (NaN for a missing column).
    static func dataset(_ rows: [[String: Double]]) -> Dataset {
        TrainingData.dataset(rows, names: columnNames)
    }
}
