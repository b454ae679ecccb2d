import Foundation
import Metrics

/// What model serving means here, through swift-metrics: a `predict` run per sport, with a champion per bet type.
///
/// - `aips_prediction_champions{sport}`: champions the sport's last prediction run predicted with (0: nothing serves)
/// - `aips_prediction_last_run_timestamp_seconds{sport}`: when a prediction run last finished without error
/// - `aips_predictions_stored_total{sport}`: forecasts stored (picks and the rest)
/// - `aips_prediction_inference_seconds{sport,bet_type}`: one game's scoring by a champion
enum PredictionMetrics {
    static func inference(sport: String, betType: String, microseconds: [Double]) {
        let timer = Metrics.Timer(label: "aips_prediction_inference_seconds", dimensions: [("sport", sport), ("bet_type", betType)])
        for value in microseconds { timer.recordNanoseconds(Int64(value * 1_000)) }
    }

    static func finished(_ run: PredictionRun, champions: Int, at date: Date = Date()) {
        let dimensions = [("sport", run.sport)]
        Gauge(label: "aips_prediction_champions", dimensions: dimensions).record(champions)
        Gauge(label: "aips_prediction_last_run_timestamp_seconds", dimensions: dimensions).record(date.timeIntervalSince1970)
        Counter(label: "aips_predictions_stored_total", dimensions: dimensions).increment(by: run.predictions)
    }
}
