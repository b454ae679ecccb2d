import Foundation
import Metrics

/// The collectors' metrics, through swift-metrics (Prometheus in `aips`):
///
/// - `aips_collector_last_success_timestamp_seconds{collector}`: when each collector last finished
///   without error — freshness alerts compare it with `time()`
/// - `aips_odds_api_requests_remaining` / `aips_odds_api_requests_used`: The Odds API quota headers
enum CollectorMetrics {
    static func succeeded(_ jobType: String, at date: Date = Date()) {
        Gauge(label: "aips_collector_last_success_timestamp_seconds", dimensions: [("collector", jobType)])
            .record(date.timeIntervalSince1970)
    }

    static func oddsQuota(_ quota: OddsAPIQuota) {
        Gauge(label: "aips_odds_api_requests_remaining").record(Double(quota.remaining))
        Gauge(label: "aips_odds_api_requests_used").record(Double(quota.used))
    }
}
