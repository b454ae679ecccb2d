import Foundation
import Logging
import Store

/// Makes the player-points props of upcoming NBA games, as `PropPredictor` makes MLB batter-hits props (issue #17).
///
/// Regression: `PlayerPointsModel` fitted in the run on every player-game of the last `PlayerPropMarket.historyDays`
/// whose box score was known at the as-of (`collect.summaries` stores them), each with the player's form before it.
/// Lines: the books quote each player at his own half-point line, so only the lines priced by the as-of
/// (`collect.prop_odds`, the player found by the name the box scores give him) are predicted: P(points > line) from the
/// expected points and the model's spread. Each run's model is registered (`nba_player_points`, bet type `player_prop`,
/// a challenger).
///
/// Pricing and picks are the batter-hits path's: the model's P(Over) is anchored on the books' no-vig price
/// (`PropMarketAnchor`, weight 0 until settled priced NBA props show the model beats the market), `PickSelector` picks
/// at most one side, and a priced prop without a pick is a forecast on the Over at its best price. A line with only one
/// side priced is a forecast, never a pick.
public struct PlayerPointsPredictor: Sendable {
    let predictor: PlayerPropPredictor<PlayerPointsMarket>

    /// A predictor over `store` on the clock `now`, publishing the picks `picks` selects; `anchorWeight` pins the
    /// market anchor's weight as `PropPredictor`'s does (nil, the default: fitted on settled priced NBA props).
    public init(
        store: Store, now: @escaping @Sendable () -> Date = { Date() }, picks: PickSelector = .standard, anchorWeight: Double? = nil
    ) {
        predictor = PlayerPropPredictor(store: store, now: now, picks: picks, anchorWeight: anchorWeight)
    }

    /// Runs the job with id `jobID`: its model and props commit in one transaction recorded under that id, so a
    /// redelivery writes nothing; a later run skips the player, game and line pairs already predicted.
    public func run(_ parameters: PredictPlayerPoints, jobID: String, logger: Logger) async throws -> PropRun {
        try await predictor.run(date: parameters.date, jobID: jobID, logger: logger)
    }
}
