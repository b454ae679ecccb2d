import Foundation
import Logging
import Store

/// The seed's rollback triggers (ML guide 2.7), checked after each prediction run: a champion whose settled
/// accuracy has dropped more than 5 points below its evaluation baseline, whose predictions fail more than
/// 1 % of the time, or whose prediction latency has more than doubled (and by more than half a millisecond), is
/// retired and the previous champion reinstated; both are logged in `model_events`.
///
/// Latency is each prediction's thread CPU time, so a training job sharing the worker's cores does not read
/// as a slower model. A champion's baseline is the median of its first run with enough predictions, kept in
/// its metrics as `latency_baseline_us`.
public struct ModelMonitor: Sendable {
    /// Settled picks needed before accuracy can trigger a rollback (fewer is noise).
    public var minimumSettled = 50
    /// The accuracy drop from the baseline that triggers a rollback.
    public var accuracyDrop = 0.05
    /// The failure rate that triggers a rollback, over at least `minimumAttempts` attempts in one run.
    public var errorRate = 0.01
    public var minimumAttempts = 20
    /// The factor over the latency baseline that triggers a rollback.
    public var latencyIncrease = 2.0
    /// How much slower per prediction, in microseconds, a champion must also be before its latency triggers a
    /// rollback. At tens of microseconds a median of a few CPU-time samples doubles with cache and clock-speed
    /// effects alone: a first `aips dev` run rolled back an NHL champion for 44.9 µs against 17.4 µs, leaving the
    /// market without a model. The trigger is for slowdowns a user would feel.
    public var latencyFloorMicroseconds = 500.0
    /// Timed predictions a run needs before its median latency counts (as a baseline or against it).
    public var minimumLatencySamples = 5

    /// The metric holding a champion's latency baseline, microseconds per prediction.
    public static let latencyBaselineKey = "latency_baseline_us"

    let store: Store

    /// Rolls `champion` back if a trigger fires; returns its id when it did.
    public func check(champion: ModelSummary, health: ChampionRunHealth, logger: Logger) async throws -> Int? {
        let id = champion.id
        var reason: String?
        var details: [String: Double] = [:]
        let (attempts, failures) = (health.attempts, health.failures)
        let latency = health.latencyMicroseconds.count >= minimumLatencySamples ? health.medianLatency : nil
        if attempts >= minimumAttempts, Double(failures) / Double(attempts) > errorRate {
            reason = "error rate \(failures)/\(attempts) predictions is above \(errorRate * 100)%"
            details = ["attempts": Double(attempts), "failures": Double(failures)]
        } else if let latency, let baseline = champion.metrics[Self.latencyBaselineKey], latency > latencyIncrease * baseline,
            latency - baseline > latencyFloorMicroseconds
        {
            reason = String(format: "median prediction latency %.1f µs is more than %.0f× the baseline %.1f µs", latency, latencyIncrease, baseline)
            details = ["latency_us": latency, "baseline_us": baseline, "predictions": Double(health.latencyMicroseconds.count)]
        } else if let baseline = champion.metrics["accuracy"] {
            let settled = try await store.predictions.pickAccuracy(modelID: id, since: champion.promotedAt ?? .distantPast)
            if settled.count >= minimumSettled, settled.accuracy < baseline - accuracyDrop {
                reason = String(format: "settled accuracy %.3f over %d picks is more than %.0f points below the baseline %.3f",
                                settled.accuracy, settled.count, accuracyDrop * 100, baseline)
                details = ["accuracy": settled.accuracy, "settled": Double(settled.count), "baseline": baseline]
            }
        }
        guard let reason else {
            if let latency, champion.metrics[Self.latencyBaselineKey] == nil {
                try await store.models.recordMetric(id: id, name: Self.latencyBaselineKey, value: latency)
            }
            return nil
        }
        guard case .rolledBack(let reinstated) = try await store.models.rollBack(id: id, reason: reason, details: details) else {
            return nil  // retired or replaced meanwhile: nothing left to roll back
        }
        logger.error(
            "champion rolled back",
            metadata: ["model_id": "\(id)", "reason": "\(reason)", "reinstated": "\(reinstated.map(String.init) ?? "none")"])
        return id
    }
}
