/// What one `predict` run did for a sport: the job's result.
public struct PredictionRun: Codable, Sendable, Equatable {
    /// The sport.
    public var sport: String
    /// Why the sport was skipped (quality gate, no champion), if it was.
    public var skipped: String?
    /// Forecasts published (one per game, market and publication).
    public var predictions = 0
    /// Of those, the forecasts published as picks.
    public var picks = 0
    /// Picks not published because the champion's out-of-sample picks did not beat the close (`PickRecord`): each
    /// of those markets got its forecast only.
    public var picksWithheld = 0
    /// Games with no publication due for the same champion (already published, or game day not reached).
    public var alreadyPredicted = 0
    /// Games without fresh features or without any price.
    public var unpredictable = 0
    /// Games skipped because their features were not complete enough (the seed's > 98 % gate).
    public var incompleteFeatures = 0
    /// Games left for a later run because the moneyline has moved more than `LineDrift.tolerance` since their
    /// features were taken (a forecast then would publish the move as an edge).
    public var staleLines = 0
    /// Forecasts stored by shadow models awaiting review; never published.
    public var shadowForecasts = 0
    /// Models rolled back after this run.
    public var rolledBack: [Int] = []
}
