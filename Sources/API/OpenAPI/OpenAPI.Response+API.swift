import OpenAPIKit

extension Either where A == OpenAPI.Reference<OpenAPI.Response>, B == OpenAPI.Response {
    /// A success answered in JSON; `links` name the operations its values feed (the fuzz follows them).
    static func json(_ schema: JSONSchema, links: OpenAPI.Link.Map = [:]) -> Self {
        .response(description: "OK", content: [.json: .content(OpenAPI.Content(schema: schema))], links: links)
    }

    /// A text document of `type` (HTML, Prometheus' exposition format).
    static func text(_ type: OpenAPI.ContentType, description: String) -> Self {
        .response(description: description, content: [type: .content(OpenAPI.Content(schema: OpenAPISchema.string()))])
    }

    /// An HTML page.
    static var html: Self { text(.html, description: "HTML page") }

    /// The error envelope, whatever the status.
    static var error: Self {
        .response(description: "Error", content: [.json: .content(OpenAPI.Content(schema: OpenAPISchema.reference("Error")))])
    }
}
