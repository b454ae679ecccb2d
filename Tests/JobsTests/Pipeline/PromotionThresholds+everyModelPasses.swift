import Jobs

extension PromotionThresholds {
    /// Thresholds every model passes, so each bet type gets a champion to predict with in the pipeline tests (the
    /// seed's thresholds are tested on their own).
    static var everyModelPasses: PromotionThresholds {
        var thresholds = PromotionThresholds()
        (thresholds.accuracy, thresholds.auc, thresholds.logLoss, thresholds.brier, thresholds.ece) = (0, 0, 1, 1, 1)
        thresholds.notWorseThanMarket = false
        return thresholds
    }
}
