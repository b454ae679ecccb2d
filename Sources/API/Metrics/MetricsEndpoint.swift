import Hummingbird
import Logging
import Prometheus

/// A small HTTP listener for processes without the API (workers, schedulers): `GET /metrics`
/// in Prometheus text format and `GET /health/live`.
public enum MetricsEndpoint {
    /// An application serving `registry` on `host:port`, run as a service.
    public static func makeApplication(
        host: String, port: Int, registry: PrometheusCollectorRegistry, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("metrics") { _, _ in MetricsRoutes.exposition(of: registry) }
        router.get("health/live") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
    }
}
