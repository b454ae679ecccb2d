import Foundation
import Store

/// Builds a sport's daily report from the day's graded picks and performance rows; no I/O.
enum DailyReportBuilder {
    /// How many wins and misses the report highlights.
    static let highlights = 5

    /// The report of `sport` on `day`.
    ///
    /// - Parameters:
    ///   - performance: Rows of `PredictionRepository.performance(sport:from:to:)` over the day.
    ///   - trailing: The same over the 30 days up to the end of the day.
    ///   - graded: The day's settled picks.
    static func build(
        day: String, sport: String, generatedAt: Date, performance dayRows: [PredictionPerformance], trailing: [PredictionPerformance],
        graded: [GradedPrediction]
    ) -> DailyReport {
        func total(_ rows: [PredictionPerformance]) -> PredictionPerformance {
            rows.first { $0.sport == sport && $0.betType == nil && $0.tier == nil } ?? PredictionPerformance(sport: sport)
        }
        // Every tier and gradeable bet type appears, empty or not, so readers can index the lists.
        let byTier = PredictionPerformance.byTier(dayRows, sport: sport)
        let byBetType = PredictionPerformance.byBetType(dayRows, sport: sport)
        let results = graded.compactMap(ReportedPrediction.init)
        let top = ReportedPrediction.topWins(results)
        let misses = ReportedPrediction.notableMisses(results)
        return DailyReport(
            day: day, sport: sport, generatedAt: generatedAt, summary: total(dayRows), byTier: byTier, byBetType: byBetType,
            trailing30Days: total(trailing), results: results, topPredictions: Array(top.prefix(highlights)),
            notableMisses: Array(misses.prefix(highlights)))
    }
}
