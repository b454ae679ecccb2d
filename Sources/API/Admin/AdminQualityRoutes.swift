import Foundation
import Hummingbird
import Postgres
import Store

/// `GET /admin/quality/checks`: the data-quality checks' results (the data guide's review of failed checks, 1.5),
/// newest first: the failures waiting for review (`status=fail&action=manual_review`), and with `latest=true` each
/// rule's current state per sport, which is what blocks a sport's predictions (`action=block_predictions`). And
/// `GET /admin/quality/gaps`: the date ranges whose games, odds or results were never stored, each with the
/// `aips backfill` that reloads it (the data guide's backfill, step 1).
struct AdminQualityRoutes: Sendable {
    /// The longest range `gaps` reads.
    static let maximumGapDays = 400

    let database: any PostgresDatabase
    /// The platform's clock: which games should have a result by now.
    var now: @Sendable () -> Date = { Date() }

    func register(on group: RouteRegistrar) {
        group.get("quality/checks", use: list)
        group.get("quality/gaps", use: gaps)
    }

    /// `date_from` and `date_to` (Eastern days, inclusive, at most `maximumGapDays` apart) are required; `sport`
    /// narrows to one sport (default: every sport with a stored game).
    @Sendable func gaps(_ request: Request, context: APIRequestContext) async throws -> Envelope<[CoverageGapView], EmptyMeta> {
        let query = request.uri.queryParameters
        let days = try QueryFilters.gameDays(query)
        guard query.get("date") == nil, let from = days.from, let to = days.to, let first = query.get("date_from"),
            let last = query.get("date_to")
        else {
            throw APIError.validation("date_from and date_to are required", field: query.get("date_from") == nil ? "date_from" : "date_to")
        }
        guard to.timeIntervalSince(from) <= Double(Self.maximumGapDays) * 86_400 else {
            throw APIError.validation("date_from and date_to may be at most \(Self.maximumGapDays) days apart", field: "date_to")
        }
        let sports: [String]
        if let sport = try QueryFilters.sport(query) {
            sports = [sport]
        } else {
            sports = try await database.games.sports()
        }
        var gaps: [CoverageGapView] = []
        for sport in sports {
            let coverage = try await database.games.dailyCoverage(sport: sport, from: first, to: last, asOf: now())
            gaps += CoverageGap.find(in: coverage, quietDays: CoverageGap.quietDays(sport: sport)).map { CoverageGapView($0, sport: sport) }
        }
        return Envelope(data: gaps, meta: EmptyMeta())
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
