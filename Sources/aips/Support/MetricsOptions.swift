import API
import ArgumentParser
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// `--metrics-port`: serve this process's metrics for Prometheus.
struct MetricsOptions: ParsableArguments {
    @Option(name: .customLong("metrics-port"), help: "Serve /metrics (Prometheus) and /health/live on this port; none by default.")
    var port: Int?

    @Option(name: .customLong("metrics-host"), help: "Address the metrics listener binds.")
    var host: String = "0.0.0.0"

    func validate() throws {
        if let port, !(1...65_535).contains(port) { throw ValidationError("--metrics-port must be 1 to 65535") }
    }

    /// Bootstraps swift-metrics with Prometheus and returns the listener service, when a port is given.
    func service(logger: Logger) -> ServiceGroupConfiguration.ServiceConfiguration? {
        guard let port else { return nil }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return .init(service: MetricsEndpoint.makeApplication(host: host, port: port, registry: registry, logger: logger))
    }
}
