import Foundation
import Postgres

/// Computes weekly and monthly reports from `predictions` (nothing is stored: they are read rarely and must
/// reflect every settlement).
public struct PeriodReportRepository: Sendable {
    /// How many wins and misses a report highlights.
    public static let highlights = 5

    let database: any PostgresDatabase


    /// The `kind` (`week` or `month`) report of `sport` over `period`.
    public func report(kind: String, period: ReportPeriod, sport: String, generatedAt: Date = Date()) async throws -> PeriodReport {
        let predictions = PredictionRepository(database: database)
        let rows = try await predictions.performance(sport: sport, from: period.start, to: period.end)
        let graded = try await predictions.graded(sport: sport, from: period.start, to: period.end)
        let results = graded.compactMap(ReportedPrediction.init)
        return PeriodReport(
            kind: kind, period: period, sport: sport, generatedAt: generatedAt,
            summary: rows.first { $0.sport == sport && $0.betType == nil && $0.tier == nil } ?? PredictionPerformance(sport: sport),
            byTier: PredictionPerformance.byTier(rows, sport: sport), byBetType: PredictionPerformance.byBetType(rows, sport: sport),
            topPredictions: Array(ReportedPrediction.topWins(results).prefix(Self.highlights)),
            notableMisses: Array(ReportedPrediction.notableMisses(results).prefix(Self.highlights)))
    }
}
