/// What an AutoML run produced: the sorted leaderboard and every model on it, trained on all rows.
public struct AutoMLResult: Sendable {
    /// Entries from best to worst by the configured metric.
    public let leaderboard: [LeaderboardEntry]
    /// Each leaderboard entry's model, by name.
    public let models: [String: TrainedModel]

    /// The best model.
    public var leader: TrainedModel {
        models[leaderboard[0].name]!
    }
}
