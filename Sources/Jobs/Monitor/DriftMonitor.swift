import Foundation
import Logging
import Metrics
import ML
import Store

/// The drift half of the ML guide's "monitor model accuracy and drift" (the accuracy half is `ModelMonitor`): for each
/// champion of a sport, how far every feature moved from its training games to the games after them
/// (`ModelDriftSample`, `FeatureDrift`), the same comparison `GET /models/{id}/drift` shows.
///
/// When both windows hold enough games and a feature moved significantly beyond chance, the champion gets a
/// `drift_detected` model event naming the features, unless its last one named the same features: a daily run over a
/// lasting shift logs it once. A feature no training game had (`PopulationStability.Level.unseen`) is listed apart and
/// logs nothing: the model never learnt from it. Nothing is retrained or rolled back; drift is a reason to look, and
/// the accuracy monitor acts on what it costs.
///
/// Through swift-metrics, per `sport`, `bet_type` and `publication` (the champion's market, so a new champion replaces
/// the series rather than leaving a stale one):
/// - `aips_model_drift_significant_features`: features that moved significantly (0 without enough games)
/// - `aips_model_drift_max_psi`: the largest index among them, 0 when none
/// - `aips_model_drift_current_games`: games in the current window
public struct DriftMonitor: Sendable {
    /// Features an event names, largest first.
    public static let featuresLogged = 10

    let store: Store
    let now: @Sendable () -> Date

    /// Checks every champion of `sport`, its current games reaching `days` days back.
    public func run(sport: String, days: Int, logger: Logger) async throws -> [ChampionDrift] {
        let champions = try await store.models.summaries(sport: sport, status: .champion, limit: 1_000, offset: 0).models
        let at = now()
        // A sport's markets are usually trained on the same window and feature sets: each sample is read once.
        var samples: [SampleKey: ModelDriftSample] = [:]
        var findings: [ChampionDrift] = []
        for champion in champions.sorted(by: { ($0.betType.rawValue, $0.publication.rawValue) < ($1.betType.rawValue, $1.publication.rawValue) }) {
            let key = SampleKey(champion)
            let sample: ModelDriftSample
            if let read = samples[key] {
                sample = read
            } else {
                sample = try await store.gameFeatures.driftSample(for: champion, days: days, now: at)
                samples[key] = sample
            }
            findings.append(try await check(champion, sample: sample, logger: logger))
        }
        return findings
    }

    /// What a drift sample depends on besides the sport, the days and the clock.
    private struct SampleKey: Hashable {
        var featureSetVersion: String
        var publication: PredictionPublication
        var trainingStart: Date
        var trainingEnd: Date

        init(_ model: ModelSummary) {
            featureSetVersion = model.featureSetVersion
            publication = model.publication
            trainingStart = model.trainingStart
            trainingEnd = model.trainingEnd
        }
    }

    private func check(_ champion: ModelSummary, sample: ModelDriftSample, logger: Logger) async throws -> ChampionDrift {
        let drift = FeatureDrift(reference: sample.reference.sets.map(\.features), current: sample.current.sets.map(\.features))
        let significant = drift.enoughRows ? drift.significant : []
        var finding = ChampionDrift(
            modelID: champion.id, betType: champion.betType, publication: champion.publication, referenceGames: sample.reference.sets.count,
            currentGames: sample.current.sets.count, significant: significant.map(\.name), unseen: drift.unseen.map(\.name),
            maxPSI: significant.first?.stability.index ?? 0, logged: false)
        record(finding, sport: champion.sport)
        guard !significant.isEmpty else { return finding }
        let named = Array(significant.prefix(Self.featuresLogged))
        var details = Dictionary(uniqueKeysWithValues: named.map { ("psi.\($0.name)", $0.stability.index) })
        let previous = try await store.modelReports.events(modelID: champion.id).first { $0.kind == .driftDetected }
        guard previous.map({ Set($0.details.keys.filter { $0.hasPrefix("psi.") }) != Set(details.keys) }) ?? true else { return finding }
        details["significant"] = Double(significant.count)
        details["reference_games"] = Double(finding.referenceGames)
        details["current_games"] = Double(finding.currentGames)
        let list = named.map { "\($0.name) \(String(format: "%.2f", $0.stability.index))" }.joined(separator: ", ")
        let reason = "\(significant.count) features moved significantly since training over \(finding.currentGames) games: \(list)"
        try await store.modelReports.log(ModelEvent(modelID: champion.id, kind: .driftDetected, reason: reason, details: details))
        logger.warning(
            "champion's features drifted", metadata: ["model_id": "\(champion.id)", "significant": "\(significant.count)", "features": "\(list)"])
        finding.logged = true
        return finding
    }

    private func record(_ finding: ChampionDrift, sport: String) {
        let dimensions = [("sport", sport), ("bet_type", finding.betType.rawValue), ("publication", finding.publication.rawValue)]
        Gauge(label: "aips_model_drift_significant_features", dimensions: dimensions).record(finding.significant.count)
        Gauge(label: "aips_model_drift_max_psi", dimensions: dimensions).record(finding.maxPSI)
        Gauge(label: "aips_model_drift_current_games", dimensions: dimensions).record(finding.currentGames)
    }
}
