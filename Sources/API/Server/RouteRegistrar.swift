import Hummingbird
import Synchronization

/// Adds routes to a router or group and records each one, so the served routes can be
/// listed (and checked against the OpenAPI document) exactly as they were registered.
struct RouteRegistrar: Sendable {
    let target: any RouterMethods<APIRequestContext>
    let prefix: String
    let log: RouteLog

    func get(_ path: String, use handler: @Sendable @escaping (Request, APIRequestContext) async throws -> some ResponseGenerator) {
        target.get(RouterPath(path), use: handler)
        log.record(APIRoute(method: "GET", path: prefix + "/" + path))
    }

    func post(_ path: String, use handler: @Sendable @escaping (Request, APIRequestContext) async throws -> some ResponseGenerator) {
        target.post(RouterPath(path), use: handler)
        log.record(APIRoute(method: "POST", path: prefix + "/" + path))
    }
}

/// The routes registered so far.
final class RouteLog: Sendable {
    private let routes = Mutex<[APIRoute]>([])

    func record(_ route: APIRoute) {
        routes.withLock { $0.append(route) }
    }

    var all: [APIRoute] { routes.withLock { $0 } }
}
