import Hummingbird
import Synchronization

/// Adds routes to a router or group and records each one, so the served routes can be
/// listed (and checked against the OpenAPI document) exactly as they were registered.
struct RouteRegistrar {
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

    func delete(_ path: String, use handler: @Sendable @escaping (Request, APIRequestContext) async throws -> some ResponseGenerator) {
        target.delete(RouterPath(path), use: handler)
        log.record(APIRoute(method: "DELETE", path: prefix + "/" + path))
    }
}

/// The routes registered so far.
final class RouteLog: Sendable {
    private let routes = Mutex<[APIRoute]>([])

    func record(_ route: APIRoute) {
        routes.withLock { $0.append(route) }
    }

    var all: [APIRoute] { routes.withLock { $0 } }

    /// The methods served on `path` (templates match any single segment for `{parameter}`).
    func methods(servedAt path: Substring) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.withLock { routes in
            routes.filter { route in
                let template = route.path.split(separator: "/", omittingEmptySubsequences: true)
                return template.count == segments.count
                    && zip(template, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }.map(\.method)
        }
    }
}
