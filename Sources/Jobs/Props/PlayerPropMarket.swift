import Foundation
import Store

/// One sport's player prop as `PlayerPropPredictor` predicts it, as of one run's as-of: where its history comes from,
/// which players and lines each game offers, each player's form, and how its selections are written.
protocol PlayerPropMarket: Sendable {
    associatedtype Model: PropRegression

    /// The sport.
    static var sport: String { get }
    /// The Odds API market of the props' prices; also the registered model's target and name (`<sport>_<market>`).
    static var market: String { get }
    /// The feature-set name recorded with the model.
    static var featureSetVersion: String { get }
    /// The prediction component the expected count is stored under.
    static var expectationComponent: String { get }
    /// What the history is and what one example of it is called, for a run skipped for too little of it.
    static var history: (source: String, examples: String) { get }
    /// Why a run found nothing to predict when nothing had been predicted before either.
    static var nothingToPredict: String { get }

    /// How this prop's selections are stored.
    static var stored: PlayerPropSelection { get }

    /// The market as of `asOf`, from the history of `store` since `since`.
    init(since: Date, asOf: Date, store: Store) async throws

    /// The players expected in `game` (id `gameID`), each with the lines to predict him at and their best prices, in
    /// the order they are predicted.
    func offered(in game: Game, gameID: Int, store: Store) async throws -> [PlayerPropLines]
    /// `playerID`'s form as of the as-of; nil when none was known by then.
    func form(playerID: Int) -> [Double]?
    /// Every example of the history, in start order.
    func examples() -> [Model.Example]
}

extension PlayerPropMarket {
    /// The history read, in days before the as-of.
    static var historyDays: Double { 400 }
    /// The days of history that decide which team a player plays for.
    static var rosterDays: Double { 30 }
    /// The registry name of the market's models (`mlb_batter_hits`).
    static var modelName: String { "\(sport)_\(market)" }
}
