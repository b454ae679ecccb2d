import Hummingbird
import Prometheus

/// `GET /metrics`: every metric of the process in Prometheus text format.
struct MetricsRoutes: Sendable {
    let registry: PrometheusCollectorRegistry

    func register(on router: RouteRegistrar) {
        router.get("metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
