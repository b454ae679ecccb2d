/// The metric a leaderboard is sorted by.
public enum LeaderboardMetric: String, Sendable, Codable, CaseIterable {
    /// Higher AUC first.
    case auc
    /// Lower log loss first.
    case logLoss

    /// Whether `a` ranks above `b`: on the metric of the model each entry stands for (anchored to the prior, when
    /// there is one), then, among equals (learners anchored at weight 0 all are the prior), on what each learnt.
    func ranks(_ a: LeaderboardEntry, above b: LeaderboardEntry) -> Bool {
        switch self {
        case .auc:
            if a.modelAUC != b.modelAUC { return a.modelAUC > b.modelAUC }
            if a.modelLogLoss != b.modelLogLoss { return a.modelLogLoss < b.modelLogLoss }
            return a.auc > b.auc
        case .logLoss:
            if a.modelLogLoss != b.modelLogLoss { return a.modelLogLoss < b.modelLogLoss }
            return a.logLoss < b.logLoss
        }
    }
}
