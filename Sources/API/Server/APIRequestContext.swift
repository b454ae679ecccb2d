import Foundation
import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage, the caller's address and, once
/// `AuthenticationMiddleware` has run, who is calling.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer's IP address (no port): the client, or the reverse proxy in front of the API.
    public let peerAddress: String
    /// The client's IP address (no port), for limits on unauthenticated endpoints: the peer's, or behind trusted
    /// proxies the one they forwarded (`ClientAddressMiddleware`).
    public var remoteAddress: String
    /// The authenticated caller, set by `AuthenticationMiddleware`.
    public var identity: Identity?
    /// The request's span, set by `RequestTracingMiddleware`: jobs submitted by the request carry it.
    var trace: TraceContext?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        remoteAddress = peerAddress
    }

    /// Responses use snake_case keys, ISO 8601 dates and sorted keys (the same data gives the same bytes).
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Request bodies use snake_case keys and ISO 8601 dates.
    public var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The caller, or 401 when the route was reached without authentication.
    func requireIdentity() throws -> Identity {
        guard let identity else { throw APIError.unauthorized("authentication is required", reason: "missing_token") }
        return identity
    }

    /// The caller's user id, for what a user owns (bets, alerts); 401 when the route was reached without
    /// authentication or the token names no user.
    func requireUserID() throws -> UUID {
        // Tokens are only issued for users' uuids; anything else owns nothing.
        guard let id = UUID(uuidString: try requireIdentity().userID) else {
            throw APIError.unauthorized("the bearer token was refused", reason: TokenError.malformed.rawValue)
        }
        return id
    }
}
