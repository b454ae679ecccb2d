import Essentials
import Hummingbird

/// The OpenAPI document, encoded once per process.
struct OpenAPIResponse: ResponseGenerator {
    private static let body: [UInt8] = Array(OpenAPIDocument.document.text.utf8)

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Self.body)))
    }
}
