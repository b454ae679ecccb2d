import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `GET /models`, `GET /models/{id}`, `GET /models/{id}/report` and `GET /models/{id}/drift`: the model registry, its
/// promotion log, the stored evaluation pages (a model that went into shadow for review also gets its shadow comparison
/// with the champion, as of the read) and how far its features moved since training, for any signed-in user. They read
/// the replica while it keeps up (`ReadConsistency.boundedStaleness`).
struct ModelRoutes: Sendable {
    let reads: PostgresReadRouter
    /// Where the prices and results the models were trained and evaluated on come from (`meta.market`, and the
    /// report's banner).
    let market: MarketSource
    let now: @Sendable () -> Date
    /// The models' training windows, read once an hour per model rather than at every drift read.
    let driftReferences = DriftReferenceCache()

    func register(on group: RouteRegistrar) {
        group.get("models", use: list)
        group.get("models/{id}", use: show)
        group.get("models/{id}/report", use: report)
        group.get("models/{id}/drift", use: drift)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[ModelView], PageMeta> {
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let sport = try QueryFilters.sport(query)
        let betType = try QueryFilters.oneOf(query, "bet_type", BetType.self)
        let publication = try QueryFilters.oneOf(query, "publication", PredictionPublication.self)
        let status = try QueryFilters.oneOf(query, "status", ModelStatus.self)
        let order = try ListOrder(query, default: ListOrder(ModelRepository.Order.createdAt))
        let page = try await reads.database(for: .boundedStaleness).models.summaries(
            sport: sport, betType: betType, publication: publication, status: status, order: order, limit: pagination.limit, offset: pagination.offset)
        return Envelope(data: page.models.map { ModelView($0) }, meta: pagination.meta(total: page.total), market: market)
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<ModelView, EmptyMeta> {
        let id = try Self.id(context)
        let database = await reads.database(for: .boundedStaleness)
        guard let summary = try await database.models.summary(id: id) else { throw Self.notFound(id) }
        return Envelope(data: ModelView(summary, events: try await database.modelReports.events(modelID: id)), meta: EmptyMeta(), market: market)
    }

    /// The self-contained HTML page; it has no scripts, and the CSP keeps it that way.
    @Sendable func report(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let database = await reads.database(for: .boundedStaleness)
        guard var html = try await database.modelReports.report(modelID: id) else {
            throw APIError(.notFound, code: "REPORT_NOT_FOUND", "Model \(id) has no evaluation report", details: ["model_id": .integer(Int64(id))])
        }
        let promotion = try await database.promotionRequests.request(modelID: id)
        let comparison = try await database.shadowForecasts.comparison(modelID: id)
        if promotion != nil || comparison.forecasts > 0 {
            html = ShadowComparisonSection.inserting(ShadowComparisonSection.html(comparison, request: promotion), into: html)
        }
        html = MarketBanner.inserting(market, into: html)
        return .ok(
            ByteBuffer(string: html), contentType: "text/html; charset=utf-8",
            headers: [.init("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'; img-src data:"])
    }

    /// `days` (1 to 365, default 14): the current window is the games of the last `days` days and the next day that are
    /// after the model's training window (`trainingEnd`, the window's end, which training reads up to).
    @Sendable func drift(_ request: Request, context: APIRequestContext) async throws -> Envelope<FeatureDriftView, EmptyMeta> {
        let id = try Self.id(context)
        let days = try QueryFilters.wholeNumber(request.uri.queryParameters, "days", in: 1...365, default: ModelDriftSample.defaultDays)
        let database = await reads.database(for: .boundedStaleness)
        guard let model = try await database.models.summary(id: id) else { throw Self.notFound(id) }
        let reference = try await driftReferences.reference(modelID: model.id) { try await database.gameFeatures.driftReference(for: model) }
        let sample = ModelDriftSample(
            reference: reference, current: try await database.gameFeatures.driftCurrent(for: model, days: days, now: now()))
        return Envelope(data: FeatureDriftView(model: model, sample: sample), meta: EmptyMeta(), market: market)
    }

    private static func id(_ context: APIRequestContext) throws -> Int {
        try QueryFilters.pathID(context, label: "the model id")
    }

    private static func notFound(_ id: Int) -> APIError {
        APIError.notFound("Model", id: id, code: "MODEL_NOT_FOUND", key: "model_id")
    }
}
