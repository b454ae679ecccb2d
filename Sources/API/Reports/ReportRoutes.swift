import Foundation
import Hummingbird
import Store

/// `GET /reports/daily` and `GET /performance`: the settle job's daily reports and prediction
/// accuracy, CLV and ROI (seed 5.2–5.5), for any signed-in user.
struct ReportRoutes: Sendable {
    let database: any PostgresDatabase
    var now: @Sendable () -> Date = { Date() }

    func register(on group: RouteRegistrar) {
        group.get("reports/daily", use: daily)
        group.get("performance", use: performance)
    }

    /// The stored report of `sport` on `date`; 404 until the settle job has written one.
    @Sendable func daily(_ request: Request, context: APIRequestContext) async throws -> Envelope<DailyReport, EmptyMeta> {
        _ = try context.requireIdentity()
        let query = request.uri.queryParameters
        guard let day = try ReportQuery.day(query, "date") else {
            throw APIError.validation("date is required, YYYY-MM-DD", field: "date")
        }
        let sport = try ReportQuery.sport(query, required: true)!
        guard let report = try await database.dailyReports.find(day: day.text, sport: sport) else {
            throw APIError(
                .notFound, code: "REPORT_NOT_FOUND", "No daily report for \(sport) on \(day.text)",
                details: ["date": .string(day.text), "sport": .string(sport)])
        }
        return Envelope(data: report, meta: EmptyMeta())
    }

    /// Accuracy, CLV and ROI of the graded predictions on games in `from…to` (inclusive UTC days, default
    /// the last 30), for every sport or one: overall, by bet type, by tier, by bet type and tier.
    @Sendable func performance(_ request: Request, context: APIRequestContext)
        async throws -> Envelope<[PredictionPerformance], PerformanceMeta>
    {
        _ = try context.requireIdentity()
        let query = request.uri.queryParameters
        let sport = try ReportQuery.sport(query, required: false)
        let range = try ReportQuery.range(query, now: now())
        let rows = try await database.predictions.performance(sport: sport, from: range.from, to: range.to)
        return Envelope(
            data: rows,
            meta: PerformanceMeta(from: DailyReport.day(of: range.from), to: DailyReport.day(of: range.to.addingTimeInterval(-1))))
    }
}

/// `meta` of `GET /performance`: the inclusive range of game days aggregated.
struct PerformanceMeta: Encodable, Sendable {
    var from: String
    var to: String
}
