import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `/admin/promotions`: the promotion queue of the ML guide's workflow (2.7). A calibrated model that passed every
/// threshold and beat the champion waits here in shadow (unless promotion is automatic) until an admin approves it
/// (it becomes champion through the same promotion as ever, so the post-promotion monitor and the rollback triggers
/// watch it) or rejects it with a reason (it goes back to challenger; the champion stays). An approval before the
/// shadow period has `requiredShadowGames` settled games is refused unless forced (`force=true`).
struct AdminPromotionRoutes: Sendable {
    let database: any PostgresDatabase
    let maxBodySize: Int
    let requiredShadowGames: Int

    func register(on group: RouteRegistrar) {
        group.get("promotions", use: list)
        group.get("promotions/{id}", use: show)
        group.post("promotions/{id}/approve", use: approve)
        group.post("promotions/{id}/reject", use: reject)
    }

    /// The pending requests (oldest first unless sorted otherwise), each with its shadow comparison.
    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[PromotionRequestView], PageMeta> {
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let order = try ListOrder(query, default: ListOrder(PromotionRequestView.Order.requestedAt, ascending: true))
        var views: [PromotionRequestView] = []
        // A handful wait at any time: at most one per sport and bet type.
        for pending in try await database.promotionRequests.pending() {
            views.append(try await view(pending))
        }
        order.sort(&views)
        return Envelope(data: pagination.cut(views), meta: pagination.meta(total: views.count))
    }

    /// One request, pending or decided.
    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<PromotionRequestView, EmptyMeta> {
        let id = try Self.id(context)
        guard let found = try await database.promotionRequests.find(id: id) else { throw Self.notFound(id) }
        return Envelope(data: try await view(found), meta: EmptyMeta())
    }

    /// Promotes the request's model; 404 for an unknown request, 409 for one already decided or whose shadow period is
    /// not complete (unless `force=true`).
    @Sendable func approve(_ request: Request, context: APIRequestContext) async throws -> Envelope<PromotionRequestView, EmptyMeta> {
        let id = try Self.id(context)
        let force = try QueryFilters.flag(request.uri.queryParameters, "force") ?? false
        let admin = UUID(uuidString: try context.requireIdentity().userID)
        let decision = try await database.promotionRequests.approve(id: id, by: admin, requiredShadowGames: requiredShadowGames, force: force)
        return Envelope(data: try await decided(id, decision), meta: EmptyMeta())
    }

    /// Rejects the request with a reason, logged as the model's event; 404 for an unknown request, 409 for one
    /// already decided.
    @Sendable func reject(_ request: Request, context: APIRequestContext) async throws -> Envelope<PromotionRequestView, EmptyMeta> {
        let id = try Self.id(context)
        var request = request
        let body = try await request.decodeShortJSON(ReasonRequest.self, context: context, limit: maxBodySize)
        try body.validate()
        let admin = UUID(uuidString: try context.requireIdentity().userID)
        let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return Envelope(
            data: try await decided(id, try await database.promotionRequests.reject(id: id, reason: reason, by: admin)), meta: EmptyMeta())
    }

    private func decided(_ id: Int, _ decision: PromotionRequestRepository.Decision) async throws -> PromotionRequestView {
        switch decision {
        case .decided(let request): return try await view(request)
        case .notFound: throw Self.notFound(id)
        case .notPending(let request):
            throw APIError(
                .conflict, code: "PROMOTION_NOT_PENDING", "Promotion request \(id) is already \(request.status.rawValue)",
                details: ["promotion_id": .integer(Int64(id)), "status": .string(request.status.rawValue)])
        case .shadowIncomplete(_, let period):
            throw APIError(
                .conflict, code: "SHADOW_PERIOD_INCOMPLETE",
                "Promotion request \(id) has \(period.settledGames) of the \(period.requiredGames) settled shadow games required; "
                    + "approve with force=true to promote it anyway",
                details: [
                    "promotion_id": .integer(Int64(id)), "settled_games": .integer(Int64(period.settledGames)),
                    "required_games": .integer(Int64(period.requiredGames)),
                ])
        }
    }

    private func view(_ request: PromotionRequest) async throws -> PromotionRequestView {
        // Deleting a model deletes its request (ON DELETE CASCADE): gone between the two reads, it was never there.
        guard let model = try await database.models.summary(id: request.modelID) else { throw Self.notFound(request.id) }
        return PromotionRequestView(
            request, model: model, comparison: try await database.shadowForecasts.comparison(modelID: request.modelID),
            requiredShadowGames: requiredShadowGames)
    }

    private static func id(_ context: APIRequestContext) throws -> Int {
        try QueryFilters.pathID(context, label: "the promotion request id")
    }

    private static func notFound(_ id: Int) -> APIError {
        APIError.notFound("Promotion request", id: id, code: "PROMOTION_NOT_FOUND", key: "promotion_id")
    }
}
