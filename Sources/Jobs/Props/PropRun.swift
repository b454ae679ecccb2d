/// What one `predict.props` run did: the job's result, stored with the succeeded job.
public struct PropRun: Codable, Sendable, Equatable {
    /// The MLB games in the window.
    public var games = 0
    /// Props stored.
    public var predictions = 0
    /// Props stored with a price (a book quoted the batter at that line).
    public var priced = 0
    /// Priced props published as picks (edge, tier and stake from the pick policy).
    public var picks = 0
    /// The sum of the picks' edges (their mean is this over `picks`).
    public var pickEdgeSum = 0.0
    /// Props skipped because the same batter, game and line were predicted before.
    public var alreadyPredicted = 0
    /// The model of this run's props: registered by it, or an earlier run's (`reusedModel`).
    public var modelID: Int?
    /// Whether the props were priced by the model an earlier run fitted (`PropModelReuse`); the training and held-out
    /// figures are then that model's.
    public var reusedModel = false
    /// Batter-games the regression was fitted on.
    public var trainingExamples = 0
    /// Held-out player-games of the evaluation, and its errors (see `PropEvaluation`).
    public var heldOut: Int?
    /// Root mean squared error of the expected hits on the held-out games.
    public var rmse: Double?
    /// Mean absolute error of the expected hits on the held-out games.
    public var mae: Double?
    /// RMSE of predicting the training mean for every held-out game.
    public var baselineRMSE: Double?
    /// Brier score of P(hits > 0.5) on the held-out games.
    public var brierOverHalf: Double?
    /// The share of the model's difference from the books' no-vig price kept (`PropMarketAnchor`): 0 until settled
    /// priced props show the model beats the books.
    public var anchorWeight = 0.0
    /// The settled priced props the anchor was fitted on.
    public var anchorHistory = 0
    /// Why nothing was predicted, when nothing was.
    public var skipped: String?
    /// False when a redelivery found this job's writes already committed.
    public var applied = true

    /// An empty run.
    public init() {}
}
