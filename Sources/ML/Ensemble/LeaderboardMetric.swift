/// The metric a leaderboard is sorted by.
public enum LeaderboardMetric: String, Sendable, Codable, CaseIterable {
    /// Higher AUC first.
    case auc
    /// Lower log loss first.
    case logLoss

    /// Whether `a` ranks above `b`.
    func ranks(_ a: LeaderboardEntry, above b: LeaderboardEntry) -> Bool {
        switch self {
        case .auc: a.auc > b.auc || (a.auc == b.auc && a.logLoss < b.logLoss)
        case .logLoss: a.logLoss < b.logLoss
        }
    }
}
