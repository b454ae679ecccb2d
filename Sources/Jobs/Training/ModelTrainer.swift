import Essentials
import Foundation
import Logging
import ML
import Postgres
import Store

/// Trains one of the two learners for a sport and bet type on point-in-time features and registers it as a
/// challenger, recorded as an experiment: data range, feature-set version, hyperparameters, metrics, time, resources.
public struct ModelTrainer: Sendable {
    /// Fewer labelled rows than this in any part of the split and the run is skipped, not trained on noise.
    public static let minimumRows = (fit: 60, calibration: 20, evaluation: 20)

    let store: Store

    /// A trainer over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Trains `kind` (`.automl` or `.stack`) for `publication`'s forecast and registers it; a skipped outcome when the
    /// window holds too few games.
    ///
    /// The registration is recorded under `effectID` (the job id, sport and bet type): a redelivered job finds
    /// it and neither retrains nor registers a second model.
    public func train(
        _ kind: ModelKind, sport: String, betType: BetType, publication: PredictionPublication = .gameDay, end: Date,
        featureSetVersion: String, settings: TrainingSettings,
        experiment: (name: String?, hypothesis: String?) = (nil, nil), effectID: String, logger: Logger
    ) async throws -> TrainingOutcome {
        precondition(kind != .meta, "the meta model is built by ModelCalibrator")
        if try await store.hasJobEffect(jobID: effectID) {
            return TrainingOutcome(sport: sport, betType: betType.rawValue, skipped: "registered by an earlier delivery", rows: [])
        }
        let data = try await TrainingDataLoader(store: store).load(
            sport: sport, betType: betType, publication: publication, featureSetVersion: featureSetVersion, end: end, settings: settings)
        var outcome = TrainingOutcome(
            sport: sport, betType: betType.rawValue, rows: [data.fit.count, data.calibration.count, data.evaluation.count])
        if let shortfall = Self.shortfall(data) {
            outcome.skipped = shortfall
            logger.warning("training skipped", metadata: ["sport": "\(sport)", "bet_type": "\(betType)", "reason": "\(shortfall)"])
            return outcome
        }
        let started = ContinuousClock.now
        let before = ResourceUsage.now()
        let fitted = try await ComputeQueue.run {
            try Self.fit(
                kind, data, settings: settings, prior: ModelMarkets.prior(betType),
                adjustment: ModelMarkets.lineAdjustmentLearner(names: data.names, betType: betType))
        }
        let fitData = fitted.fitData
        let model = fitted.model
        var hyperparameters = fitted.hyperparameters
        var metrics = fitted.metrics
        hyperparameters["settings"] = try JSONValue(encoding: settings)
        if let name = experiment.name { hyperparameters["experiment"] = .string(name) }
        if let hypothesis = experiment.hypothesis { hyperparameters["hypothesis"] = .string(hypothesis) }
        let seconds = started.duration(to: .now).inSeconds
        let after = ResourceUsage.now()
        let evaluation = fitted.evaluation
        metrics.merge(Self.metrics(evaluation)) { _, new in new }
        metrics["training_seconds"] = seconds
        metrics["cpu_seconds"] = after.cpuSeconds - before.cpuSeconds
        if let peak = after.peakResidentMegabytes { metrics["peak_rss_mb"] = peak }
        metrics["rows_fit"] = Double(data.fit.count)
        metrics["rows_calibration"] = Double(data.calibration.count)
        metrics["rows_evaluation"] = Double(data.evaluation.count)
        metrics["features"] = Double(data.names.count)
        let name = kind.modelName(sport: sport, betType: betType, publication: publication)
        let archive = ModelArchive(
            model: model, trainedOn: fitData,
            metadata: [
                "kind": kind.rawValue, "sport": sport, "bet_type": betType.rawValue, "publication": publication.rawValue,
                "feature_set_version": featureSetVersion,
            ],
            outOfFold: fitted.outOfFold)
        let artifact = Data(try archive.encoded())
        let registered = try await store.withJobEffect(jobID: effectID) { tx in
            try await tx.models.register(
                RegisteredModel(
                    name: name, version: try await tx.models.nextVersion(name: name), sport: sport, betType: betType,
                    publication: publication,
                    featureSetVersion: featureSetVersion, trainingStart: data.fit.first!.scheduledAt, trainingEnd: end,
                    hyperparameters: hyperparameters, metrics: metrics, artifact: artifact))
        }
        guard case .applied(let id) = registered else {
            outcome.skipped = "registered by an earlier delivery"
            return outcome
        }
        logger.info(
            "model trained",
            metadata: [
                "model": "\(name)", "model_id": "\(id)", "log_loss": "\(evaluation.logLoss)", "auc": "\(evaluation.auc)",
                "seconds": "\(seconds)",
            ])
        outcome.modelID = id
        outcome.logLoss = evaluation.logLoss
        return outcome
    }

    /// What fitting a learner produced.
    struct Fitted: Sendable {
        var fitData: Dataset
        var model: TrainedModel
        var hyperparameters: [String: JSONValue]
        var metrics: [String: Double]
        var evaluation: BinaryEvaluation
        /// Walk-forward out-of-fold predictions over the fit rows, by game: calibration pools them with the evaluation window.
        var outOfFold: OutOfFoldPredictions
    }

