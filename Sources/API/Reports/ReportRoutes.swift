import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `GET /reports/daily`, `GET /reports/weekly`, `GET /reports/monthly` and `GET /performance`: the settle
/// job's daily reports, weekly and monthly reports over US Eastern days, and the picks' accuracy, CLV, ROI and
/// sharp agreement with the forecasts' log loss, Brier and ECE (seed 5.2–5.5), for any signed-in user. They read the
/// replica while it keeps up (`ReadConsistency.boundedStaleness`).
struct ReportRoutes: Sendable {
    let reads: PostgresReadRouter
    /// Where the prices and results reported on come from (`meta.market`).
    let market: MarketSource
    var now: @Sendable () -> Date = { Date() }

    func register(on group: RouteRegistrar) {
        group.get("reports/daily", use: daily)
        group.get("reports/weekly", use: weekly)
        group.get("reports/monthly", use: monthly)
        group.get("performance", use: performance)
    }

    /// The stored report of `sport` on `date`; 404 until the settle job has written one.
    @Sendable func daily(_ request: Request, context: APIRequestContext) async throws -> Envelope<DailyReport, EmptyMeta> {
        let query = request.uri.queryParameters
        guard let day = try ReportQuery.day(query, "date") else {
            throw APIError.validation("date is required, YYYY-MM-DD", field: "date")
        }
        let sport = try ReportQuery.sport(query, required: true)!
        guard let report = try await reads.database(for: .boundedStaleness).dailyReports.find(day: day.text, sport: sport) else {
            throw APIError(
                .notFound, code: "REPORT_NOT_FOUND", "No daily report for \(sport) on \(day.text)",
                details: ["date": .string(day.text), "sport": .string(sport)])
        }
        return Envelope(data: report, meta: EmptyMeta(), market: market)
    }

    /// The report of `sport` over the ISO week `week` (`YYYY-Www`) of US Eastern days.
    @Sendable func weekly(_ request: Request, context: APIRequestContext) async throws -> Envelope<PeriodReport, EmptyMeta> {
        try await periodReport(
            request, context: context, kind: "week", parameter: "week", format: "YYYY-Www (ISO week)",
            example: "an ISO week, YYYY-Www, such as 2026-W48 (01 to 52 or 53)", parse: ReportPeriod.week)
    }

    /// The report of `sport` over the month `month` (`YYYY-MM`) of US Eastern days.
    @Sendable func monthly(_ request: Request, context: APIRequestContext) async throws -> Envelope<PeriodReport, EmptyMeta> {
        try await periodReport(
            request, context: context, kind: "month", parameter: "month", format: "YYYY-MM", example: "YYYY-MM, such as 2026-11",
            parse: ReportPeriod.month)
    }

    /// The report of `sport` over the period named by the query parameter `parameter`, computed on request.
    private func periodReport(
        _ request: Request, context: APIRequestContext, kind: String, parameter: String, format: String, example: String,
        parse: (String) -> ReportPeriod?
    ) async throws -> Envelope<PeriodReport, EmptyMeta> {
        let query = request.uri.queryParameters
        guard let text = query.get(parameter) else { throw APIError.validation("\(parameter) is required, \(format)", field: parameter) }
        guard let period = parse(text) else { throw APIError.validation("\(parameter) must be \(example)", field: parameter) }
        let sport = try ReportQuery.sport(query, required: true)!
        let report = try await reads.database(for: .boundedStaleness).periodReports.report(kind: kind, period: period, sport: sport, generatedAt: now())
        return Envelope(data: report, meta: EmptyMeta(), market: market)
    }

    /// Accuracy, CLV, ROI and sharp agreement of the graded picks (and log loss, Brier, ECE of the forecasts) on
    /// games in `from…to` (inclusive UTC days, default the last 30), for every sport or one: overall, by bet type,
    /// by tier, by bet type and tier.
    @Sendable func performance(_ request: Request, context: APIRequestContext)
        async throws -> Envelope<[PredictionPerformance], PerformanceMeta>
    {
        let query = request.uri.queryParameters
        let sport = try ReportQuery.sport(query, required: false)
        let range = try ReportQuery.range(query, now: now())
        let rows = try await reads.database(for: .boundedStaleness).predictions.performance(sport: sport, from: range.from, to: range.to)
        return Envelope(
            data: rows,
            meta: PerformanceMeta(from: DailyReport.day(of: range.from), to: DailyReport.day(of: range.to.addingTimeInterval(-1))),
            market: market)
    }
}

/// `meta` of `GET /performance`: the inclusive range of game days aggregated.
struct PerformanceMeta: Encodable, Sendable {
    var from: String
    var to: String
}
