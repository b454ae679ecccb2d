import Hummingbird

/// `GET /admin/engagement?days=N`: daily active users and predictions viewed for the last N US Eastern days (1 to
/// 400, default 30), and the 30-day active users (seed 5.2).
struct AdminEngagementRoutes: Sendable {
    let engagement: EngagementRecorder

    func register(on group: RouteRegistrar) {
        group.get("engagement", use: report)
    }

    @Sendable func report(_ request: Request, context: APIRequestContext) async throws -> Envelope<EngagementReport, EmptyMeta> {
        let days = try QueryFilters.wholeNumber(request.uri.queryParameters, "days", in: 1...400, default: 30)
        return Envelope(data: try await engagement.report(days: days), meta: EmptyMeta())
    }
}
