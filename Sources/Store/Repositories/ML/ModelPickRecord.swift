/// A model's out-of-sample pick record as its registered metrics keep it (the calibrator's `PickRecord` in Jobs makes
/// it): its pooled picks with a fair close, and their mean CLV against the fair close (the closing line less its
/// margin) with its standard error.
public struct ModelPickRecord: Sendable, Equatable {
    /// The metric names the record is registered under.
    public enum Metric {
        public static let picks = "pooled_picks"
        public static let withClose = "pooled_picks_with_close"
        public static let clv = "pooled_pick_clv"
        public static let fairCLV = "pooled_pick_fair_clv"
        public static let fairCLVStandardError = "pooled_pick_fair_clv_se"
        public static let roi = "pooled_pick_roi"
    }

    /// Fewer picks with a close than this are too few for their standard error to mean anything.
    public static let fewestToTell = 10

    /// The picks with a fair close.
    public var picks: Int
    /// Their mean CLV against the fair close, and its standard error.
    public var meanFairCLV: Double
    public var standardError: Double

    /// A record of `picks` picks with a fair close.
    public init(picks: Int, meanFairCLV: Double, standardError: Double) {
        self.picks = picks
        self.meanFairCLV = meanFairCLV
        self.standardError = standardError
    }

    /// The record in a model's `metrics`; nil for a model registered without one, or with no pick that had a fair close.
    public init?(metrics: [String: Double]) {
        guard let withClose = metrics[Metric.withClose], withClose > 0, let fair = metrics[Metric.fairCLV] else { return nil }
        self.init(picks: Int(withClose), meanFairCLV: fair, standardError: metrics[Metric.fairCLVStandardError] ?? 0)
    }

    /// Whether the picks beat the fair close, in words: better or worse only beyond two standard errors, and only on
    /// `fewestToTell` picks or more.
    public var verdict: String {
        if picks == 0 { return "not measured against the close" }
        if picks < Self.fewestToTell { return "too few to tell whether they beat the close" }
        if meanFairCLV > 2 * standardError { return "beat the close" }
        if meanFairCLV < -2 * standardError { return "lost to the close" }
        return "within noise of the close"
    }

    /// Whether the model publishes picks: only when its out-of-sample picks beat the fair close beyond two standard
    /// errors, on `fewestToTell` picks or more (the verdict "beat the close"). A positive mean on a handful of picks, or
    /// one within noise of the close, is no evidence that a pick is worth a stake: a model that only forecasts the
    /// market's own probability makes such records by shopping for the book that strays furthest from it.
    public var allowsPicks: Bool { picks >= Self.fewestToTell && meanFairCLV > 2 * standardError }

    /// Whether a model with `metrics` publishes picks. One the calibrator judged (its metrics hold a record, even of no
    /// pick) publishes them only on a record that beat the close (`allowsPicks`). One registered without a record at
    /// all (before the record existed, or by hand) was never judged, and its picks are published.
    public static func allowsPicks(_ metrics: [String: Double]) -> Bool {
        guard metrics[Metric.picks] != nil || metrics[Metric.withClose] != nil else { return true }
        return Self(metrics: metrics)?.allowsPicks ?? false
    }
}
