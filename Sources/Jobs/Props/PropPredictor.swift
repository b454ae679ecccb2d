import Foundation
import Logging
import Store

/// Makes the batter-hits props of upcoming MLB games (issue #8: player props as regression plus threshold).
///
/// Regression: `BatterHitsModel` fitted in the run on every batter-game of the last `PlayerPropMarket.historyDays`
/// whose result was known at the as-of, each with the batter's form before it. Threshold: P(hits > 0.5) and P(hits >
/// 1.5) from the expected hits, assuming Poisson (`PoissonThreshold`). Each run's model is registered in `models` (bet
/// type `player_prop`, a challenger: nothing promotes it) because every prediction names its model.
///
/// Pricing: each batter and line is joined with the best price the books offer (`collect.prop_odds`, the batter found
/// by the name Statcast gives him) on the Over, for P(hits > line), and on the Under, for 1 − P. `PickSelector` — the
/// game markets' tier and Kelly stake policy — picks at most one side; the row is then that pick (its selection, price,
/// book, edge, tier, stake). A priced prop without a pick is a forecast carrying the Over at its best price (stake 0);
/// a prop no book prices stays a forecast without a price (edge 0, tier D, stake 0), graded (`settle`) but never moving
/// profit or ROI.
public struct PropPredictor: Sendable {
    /// The lines of every batter's prop.
    public static let lines = [0.5, 1.5]

    let predictor: PlayerPropPredictor<BatterHitsMarket>

    /// A predictor over `store` on the clock `now`, publishing the picks `picks` selects.
    ///
    /// `anchorWeight` pins the share of the model's difference from the books' price that is kept (1: the model's own
    /// probability, to replay or test the pick path); nil, the default, fits it on settled priced props
    /// (`PropMarketAnchor`).
    public init(
        store: Store, now: @escaping @Sendable () -> Date = { Date() }, picks: PickSelector = .standard, anchorWeight: Double? = nil
    ) {
        predictor = PlayerPropPredictor(store: store, now: now, picks: picks, anchorWeight: anchorWeight)
    }

    /// Runs the job with id `jobID`: its model and props commit in one transaction recorded under that id,
    /// so a redelivery writes nothing; a later run skips the batter, game and line pairs already predicted.
    public func run(_ parameters: PredictProps, jobID: String, logger: Logger) async throws -> PropRun {
        try await predictor.run(date: parameters.date, jobID: jobID, logger: logger)
    }
}
