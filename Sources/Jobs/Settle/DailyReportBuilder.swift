import Foundation
import Store

/// Builds a sport's daily report from the day's graded predictions and performance rows; no I/O.
enum DailyReportBuilder {
    /// How many wins and misses the report highlights.
    static let highlights = 5

    /// The report of `sport` on `day`.
    ///
    /// - Parameters:
    ///   - performance: Rows of `PredictionRepository.performance(sport:from:to:)` over the day.
    ///   - trailing: The same over the 30 days up to the end of the day.
    ///   - graded: The day's settled predictions.
    static func build(
        day: String, sport: String, generatedAt: Date, performance dayRows: [PredictionPerformance], trailing: [PredictionPerformance],
        graded: [GradedPrediction]
    ) -> DailyReport {
        func total(_ rows: [PredictionPerformance]) -> PredictionPerformance {
            rows.first { $0.sport == sport && $0.betType == nil && $0.tier == nil } ?? PredictionPerformance(sport: sport)
        }
        // Every tier and gradeable bet type appears, empty or not, so readers can index the lists.
        let byTier = SignalTier.allCases.map { tier in
            dayRows.first { $0.sport == sport && $0.betType == nil && $0.tier == tier } ?? PredictionPerformance(sport: sport, tier: tier)
        }
        let byBetType = [BetType.spread, .moneyline, .total].map { betType in
            dayRows.first { $0.sport == sport && $0.betType == betType && $0.tier == nil }
                ?? PredictionPerformance(sport: sport, betType: betType)
        }
        let results = graded.compactMap(ReportedPrediction.init)
        // Best wins by profit (what the stake earned), then by edge; misses most confident first.
        let top = results.filter { $0.result == .win }
            .sorted { ($0.profit, $0.edge, -$0.predictionID) > ($1.profit, $1.edge, -$1.predictionID) }
        let misses = results.filter { $0.result == .loss }
            .sorted { ($0.probability, $0.stake, -$0.predictionID) > ($1.probability, $1.stake, -$1.predictionID) }
        return DailyReport(
            day: day, sport: sport, generatedAt: generatedAt, summary: total(dayRows), byTier: byTier, byBetType: byBetType,
            trailing30Days: total(trailing), results: results, topPredictions: Array(top.prefix(highlights)),
            notableMisses: Array(misses.prefix(highlights)))
    }
}
