import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `GET /predictions`, `GET /predictions/{id}`, `GET /predictions/{id}/verify` and `GET /player-props` (the
/// player-prop predictions alone), for any signed-in user.
struct PredictionRoutes: Sendable {
    let reader: PredictionReader
    let database: any PostgresDatabase
    /// Pages and single predictions, stale once predictions are stored or graded.
    let cache: ReadCache
    /// Counts each page or prediction served as a view.
    let engagement: EngagementRecorder
    /// Where the prices the predictions were made on come from (`meta.market`).
    let market: MarketSource

    func register(on group: RouteRegistrar) {
        group.get("predictions", use: list)
        group.get("predictions/{id}", use: show)
        group.get("predictions/{id}/verify", use: verify)
        group.get("player-props", use: playerProps)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        return try await page(try PredictionFilter(query), try Pagination(query), request: request, context: context)
    }

    /// `GET /predictions` of bet type `player_prop`: the same filters but `bet_type`.
    @Sendable func playerProps(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard query.get("bet_type") == nil else {
            throw APIError.validation("player-props lists player_prop predictions only; /predictions takes bet_type", field: "bet_type")
        }
        var filter = try PredictionFilter(query)
        filter.betType = .playerProp
        return try await page(filter, try Pagination(query), request: request, context: context)
    }

    /// One page of the predictions `filter` selects, through the cache.
    private func page(_ filter: PredictionFilter, _ pagination: Pagination, request: Request, context: APIRequestContext) async throws
        -> Response
    {
        try await cached("list:" + filter.cacheKey(pagination), request: request, context: context) { consistency in
            let page = try await reader.page(filter, pagination, consistency: consistency)
            return Envelope(data: page.views, meta: pagination.meta(total: page.total), market: market)
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try Self.id(context)
        return try await cached("one:\(id)", request: request, context: context) { consistency in
            guard let view = try await reader.find(id: id, consistency: consistency) else { throw Self.notFound(id) }
            return Envelope(data: view, meta: EmptyMeta(), market: market)
        }
    }

    @Sendable func verify(_ request: Request, context: APIRequestContext) async throws -> Envelope<PredictionVerification, EmptyMeta> {
        let id = try Self.id(context)
        // Always from the primary, the record of authority: a verification trusts no cached or replicated copy.
        guard let prediction = try await database.predictions.find(id: id) else { throw Self.notFound(id) }
        let computed = PredictionFingerprint.hash(of: prediction)
        var chain: PredictionChainVerification?
        if prediction.publishedAt != nil {
            // The whole chain, not the prediction's neighbours: a deletion or insertion anywhere before it matters too.
            let entries = try await database.predictions.chain(sport: prediction.sport)
            chain = PredictionChainVerification(
                PredictionChain.verify(sport: prediction.sport, entries), entry: entries.first { $0.prediction.id == id })
        }
        return Envelope(
            data: PredictionVerification(
                predictionId: id, storedHash: prediction.predictionHash, computedHash: computed,
                matches: HMAC.constantTimeEquals(Array(computed.utf8), Array(prediction.predictionHash.utf8)),
                canonicalContent: PredictionFingerprint.canonicalContent(of: prediction), chain: chain),
            meta: EmptyMeta())
    }

    /// Serves the cached body for `name`, or builds, stores and serves a fresh one (`ReadCache.json`); `X-Cache` says
    /// which.
    private func cached(
        _ name: String, request: Request, context: APIRequestContext,
        build: (ReadConsistency) async throws -> some Encodable & Sendable
    ) async throws -> Response {
        let (body, hit) = try await cache.json(name, context: context, build: build)
        engagement.recordPredictionView()
        return .json(body, headers: [.init("X-Cache")!: hit ? "hit" : "miss"])
    }

    private static func id(_ context: APIRequestContext) throws -> Int {
        try QueryFilters.pathID(context, label: "the prediction id")
    }

    /// 404 (or `status`) `PREDICTION_NOT_FOUND`.
    static func notFound(_ id: Int, status: HTTPResponse.Status = .notFound) -> APIError {
        APIError.notFound("Prediction", id: id, code: "PREDICTION_NOT_FOUND", key: "prediction_id", status: status)
    }
}
