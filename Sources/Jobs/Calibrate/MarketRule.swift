/// Why a calibrated blend serves its learners or the market (`ModelCalibrator.blend`), from its pooled games: the
/// results and, where the games have one, the close.
enum MarketRule: Equatable {
    /// The learners are served: the results and the close do not speak against them.
    case learners
    /// The learners are served though the market's log loss on the results was lower: their departures moved toward
    /// the close beyond noise, and the close is the less noisy judge.
    case learnersOverTheResults
    /// The market is served: it beat the blend on the results, and the close did not overrule them.
    case marketOnTheResults
    /// The market is served: the blend's departures moved away from the close.
    case marketAwayFromTheClose

    /// The rule for these pooled games. Judged only with walk-forward games: the evaluation window alone is too few
    /// games to overrule the learners.
    init(_ pooled: PooledEvaluation, _ close: CloseAgreement) {
        let resultsFavourTheMarket = pooled.logLossDifference > 0
        if pooled.trainingRows == 0 {
            self = .learners
        } else if close.movesAwayFromTheClose {
            self = .marketAwayFromTheClose
        } else if resultsFavourTheMarket {
            self = close.movesTowardTheCloseBeyondNoise ? .learnersOverTheResults : .marketOnTheResults
        } else {
            self = .learners
        }
    }

    /// Whether the model forecasts the market's probability.
    var servesTheMarket: Bool { self == .marketOnTheResults || self == .marketAwayFromTheClose }
}
