import Hummingbird
import Postgres
import Store

/// `GET /admin/engagement?days=N`: daily active users and predictions viewed for the last N US Eastern days (1 to
/// 400, default 30), the 30-day active users, and the alerts to new picks raised in the last N × 24 hours with how
/// many were opened (seed 5.2).
struct AdminEngagementRoutes: Sendable {
    let engagement: EngagementRecorder
    let database: any PostgresDatabase

    func register(on group: RouteRegistrar) {
        group.get("engagement", use: report)
    }

    @Sendable func report(_ request: Request, context: APIRequestContext) async throws -> Envelope<EngagementReport, EmptyMeta> {
        let days = try QueryFilters.wholeNumber(request.uri.queryParameters, "days", in: 1...400, default: 30)
        var report = try await engagement.report(days: days)
        let alerts = try await database.alerts.engagement(days: days)
        report.alerts = EngagementReport.Alerts(raised: alerts.raised, opened: alerts.opened)
        return Envelope(data: report, meta: EmptyMeta())
    }
}
