import Essentials
import Hummingbird

/// Answers 413 at once when `Content-Length` announces a body over the limit, before any of
/// it is read; chunked bodies are capped where they are read (`decodeJSON`).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let maxBodySize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodySize {
            throw APIError(
                .contentTooLarge, code: "PAYLOAD_TOO_LARGE", "the request body is \(length) bytes; the limit is \(maxBodySize)",
                details: ["limit_bytes": .integer(Int64(maxBodySize))])
        }
        return try await next(request, context)
    }
}
