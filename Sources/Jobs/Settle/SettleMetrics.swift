import Metrics
import Store

/// The settle job's metrics, through swift-metrics (Prometheus in `aips`); the seed's prediction KPIs (2.6, 5.2):
///
/// - `aips_predictions_settled_total{sport,result}`: predictions settled, by `win`, `loss`, `push` or `void`
/// - `aips_tracked_bets_settled_total{result}`: users' tracked bets graded, by `win`, `loss`, `push` or `void`
/// Accuracy, CLV, ROI, sharp agreement and the decided count are over **picks** (one side per game and market at
/// most); log loss, Brier and ECE over every forecast.
///
/// - `aips_prediction_accuracy{sport,bet_type,tier}`: wins / (wins + losses) over the trailing 30 days
/// - `aips_prediction_clv_mean{sport,bet_type,tier}`: mean closing line value over the trailing 30 days
/// - `aips_prediction_fair_clv_mean{sport,bet_type,tier}`: the same against the fair close (the closing line less
///   its margin, which the closing price counts as value)
/// - `aips_prediction_roi{sport,bet_type,tier}`: profit / staked over the trailing 30 days
/// - `aips_prediction_decided{sport,bet_type,tier}`: wins + losses over the trailing 30 days, the sample
///   size an accuracy alert should require
/// - `aips_prediction_sharp_agreement{sport,bet_type,tier}`: share of picks agreeing with the sharpest book
/// - `aips_forecast_log_loss`, `aips_forecast_brier`, `aips_forecast_ece` `{sport,bet_type,tier="all"}`: the
///   forecasts' quality over the trailing 30 days
///
/// `bet_type` and `tier` are `all` on the rows that cover every bet type or tier. The gauges are set
/// after each run by the worker that ran it, so scrape them with `max` across workers, not `sum`.
enum SettleMetrics {
    static func settled(sport: String, _ run: SettlementRun) {
        for (result, count) in [("win", run.wins), ("loss", run.losses), ("push", run.pushes), ("void", run.voids)] where count > 0 {
            Counter(label: "aips_predictions_settled_total", dimensions: [("sport", sport), ("result", result)]).increment(by: count)
        }
    }

    static func settledBets(_ run: TrackedBetSettler.Run) {
        for (result, count) in [("win", run.wins), ("loss", run.losses), ("push", run.pushes), ("void", run.voids)] where count > 0 {
            Counter(label: "aips_tracked_bets_settled_total", dimensions: [("result", result)]).increment(by: count)
        }
    }

    static func trailing(_ rows: [PredictionPerformance]) {
        for row in rows {
            guard let sport = row.sport else { continue }
            let dimensions = [("sport", sport), ("bet_type", row.betType?.rawValue ?? "all"), ("tier", row.tier?.rawValue ?? "all")]
            Gauge(label: "aips_prediction_decided", dimensions: dimensions).record(Double(row.wins + row.losses))
            if let accuracy = row.accuracy { Gauge(label: "aips_prediction_accuracy", dimensions: dimensions).record(accuracy) }
            if let clv = row.meanCLV { Gauge(label: "aips_prediction_clv_mean", dimensions: dimensions).record(clv) }
            if let fair = row.meanFairCLV { Gauge(label: "aips_prediction_fair_clv_mean", dimensions: dimensions).record(fair) }
            if let roi = row.roi { Gauge(label: "aips_prediction_roi", dimensions: dimensions).record(roi) }
            if let agreement = row.sharpAgreement {
                Gauge(label: "aips_prediction_sharp_agreement", dimensions: dimensions).record(agreement)
            }
            if let logLoss = row.logLoss { Gauge(label: "aips_forecast_log_loss", dimensions: dimensions).record(logLoss) }
            if let brier = row.brier { Gauge(label: "aips_forecast_brier", dimensions: dimensions).record(brier) }
            if let ece = row.ece { Gauge(label: "aips_forecast_ece", dimensions: dimensions).record(ece) }
            if let chance = row.eceIfCalibrated {
                Gauge(label: "aips_forecast_ece_if_calibrated", dimensions: dimensions).record(chance)
            }
        }
    }
}