    /// Fits `kind` on the fit rows, every learner on top of `prior` and anchored to it, and scores it on the
    /// evaluation rows (CPU-bound: run it on `ComputeQueue`). An `adjustment` learner (see
    /// ``ModelMarkets/lineAdjustmentLearner(names:betType:)``) leads the AutoML search and joins every stack layer.
    static func fit(
        _ kind: ModelKind, _ data: TrainingData, settings: TrainingSettings, prior: MarketPrior?, adjustment: LearnerSpecification? = nil
    ) throws -> Fitted {
        let fitData = data.dataset(data.fit)
        // The learners fit the targets (the close where the settings say so); the out-of-fold loss is on the results.
        let fitTargets = data.targets(data.fit)
        let fitLabels = data.labels(data.fit)
        let model: TrainedModel
        let outOfFold: [Double]
        var hyperparameters: [String: JSONValue] = [:]
        var metrics: [String: Double] = [:]
        if let prior { hyperparameters["prior"] = .array(prior.probabilityColumns.map(JSONValue.string)) }
        switch kind {
        case .automl:
            let folds = DataSplits.walkForward(times: data.times(data.fit), folds: settings.folds)
            var configuration = settings.autoML
            configuration.prior = prior
            configuration.leadingLearners = adjustment.map { [$0] } ?? []
            let result = try AutoML(configuration: configuration).fit(fitData, labels: fitTargets, folds: folds)
            model = result.leader
            outOfFold = result.leaderOutOfFold
            hyperparameters["leader"] = .string(result.leaderboard.first?.name ?? "")
            hyperparameters["leaderboard"] = .array(
                result.leaderboard.prefix(20).map { entry in
                    .object([
                        "name": .string(entry.name), "auc": .number(entry.auc), "log_loss": .number(entry.logLoss),
                        "brier": .number(entry.brier), "fit_seconds": .number(entry.fitSeconds), "rows": .number(Double(entry.rows)),
                        "anchored_auc": entry.anchoredAUC.map(JSONValue.number) ?? .null,
                        "anchored_log_loss": entry.anchoredLogLoss.map(JSONValue.number) ?? .null,
                        "prior_log_loss": entry.priorLogLoss.map(JSONValue.number) ?? .null,
                    ])
                })
            metrics["models_trained"] = Double(result.leaderboard.count)
            if let leader = result.leaderboard.first {
                metrics["cv_auc"] = leader.anchoredAUC ?? leader.auc
                metrics["cv_log_loss"] = leader.anchoredLogLoss ?? leader.logLoss
                metrics["cv_rows"] = Double(leader.rows)
            }
        case .stack:
            var configuration = settings.stack
            configuration.prior = prior
            if let adjustment { configuration.learners.append(adjustment) }
            let result = try MultiLayerStack(configuration: configuration).fit(fitData, labels: fitTargets, times: data.times(data.fit))
            model = .multiLayerStack(result.model)
            outOfFold = result.outOfFold
            hyperparameters["layers"] = .number(Double(settings.stack.layers))
            hyperparameters["folds"] = .number(Double(settings.stack.folds))
            // Walk-forward: the first blocks have no out-of-fold prediction.
            let scored = fitLabels.indices.filter { !result.outOfFold[$0].isNaN }
            metrics["oof_log_loss"] = BinaryMetrics.logLoss(labels: scored.map { fitLabels[$0] }, probabilities: scored.map { result.outOfFold[$0] })
            metrics["oof_rows"] = Double(scored.count)
        case .meta:
            preconditionFailure("the meta model is built by ModelCalibrator")
        }
        // The learner alone, on rows it never saw: the newest part of the window.
        let evaluation = BinaryEvaluation(labels: data.labels(data.evaluation), probabilities: model.predict(data.dataset(data.evaluation)))
        return Fitted(
            fitData: fitData, model: model, hyperparameters: hyperparameters, metrics: metrics, evaluation: evaluation,
            outOfFold: OutOfFoldPredictions(ids: data.fit.map(\.gameID), probabilities: outOfFold))
    }

    /// Why `data` is too small to train on, or `nil`.
    static func shortfall(_ data: TrainingData) -> String? {
        if data.names.isEmpty { return "no feature sets in the training window" }
        if data.fit.count < minimumRows.fit || data.calibration.count < minimumRows.calibration
            || data.evaluation.count < minimumRows.evaluation
        {
            return "too few labelled games (fit \(data.fit.count), calibration \(data.calibration.count), evaluation \(data.evaluation.count))"
        }
        if Set(data.labels(data.fit)).count < 2 { return "the training labels are all the same" }
        return nil
    }

    /// The registry's metric names for an evaluation.
    static func metrics(_ evaluation: BinaryEvaluation) -> [String: Double] {
        [
            "accuracy": evaluation.accuracy, "auc": evaluation.auc, "log_loss": evaluation.logLoss, "brier": evaluation.brier,
            "ece": evaluation.expectedCalibrationError,
        ]
    }
}
