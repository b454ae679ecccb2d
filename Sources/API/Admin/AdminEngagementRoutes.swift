import Hummingbird

/// `GET /admin/engagement?days=N`: daily active users and predictions viewed for the last N US Eastern days (1 to
/// 400, default 30), and the 30-day active users (seed 5.2).
struct AdminEngagementRoutes: Sendable {
    let engagement: EngagementRecorder

    func register(on group: RouteRegistrar) {
        group.get("engagement", use: report)
    }

    @Sendable func report(_ request: Request, context: APIRequestContext) async throws -> Envelope<EngagementReport, EmptyMeta> {
        var days = 30
        if let text = request.uri.queryParameters.get("days") {
            guard let value = Int(text), (1...400).contains(value) else {
                throw APIError.validation("days must be a whole number from 1 to 400", field: "days")
            }
            days = value
        }
        return Envelope(data: try await engagement.report(days: days), meta: EmptyMeta())
    }
}
