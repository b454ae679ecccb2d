import Foundation

/// A sport's weekly or monthly report (seed 5.3) over US Eastern days: the picks' accuracy, CLV, ROI and sharp
/// agreement overall, by tier and by bet type, the forecasts' log loss, Brier and ECE, and the best and worst
/// picks. Computed from the settled predictions when asked for, so it is never stale.
public struct PeriodReport: Sendable, Equatable, Codable {
    /// `week` or `month`.
    public var kind: String
    /// The period: `2026-W48` or `2026-11`.
    public var period: String
    /// The sport code.
    public var sport: String
    /// The first game day, `YYYY-MM-DD` (US Eastern).
    public var from: String
    /// The last game day, inclusive.
    public var to: String
    /// When the report was computed.
    public var generatedAt: Date
    /// All of the period's picks (and, on this row, forecasts) together.
    public var summary: PredictionPerformance
    /// By tier, A to D.
    public var byTier: [PredictionPerformance]
    /// By bet type (with that bet type's forecast quality).
    public var byBetType: [PredictionPerformance]
    /// The best winning picks: most profit, then most edge.
    public var topPredictions: [ReportedPrediction]
    /// The worst losing picks: the most confident first.
    public var notableMisses: [ReportedPrediction]

    /// Creates a report.
    public init(
        kind: String, period: ReportPeriod, sport: String, generatedAt: Date, summary: PredictionPerformance,
        byTier: [PredictionPerformance], byBetType: [PredictionPerformance], topPredictions: [ReportedPrediction],
        notableMisses: [ReportedPrediction]
    ) {
        self.kind = kind
        self.period = period.name
        self.sport = sport
        from = period.firstDay
        to = period.lastDay
        self.generatedAt = generatedAt
        self.summary = summary
        self.byTier = byTier
        self.byBetType = byBetType
        self.topPredictions = topPredictions
        self.notableMisses = notableMisses
    }

    enum CodingKeys: String, CodingKey {
        case kind, period, sport, from, to
        case generatedAt = "generated_at"
        case summary
        case byTier = "by_tier"
        case byBetType = "by_bet_type"
        case topPredictions = "top_predictions"
        case notableMisses = "notable_misses"
    }
}
