import Foundation
import Logging
import Queue
import Store

/// Registers the model jobs with a worker's registry: `train.automl`, `train.stack`, `calibrate`, `predict`,
/// `closing.capture` and `monitor.drift`.
public enum ModelJobs {
    /// Registers the handlers; `sports` are what a job naming none covers, `now` is the platform's clock (the
    /// sandbox's world clock in development), `featureSetVersion` what training reads, `promotion` whether a
    /// calibrated model that passes is promoted at once or waits for review in shadow, `publication` and `picks`
    /// when `predict` publishes and what it publishes as a pick, and `predictionsChanged` runs after predictions
    /// are stored (the API invalidates its prediction cache there).
    public static func register(
        in registry: JobRegistry, store: Store, sports: [String], featureSetVersion: String, promotion: PromotionConfiguration,
        now: @escaping @Sendable () -> Date = { Date() }, publication: PublicationPolicy = .standard, picks: PickSelector = .standard,
        predictionsChanged: @escaping @Sendable () async throws -> Void = {}
    ) {
        let trainer = ModelTrainer(store: store)
        let calibrator = ModelCalibrator(store: store, promotion: promotion)
        let predictor = Predictor(store: store, picks: picks, publication: publication, now: now)
        let driftMonitor = DriftMonitor(store: store, now: now)
        registry.register(TrainAutoML.self) { parameters, context in
            try await train(.automl, parameters, trainer, sports, featureSetVersion, now, context)
        }
        registry.register(TrainStack.self) { parameters, context in
            try await train(.stack, parameters, trainer, sports, featureSetVersion, now, context)
        }
        registry.register(Calibrate.self) { parameters, context in
            try await eachMarket(parameters.sport, sports, parameters.betTypes, parameters.publications, context) { sport, betType, publication, effectID in
                try await calibrator.calibrate(
                    sport: sport, betType: betType, publication: publication, thresholds: parameters.thresholds ?? PromotionThresholds(),
                    effectID: effectID, logger: context.logger)
            }
        }
        registry.register(Predict.self) { parameters, context in
            var runs: [PredictionRun] = []
            for sport in parameters.sport.map({ [$0] }) ?? sports {
                runs.append(
                    try await predictor.run(
                        sport: sport, horizon: (parameters.horizonHours ?? Predict.defaultHorizonHours) * 3_600, gameIDs: parameters.gameIDs.map(Set.init),
                        logger: context.logger))
            }
            if runs.contains(where: { $0.predictions > 0 }) { try await predictionsChanged() }
            // Every run, not only one that made picks: a run redelivered after storing its picks makes none itself.
            try await store.alerts.raiseForNewPicks()
            return runs
        }
        registry.register(CaptureClosingLines.self) { parameters, context in
            var captured: [String: Int] = [:]
            let at = now()
            for sport in parameters.sport.map({ [$0] }) ?? sports {
                let games = try await store.closingLines.gamesToCapture(
                    sport: sport, from: at.addingTimeInterval(-(parameters.lookbackHours ?? 12) * 3_600), to: at)
                var lines = 0
                for game in games {
                    lines += try await store.closingLines.captureFromOdds(gameID: game.id, at: game.scheduledAt)
                }
                captured[sport] = lines
            }
            return captured
        }
        registry.register(MonitorDrift.self) { parameters, context in
            var findings: [String: [ChampionDrift]] = [:]
            for sport in parameters.sport.map({ [$0] }) ?? sports {
                findings[sport] = try await driftMonitor.run(sport: sport, days: parameters.days ?? ModelDriftSample.defaultDays, logger: context.logger)
            }
            return findings
        }
    }

    /// Makes the job types known for payload validation only.
    public static func declare(in registry: JobRegistry) {
        registry.declare(TrainAutoML.self)
        registry.declare(TrainStack.self)
        registry.declare(Calibrate.self)
        registry.declare(Predict.self)
        registry.declare(CaptureClosingLines.self)
        registry.declare(MonitorDrift.self)
    }

    private static func train(
        _ kind: ModelKind, _ parameters: some TrainingJobParameters, _ trainer: ModelTrainer, _ sports: [String],
        _ featureSetVersion: String, _ now: @Sendable () -> Date, _ context: JobContext
    ) async throws -> [TrainingOutcome] {
        let end = try parameters.asOfDate() ?? now()
        return try await eachMarket(parameters.sport, sports, parameters.betTypes, parameters.publications, context) {
            sport, betType, publication, effectID in
            try await trainer.train(
                kind, sport: sport, betType: betType, publication: publication, end: end,
                featureSetVersion: parameters.featureSetVersion ?? featureSetVersion, settings: parameters.settings ?? TrainingSettings(),
                experiment: (parameters.experiment, parameters.hypothesis), effectID: effectID, logger: context.logger)
        }
    }

    /// Runs `work` for every sport (the one named, or all of `sports`), bet type and publication, each under the effect
    /// id of the job, sport and bet type (and publication, but for game day's: as before models were per publication),
    /// and returns the outcomes marked with their publication.
    private static func eachMarket(
        _ sport: String?, _ sports: [String], _ betTypes: [BetType], _ publications: [PredictionPublication], _ context: JobContext,
        _ work: (String, BetType, PredictionPublication, String) async throws -> TrainingOutcome
    ) async throws -> [TrainingOutcome] {
        var outcomes: [TrainingOutcome] = []
        for sport in sport.map({ [$0] }) ?? sports {
            for betType in betTypes {
                for publication in publications {
                    var outcome = try await work(
                        sport, betType, publication, "\(context.id)/\(sport)/\(betType.rawValue)" + ModelMarkets.effectSuffix(publication))
                    outcome.publication = publication.rawValue
                    outcomes.append(outcome)
                }
            }
        }
        return outcomes
    }
}
