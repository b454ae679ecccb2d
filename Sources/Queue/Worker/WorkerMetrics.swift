import Foundation
import Metrics

/// The worker's metrics, through swift-metrics (Prometheus in `aips`):
///
/// - `aips_jobs_total{queue,type,outcome}`: finished attempts by outcome
///   (`succeeded`, `retrying`, `dead`, `cancelled`, `lease_lost`, `released`)
/// - `aips_job_duration_seconds{queue,type}`: run time of an attempt
/// - `aips_job_pickup_seconds{queue}`: from ready to started
/// - `aips_lease_expirations_total{queue}`: leases the reaper returned
/// - `aips_queue_depth{queue,state}`: jobs per state, sampled by workers
/// - `aips_worker_busy{worker}`: jobs running in this process
final class WorkerMetrics: Sendable {
    private let counters = MetricHandleCache<Counter>()
    private let timers = MetricHandleCache<Metrics.Timer>()
    private let gauges = MetricHandleCache<Gauge>()

    func finished(queue: String, type: String, outcome: String, duration: Duration) {
        counter("aips_jobs_total", [("queue", queue), ("type", type), ("outcome", outcome)]).increment()
        timer("aips_job_duration_seconds", [("queue", queue), ("type", type)]).recordNanoseconds(duration.nanoseconds)
    }

    func pickedUp(queue: String, waited: TimeInterval) {
        timer("aips_job_pickup_seconds", [("queue", queue)]).recordNanoseconds(Int64(max(0, waited) * 1e9))
    }

    func leasesExpired(queue: String, count: Int) {
        counter("aips_lease_expirations_total", [("queue", queue)]).increment(by: count)
    }

    func depth(_ stats: QueueStats) {
        for (state, count) in stats.counts {
            gauge("aips_queue_depth", [("queue", stats.queue), ("state", state.rawValue)]).record(count)
        }
    }

    func busy(worker: String, count: Int) {
        gauge("aips_worker_busy", [("worker", worker)]).record(count)
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        counters.handle(label, dimensions) { Counter(label: $0, dimensions: $1) }
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> Metrics.Timer {
        timers.handle(label, dimensions) { Metrics.Timer(label: $0, dimensions: $1, preferredDisplayUnit: .seconds) }
    }

    private func gauge(_ label: String, _ dimensions: [(String, String)]) -> Gauge {
        gauges.handle(label, dimensions) { Gauge(label: $0, dimensions: $1) }
    }
}

extension Duration {
    /// Whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
