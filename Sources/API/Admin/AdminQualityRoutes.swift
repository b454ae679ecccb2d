import Hummingbird
import Postgres
import Store

/// `GET /admin/quality/checks`: the data-quality checks' results (the data guide's review of failed checks, 1.5),
/// newest first: the failures waiting for review (`status=fail&action=manual_review`), and with `latest=true` each
/// rule's current state per sport, which is what blocks a sport's predictions (`action=block_predictions`).
struct AdminQualityRoutes: Sendable {
    let database: any PostgresDatabase

    func register(on group: RouteRegistrar) {
        group.get("quality/checks", use: list)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[DataQualityCheckView], PageMeta> {
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let status = try QueryFilters.oneOf(query, "status", DataQualityStatus.self)
        let action = try QueryFilters.oneOf(query, "action", DataQualityAction.self)
        let sport = try QueryFilters.sport(query)
        let latest = try QueryFilters.flag(query, "latest") ?? false
        let order = try ListOrder(query, default: ListOrder(DataQualityCheckRepository.Order.checkedAt))
        let page = try await database.dataQualityChecks.page(
            status: status, action: action, sport: sport, latestOnly: latest, order: order, limit: pagination.limit, offset: pagination.offset)
        return Envelope(data: page.checks.map(DataQualityCheckView.init), meta: pagination.meta(total: page.total))
    }
}
