import OpenAPIKit

/// The document's own route.
enum MetaOpenAPI: OpenAPIArea {
    static let tag = "meta"

    static var paths: OpenAPI.PathItem.Map {
        ["/api/v1/openapi.json": get(operation("This document.", secured: false, responses: [200: .json(OpenAPISchema.any)]))]
    }
}
