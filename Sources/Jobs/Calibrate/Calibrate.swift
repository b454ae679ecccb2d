import Queue
import Store

/// `calibrate`: per sport, bet type and publication, blends the newest AutoML and Stack models with a soft-voting ensemble
/// (weights chosen on validation), calibrates the blend (isotonic unless Platt or none is better cross-fitted),
/// evaluates it on the newest games, writes the HTML report, registers it, and promotes it when it passes the
/// thresholds and beats the champion on the same games.
public struct Calibrate: JobParameters, Equatable {
    public static let jobType = "calibrate"
    public static let defaultQueue = "training"

    /// The sport; `nil`: every configured sport.
    public var sport: String?
    /// `spread`, `moneyline` or `total`; `nil`: all three.
    public var betType: String?
    /// `open` or `game_day`: the models of the forecast published at the market's open or on game day; `nil`: both.
    public var publication: String?
    /// Overrides of the promotion thresholds.
    public var thresholds: PromotionThresholds?

    /// Parameters; `nil` fields take their defaults.
    public init(
        sport: String? = nil, betType: BetType? = nil, publication: PredictionPublication? = nil, thresholds: PromotionThresholds? = nil
    ) {
        self.sport = sport
        self.betType = betType?.rawValue
        self.publication = publication?.rawValue
        self.thresholds = thresholds
    }

    /// The bet types to calibrate.
    var betTypes: [BetType] {
        ModelMarkets.betTypes(betType)
    }

    /// The publications to calibrate for.
    var publications: [PredictionPublication] {
        ModelMarkets.publications(publication)
    }

    public func validate() throws {
        try ModelMarkets.validate(sport: sport, betType: betType)
        try ModelMarkets.validate(publication: publication)
        if let t = thresholds, ![t.accuracy, t.auc, t.logLoss, t.brier, t.ece].allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }) {
            throw QueueError(.invalidRequest, "thresholds: every threshold is a number from 0 to 1")
        }
    }
}
