import Hummingbird
import Prometheus

/// `GET /metrics`: every metric of the process in Prometheus text format.
struct MetricsRoutes: Sendable {
    let registry: PrometheusCollectorRegistry

    func register(on router: RouteRegistrar) {
        router.get("metrics") { _, _ in Self.exposition(of: registry) }
    }

    /// Every metric of `registry` in Prometheus text format (exposition format 0.0.4).
    static func exposition(of registry: PrometheusCollectorRegistry) -> Response {
        .ok(ByteBuffer(bytes: registry.emitToBuffer()), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}
