/// What an AutoML run produced: the sorted leaderboard and every model on it, trained on all rows.
public struct AutoMLResult: Sendable {
    /// Entries from best to worst by the configured metric.
    public let leaderboard: [LeaderboardEntry]
    /// Each leaderboard entry's model, by name.
    public let models: [String: TrainedModel]
    /// Each entry's out-of-fold predictions, by name: of the model it stands for (anchored to the prior, when
    /// there is one); NaN for rows no fold validated.
    public let outOfFold: [String: [Double]]

    /// The leader's out-of-fold predictions.
    public var leaderOutOfFold: [Double] {
        outOfFold[leaderboard[0].name]!
    }

    /// The best model.
    public var leader: TrainedModel {
        models[leaderboard[0].name]!
    }
}
