import Hummingbird

/// Requires a valid access token on every route behind it, then admits the request against
/// the caller's session and per-user rate limit (429 with `Retry-After` past the limit).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let signer: JWTSigner
    let sessions: SessionStore
    let limit: RateLimit
    /// Counts the caller as active today.
    let engagement: EngagementRecorder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("an Authorization: Bearer token is required", reason: "missing_token")
        }
        guard header.utf8.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw APIError.unauthorized("the Authorization header must be a Bearer token", reason: "malformed")
        }
        let claims = try signer.verify(String(header.dropFirst(7)), scope: .access)
        guard SessionStore.isSafeUserID(claims.sub), let sessionID = claims.sid, let role = Role(rawValue: claims.role) else {
            throw APIError.unauthorized("the bearer token was refused", reason: TokenError.malformed.rawValue)
        }
        let identity = Identity(userID: claims.sub, role: role, sessionID: sessionID)
        switch try await sessions.admit(identity, limit: limit) {
        case .allowed:
            break
        case .sessionEnded:
            throw APIError.unauthorized("the session has ended; log in again", reason: TokenError.sessionEnded.rawValue)
        case .limited(let wait):
            throw APIError.tooManyRequests(
                code: "RATE_LIMITED", "too many requests; at most \(limit.requests) per \(limit.window)",
                retryAfterSeconds: wait.retryAfterSeconds)
        }
        engagement.recordActive(userID: identity.userID)
        var context = context
        context.identity = identity
        return try await next(request, context)
    }
}
