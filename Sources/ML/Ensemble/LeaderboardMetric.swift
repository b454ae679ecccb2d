/// The metric a leaderboard is sorted by.
public enum LeaderboardMetric: String, Sendable, Codable, CaseIterable {
    /// Higher AUC first.
    case auc
    /// Lower log loss first.
    case logLoss

    /// Whether `a` ranks above `b`: on the metric of the model each entry stands for (anchored to the prior, when
    /// there is one) less the prior's on the same rows, so that entries scored on different rows (a stacked ensemble
    /// on later games than its members) are compared on what they add to the market; then, among equals (learners
    /// anchored at weight 0 all are the prior), on what each learnt.
    func ranks(_ a: LeaderboardEntry, above b: LeaderboardEntry) -> Bool {
        switch self {
        case .auc:
            if a.aucOverPrior != b.aucOverPrior { return a.aucOverPrior > b.aucOverPrior }
            if a.logLossOverPrior != b.logLossOverPrior { return a.logLossOverPrior < b.logLossOverPrior }
            return a.auc > b.auc
        case .logLoss:
            if a.logLossOverPrior != b.logLossOverPrior { return a.logLossOverPrior < b.logLossOverPrior }
            return a.logLoss < b.logLoss
        }
    }
}
