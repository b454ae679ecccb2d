/// What one `predict` run did for a sport: the job's result.
public struct PredictionRun: Codable, Sendable, Equatable {
    /// The sport.
    public var sport: String
    /// Why the sport was skipped (quality gate, no champion), if it was.
    public var skipped: String?
    /// Predictions stored.
    public var predictions = 0
    /// Games already predicted by the same champion.
    public var alreadyPredicted = 0
    /// Games without fresh features or without a price.
    public var unpredictable = 0
    /// Games skipped because their features were not complete enough (the seed's > 98 % gate).
    public var incompleteFeatures = 0
    /// Models rolled back after this run.
    public var rolledBack: [Int] = []
}
