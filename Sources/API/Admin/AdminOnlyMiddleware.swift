import Hummingbird

/// Lets only admins through (403 `FORBIDDEN` for anyone else); runs after `AuthenticationMiddleware`, so every
/// route of `/api/v1/admin` is checked in one place.
struct AdminOnlyMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try context.requireIdentity().requireAdmin()
        return try await next(request, context)
    }
}
