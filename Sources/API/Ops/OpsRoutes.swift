import Hummingbird

/// `GET /ops`, the read-only ops page (public: it holds no data), and
/// `GET /api/v1/ops/overview`, the data it polls (admins only).
///
/// How the page authenticates: it logs in through `POST /api/v1/auth/login` (and
/// `/auth/2fa/verify`) and keeps the token pair in `sessionStorage`, sending the access
/// token as a bearer header. That keeps one way of authenticating for the whole API, so
/// admin checks, rate limits, session revocation and 2FA apply unchanged, and a credential
/// the browser never attaches by itself cannot be ridden by another site (no CSRF, which a
/// cookie session would have to defend against on every route that honoured it). The price
/// is that script on the page can read the token; the page answers with a CSP that admits
/// only its own inline script and style (by hash) and connections to its own origin, and
/// it writes data into the DOM as text only, never as markup. `sessionStorage` dies with
/// the tab, and tokens never appear in a URL.
struct OpsRoutes: Sendable {
    let reader: OpsOverviewReader

    func register(page: RouteRegistrar, api: RouteRegistrar) {
        page.get("ops") { _, _ in OpsPage() }
        api.get("ops/overview", use: overview)
    }

    @Sendable func overview(_ request: Request, context: APIRequestContext) async throws -> Response {
        var response = try context.responseEncoder.encode(
            Envelope(data: try await reader.read(), meta: EmptyMeta()), from: request, context: context)
        // Queue contents and error messages: nothing a shared cache should keep.
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
