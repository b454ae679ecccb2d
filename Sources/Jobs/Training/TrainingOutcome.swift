/// What one training or calibration run did for a sport, bet type and publication: the job's result.
public struct TrainingOutcome: Codable, Sendable, Equatable {
    /// The sport.
    public var sport: String
    /// The bet type.
    public var betType: String
    /// The publication the models are for (`open`, `game_day`).
    public var publication: String?
    /// The registered model's id; `nil` when there was too little data to train.
    public var modelID: Int?
    /// Why nothing was trained, when nothing was.
    public var skipped: String?
    /// Rows fitted, used to calibrate, used to evaluate.
    public var rows: [Int]
    /// The evaluation log loss, when trained.
    public var logLoss: Double?
    /// Whether it became champion (calibrate only).
    public var promoted: Bool?
    /// Whether it became a promotion request, in shadow until reviewed (calibrate only).
    public var promotionRequested: Bool?
}
