import Metrics
import Store

/// The data-quality rules' results, through swift-metrics (Prometheus in `aips`), for the Data Quality
/// dashboard and the completeness alert:
///
/// - `aips_data_quality_observed{check,sport}`: the value each rule last observed (`odds_completeness` and
///   `feature_completeness` a share 0–1, `odds_freshness` an age in seconds, `score_consistency` a share)
/// - `aips_data_quality_failing{check,sport}`: 1 while the rule's last run failed, else 0
enum QualityMetrics {
    static func record(_ checks: [DataQualityCheck]) {
        for check in checks {
            let dimensions = [("check", check.checkName), ("sport", check.sport ?? "all")]
            if let observed = check.observedValue { Gauge(label: "aips_data_quality_observed", dimensions: dimensions).record(observed) }
            Gauge(label: "aips_data_quality_failing", dimensions: dimensions).record(check.status == .fail ? 1 : 0)
        }
    }
}
