import OpenAPIKit

/// One area of the API as the OpenAPI document describes it: one tag, its paths, and the component schemas
/// they bring.
///
/// The document is the union of its areas; a path or schema name belongs to one area only.
protocol OpenAPIArea {
    /// The tag of every operation of the area.
    static var tag: String { get }
    /// The area's operations, by full path template (`/api/v1/jobs/{id}`).
    static var paths: OpenAPI.PathItem.Map { get }
    /// The component schemas first used by this area, by name.
    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> { get }
}

extension OpenAPIArea {
    /// The schema builders, short: the areas are mostly schemas.
    typealias S = OpenAPISchema

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> { [:] }

    /// An operation the way this API writes them: the area's tag, the bearer token unless `secured` is false, a
    /// required JSON body when there is one (with `example`, a body the operation accepts: the fuzz sends it
    /// first), and the error envelope for each status in `errors`.
    static func operation(
        _ summary: String, id: String? = nil, secured: Bool = true, parameters: [OpenAPI.Parameter] = [], body: JSONSchema? = nil,
        example: AnyCodable? = nil, responses: OpenAPI.Response.Map, errors: [OpenAPI.Response.StatusCode] = []
    ) -> OpenAPI.Operation {
        var all = responses
        for status in errors { all[status] = .error }
        return .init(
            tags: [tag], summary: summary, operationId: id, parameters: parameters.map { .b($0) },
            requestBody: body.map { OpenAPI.Request(content: [.json: .content(OpenAPI.Content(schema: $0, example: example))], required: true) },
            responses: all,
            // No document-wide requirement: the health, metrics, login and page routes are public.
            security: secured ? [[.component(named: OpenAPIDocument.bearerScheme.rawValue): []]] : nil)
    }

    /// A path answering GET only.
    static func get(_ operation: OpenAPI.Operation) -> Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem> {
        .pathItem(.init(get: operation))
    }

    /// A GET of the one `schema` its `id` path parameter names, in the `{data, meta}` envelope (`priced`: one built on
    /// prices and results, whose `meta` has `market`).
    static func getOne(
        _ summary: String, id: JSONSchema = S.rowID, schema: String, priced: Bool = false,
        errors: [OpenAPI.Response.StatusCode] = [400, 401, 404, 429]
    ) -> Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem> {
        let data = S.reference(schema)
        return get(
            operation(
                summary, parameters: [.path(name: "id", schema: id)], responses: [200: .json(priced ? S.priced(data) : S.envelope(data))],
                errors: errors))
    }

    /// A path answering POST only.
    static func post(_ operation: OpenAPI.Operation) -> Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem> {
        .pathItem(.init(post: operation))
    }
}
