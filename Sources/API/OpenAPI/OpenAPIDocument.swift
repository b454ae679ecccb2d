import OpenAPIKit
import Store

/// The OpenAPI 3.1 document of the API, served at `/api/v1/openapi.json`.
///
/// Written by hand next to the routes, one area per tag; a test compares its operations with the routes
/// the server really registered, so neither can drift from the other, and validates it with OpenAPIKit
/// (every `$ref` resolves, parameters are unique, path parameters are declared).
enum OpenAPIDocument {
    typealias S = OpenAPISchema

    /// The name of the bearer token security scheme.
    static let bearerScheme: OpenAPI.ComponentKey = "bearer"

    /// Every area the document describes.
    static var areas: [any OpenAPIArea.Type] {
        [
            HealthOpenAPI.self, MetaOpenAPI.self, AuthOpenAPI.self, JobsOpenAPI.self, OpsOpenAPI.self, PredictionsOpenAPI.self,
            GamesOpenAPI.self,
            ModelsOpenAPI.self, ReportsOpenAPI.self, BettingOpenAPI.self, AlertsOpenAPI.self, AdminOpenAPI.self,
        ]
    }

    /// Every documented operation as (method, path).
    static var operations: [APIRoute] {
        document.paths.flatMap { path, item -> [APIRoute] in
            (item.b?.endpoints ?? []).map { APIRoute(method: $0.method.rawValue, path: path.rawValue) }
        }
    }

    static let document: OpenAPI.Document = .init(
        openAPIVersion: .v3_1_0,
        info: .init(
            title: "AI Pro Sports API",
            description:
                "Submit and read jobs and predictions; read games, odds and models; track your own bets and bankroll; watch the queues (ops); manage users, 2FA, jobs and queues and export predictions (admin). Success: {data, meta}; lists: {data, meta: {total, page, limit}}; answers built on prices and results (predictions, performance, reports, models, games, odds, bets, alerts) add meta.market: live, simulated (the sandbox's generated world: no real market) or replayed (real history replayed); errors: {error: {code, message, details}}.",
            version: "1.0.0"),
        servers: [],
        paths: union(areas.map { $0.paths }),
        components: .direct(
            schemas: union(areas.map { $0.schemas } + [schemas]),
            securitySchemes: [bearerScheme: .http(scheme: "bearer", bearerFormat: "JWT")]))

    /// The seed's page meta: `{total, page, limit}`.
    private static let pageMeta: OrderedDictionary<String, JSONSchema> = [
        "total": S.integer(minimum: 0), "page": S.integer(minimum: 1), "limit": S.integer(minimum: 1, maximum: 100),
    ]

    /// The page meta of answers built on prices: `market` besides.
    private static var pricedPageMeta: OrderedDictionary<String, JSONSchema> {
        var meta = pageMeta
        meta["market"] = S.reference("Market")
        return meta
    }

    /// The schemas every area uses.
    private static let schemas: OpenAPI.ComponentDictionary<JSONSchema> = [
        "Error": S.object(required: [
            "error": S.object(required: ["code": S.string(), "message": S.string(), "details": S.map(S.any)])
        ]),
        "PageMeta": S.object(required: pageMeta),
        "PricedPageMeta": S.object(required: pricedPageMeta),
        "Market": S.string(enumeration: MarketSource.allCases.map(\.rawValue)),
    ]

    /// The areas' entries in one dictionary; two areas never define the same key.
    private static func union<Key, Value>(_ parts: [OrderedDictionary<Key, Value>]) -> OrderedDictionary<Key, Value> {
        var all = OrderedDictionary<Key, Value>()
        for part in parts {
            all.merge(part) { _, _ in preconditionFailure("two areas of the OpenAPI document define the same path or schema") }
        }
        return all
    }
}
