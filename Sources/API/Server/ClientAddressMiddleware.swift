import HTTPTypes
import Hummingbird

/// Replaces the context's address with the client behind trusted reverse proxies (see `TrustedProxies`), so
/// login throttling counts clients, not the proxy every request arrives from.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let proxies: TrustedProxies

    func handle(_ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response) async throws -> Response {
        guard !proxies.ranges.isEmpty else { return try await next(request, context) }
        var context = context
        context.remoteAddress = proxies.clientAddress(peer: context.peerAddress, forwardedFor: request.headers[values: .xForwardedFor])
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
