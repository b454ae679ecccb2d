import Essentials
import Foundation
import Logging
import ML
import Postgres
import Store

/// Builds the calibrated meta-ensemble of a sport and bet type from the newest AutoML and Stack models, reports on
/// it, registers it and decides its promotion (ML guide 2.5 steps 5–9, 2.7): a model that passes every threshold
/// and beats the champion is promoted at once or becomes a promotion request in shadow, as `promotion` says.
public struct ModelCalibrator: Sendable {
    let store: Store
    let promotion: PromotionConfiguration
    let stakes: StakePolicy
    let tiers: TierPolicy

    /// A calibrator over `store` promoting as `promotion` says; the backtest stakes and tiers bets as `predict` does.
    public init(store: Store, promotion: PromotionConfiguration, stakes: StakePolicy = .standard, tiers: TierPolicy = .standard) {
        self.store = store
        self.promotion = promotion
        self.stakes = stakes
        self.tiers = tiers
    }

    /// Calibrates, reports, registers and maybe promotes the meta model of `publication`'s forecast, from that
    /// publication's learners; a skipped outcome when they are missing.
    ///
    /// The model, its report and the decision are written under `effectID`: a redelivered job writes nothing twice.
    public func calibrate(
        sport: String, betType: BetType, publication: PredictionPublication = .gameDay, thresholds: PromotionThresholds, effectID: String,
        logger: Logger
    ) async throws -> TrainingOutcome {
        var outcome = TrainingOutcome(sport: sport, betType: betType.rawValue, rows: [])
        if try await store.hasJobEffect(jobID: effectID) {
            outcome.skipped = "calibrated by an earlier delivery"
            return outcome
        }
        guard let automlRecord = try await store.models.latest(name: ModelKind.automl.modelName(sport: sport, betType: betType, publication: publication)),
            let stackRecord = try await store.models.latest(name: ModelKind.stack.modelName(sport: sport, betType: betType, publication: publication))
        else {
            outcome.skipped = "no AutoML and Stack models to blend yet"
            return outcome
        }
        let automl = try ModelArchive.decode(Array(automlRecord.artifact))
        let stack = try ModelArchive.decode(Array(stackRecord.artifact))
        // Both learners must have fit the same rows, or the calibration rows could be ones a learner saw.
        guard automl.featureNames == stack.featureNames, automlRecord.trainingEnd == stackRecord.trainingEnd,
            automlRecord.featureSetVersion == stackRecord.featureSetVersion,
            automlRecord.hyperparameters["settings"] == stackRecord.hyperparameters["settings"]
        else {
            outcome.skipped = "AutoML #\(automlRecord.id!) and Stack #\(stackRecord.id!) were trained on different windows or features"
            return outcome
        }
        let settings = try automlRecord.hyperparameters["settings"].map(Self.decodeSettings) ?? TrainingSettings()
        let data = try await TrainingDataLoader(store: store).load(
            sport: sport, betType: betType, publication: publication, featureSetVersion: automlRecord.featureSetVersion,
            end: automlRecord.trainingEnd, settings: settings, names: automl.featureNames)
        outcome.rows = [data.fit.count, data.calibration.count, data.evaluation.count]
        if let shortfall = ModelTrainer.shortfall(data) {
            outcome.skipped = shortfall
            return outcome
        }
        let started = ContinuousClock.now
        // Every game's last prices before its start, read once by the loader: the close rule and both backtests measure
        // against them.
        let closingOdds = data.closingOdds
        let closing = data.closingProbabilities(data.fit + data.evaluation)
        let blended = try await ComputeQueue.run {
            try Self.blend(
                automl: automl.model, stack: stack.model, data: data, prior: ModelMarkets.prior(betType),
                adjustment: ModelMarkets.lineAdjustmentLearner(names: data.names, betType: betType), seed: settings.seed,
                outOfFold: automl.outOfFold.flatMap { a in stack.outOfFold.map { (a, $0) } }, folds: settings.folds, closing: closing)
        }
        // A three-way moneyline's draw share: learned where it beats the market's, which forecasts use otherwise.
        let drawShare: DrawShareFit? =
            CollectedSport.hasDraw(sport) && betType == .moneyline
            ? try await ComputeQueue.run {
                try DrawShareFit(training: data.fit + data.calibration, evaluation: data.evaluation, folds: settings.folds)
            } : nil
        let model = blended.model
        let weights = blended.weights
        let calibration = blended.calibration
        let members = blended.members
        let probabilities = blended.probabilities
        let evaluation = blended.evaluation
        let evaluationLabels = data.labels(data.evaluation)
        var scores = [
            EvaluationReport.ModelScore(label: blended.marketFallback == nil ? "meta (calibrated)" : "meta (the market)", evaluation: evaluation)
        ]
        for (label, memberEvaluation) in zip(["automl #\(automlRecord.id!)", "stack #\(stackRecord.id!)", "voting"], blended.memberEvaluations) {
            scores.append(.init(label: label, evaluation: memberEvaluation))
        }
        /// `model` scored on the very same evaluation games, if its archive still decodes.
        func sameGames(_ model: RegisteredModel?, _ label: String) -> BinaryEvaluation? {
            guard let model, let archive = try? ModelArchive.decode(Array(model.artifact)) else { return nil }
            let rows = TrainingData.dataset(data.evaluation.map(\.features), names: archive.featureNames)
            let evaluated = BinaryEvaluation(labels: evaluationLabels, probabilities: archive.model.predict(rows))
            scores.append(.init(label: "\(label) #\(model.id!)", evaluation: evaluated))
            return evaluated
        }
        let champion = try await store.models.champion(sport: sport, betType: betType, publication: publication)
        let championEvaluation = sameGames(champion, "champion")
        // Under review, a model already in shadow is a bar too: replacing it restarts the shadow period, which a
        // challenger retrained every day but no better would otherwise keep from ever completing.
        let shadow = promotion.autoApprove ? nil : try await store.models.shadow(sport: sport, betType: betType, publication: publication)
        let shadowEvaluation = sameGames(shadow, "shadow")
        // Thresholds are judged on the pooled games: a hundred evaluation games cannot tell an ECE of 0.06 from noise.
        let pooled = blended.pooled
        let failures = thresholds.failures(pooled)
        let games =
            " On \(pooled.rows) pooled games (\(pooled.trainingRows) walk-forward out-of-fold in training, \(pooled.evaluationRows) evaluation)"
        var pooledNote =
            games + " the model \(pooled.verdict)"
            + String(
                format: " (log loss %.4f vs the market's %.4f, difference %+.4f ± %.4f).", pooled.model.logLoss, pooled.prior.logLoss,
                pooled.logLossDifference, pooled.standardError)
            + " " + pooled.departures()
        if let fallback = blended.marketFallback {
            let score = String(
                format: " (%.4f vs %.4f, difference %+.4f ± %.4f: it ", fallback.model.logLoss, fallback.prior.logLoss,
                fallback.logLossDifference, fallback.standardError) + fallback.verdict + ")"
            pooledNote =
                games
                + (fallback.logLossDifference > 0
                    ? " the blend's log loss was above the market's" + score
                    : " the blend's log loss was the market's or below" + score + ", but its departures moved away from the close")
                + ", so the model is the market: it forecasts the market's probability. " + fallback.departures("The blend")
        } else if blended.rule == .learnersOverTheResults {
            pooledNote += " The market's log loss on the results was lower, but the departures moved toward the close beyond noise, and the close is the less noisy judge: the model is kept."
        }
        pooledNote += " " + blended.closeAgreement.sentence(blended.marketFallback == nil ? "Its" : "The blend's")
        let pickRecord = PickRecord(
            try await backtest(
                blended.pooledRows, probabilities: blended.pooledProbabilities, betType: betType, threeWay: CollectedSport.hasDraw(sport),
                drawShare: drawShare?.served, closing: closingOdds))
        pooledNote += " " + pickRecord.summary
        let verdict = PromotionVerdict(
            failures: failures, logLoss: evaluation.logLoss, games: data.evaluation.count,
            champion: champion.flatMap { model in championEvaluation.map { .init(id: model.id!, logLoss: $0.logLoss) } },
            shadow: shadow.flatMap { model in shadowEvaluation.map { .init(id: model.id!, logLoss: $0.logLoss) } },
            autoApprove: promotion.autoApprove)
        let passes = verdict.passes
        let decision = verdict.decision + pooledNote
        let promote = passes && promotion.autoApprove
        let requestReview = passes && !promotion.autoApprove

        let name = ModelKind.meta.modelName(sport: sport, betType: betType, publication: publication)
        var metrics = ModelTrainer.metrics(evaluation)
        metrics["calibration_seconds"] = started.duration(to: .now).inSeconds
        metrics["rows_fit"] = Double(data.fit.count)
        metrics["rows_calibration"] = Double(data.calibration.count)
        metrics["rows_evaluation"] = Double(data.evaluation.count)
        metrics["pooled_rows"] = Double(pooled.rows)
        metrics["pooled_log_loss"] = pooled.model.logLoss
        metrics["pooled_auc"] = pooled.model.auc
        metrics["pooled_ece"] = pooled.model.expectedCalibrationError
        metrics["pooled_prior_log_loss"] = pooled.prior.logLoss
        metrics["pooled_prior_auc"] = pooled.prior.auc
        metrics["pooled_log_loss_difference_se"] = pooled.standardError
        metrics[PooledEvaluation.Metric.trainingDepartures] = Double(pooled.trainingDepartures)
        metrics[PooledEvaluation.Metric.evaluationDepartures] = Double(pooled.evaluationDepartures)
        metrics["market_fallback"] = blended.marketFallback == nil ? 0 : 1
        if let fallback = blended.marketFallback { metrics["blend_pooled_log_loss"] = fallback.model.logLoss }
        metrics.merge(blended.closeAgreement.metrics) { $1 }
        let backtest = try await self.backtest(
            data.evaluation, probabilities: probabilities, betType: betType, threeWay: CollectedSport.hasDraw(sport),
            drawShare: drawShare?.served, closing: closingOdds)
        metrics["backtest_roi"] = backtest.roi
        metrics["backtest_bets"] = Double(backtest.bets.count)
        metrics.merge(pickRecord.metrics) { $1 }
        if let drawShare { metrics.merge(drawShare.metrics) { $1 } }
        let hyperparameters: [String: JSONValue] = [
            "members": .array([.number(Double(automlRecord.id!)), .number(Double(stackRecord.id!)), .string("voting")]),
            "weights": .array(weights.map(JSONValue.number)),
            "calibration": .string(calibration.rawValue),
            "settings": try JSONValue(encoding: settings),
            "thresholds": try JSONValue(encoding: thresholds),
        ]
        let artifact = Data(
            try ModelArchive(
                model: model, featureNames: automl.featureNames, featureKinds: automl.featureKinds,
                metadata: [
                    "kind": ModelKind.meta.rawValue, "sport": sport, "bet_type": betType.rawValue, "publication": publication.rawValue,
                    "feature_set_version": automlRecord.featureSetVersion,
                ], companions: drawShare?.served.map { [DrawShareModel.role: $0.model] }
            ).encoded())
        let markets = try await markets(sport: sport, betType: betType, publication: publication)
        var details = metrics
        if let championEvaluation { details["champion_log_loss"] = championEvaluation.logLoss }
        if let champion { details["champion_id"] = Double(champion.id!) }
        if let shadowEvaluation { details["shadow_log_loss"] = shadowEvaluation.logLoss }
        if let shadow { details["shadow_id"] = Double(shadow.id!) }
        let registered = try await store.withJobEffect(jobID: effectID) { tx in
            let version = try await tx.models.nextVersion(name: name)
            let id = try await tx.models.register(
                RegisteredModel(
                    name: name, version: version, sport: sport, betType: betType, publication: publication,
                    featureSetVersion: automlRecord.featureSetVersion,
                    trainingStart: automlRecord.trainingStart, trainingEnd: automlRecord.trainingEnd,
                    hyperparameters: hyperparameters, metrics: metrics, artifact: artifact))
            let report = EvaluationReport(
                title: "\(name) v\(version) (model #\(id))", sport: sport, betType: betType.rawValue, publication: publication,
                trainingStart: automlRecord.trainingStart, trainingEnd: automlRecord.trainingEnd,
                featureSetVersion: automlRecord.featureSetVersion, rows: outcome.rows, weights: weights,
                calibration: calibration.rawValue, scores: scores, pooled: pooled, leaderboard: Self.leaderboard(automlRecord),
                learnsFromTheClose: data.learnsFromTheClose, periods: Self.weeks(data.evaluation, probabilities: probabilities),
                permutationImportance: blended.permutationImportance, shap: blended.shap, shapModel: Self.shapSource(members),
                markets: markets + [.init(sport: sport, betType: betType.rawValue, modelID: id, accuracy: evaluation.accuracy,
                                          auc: evaluation.auc, logLoss: evaluation.logLoss)],
                backtest: backtest, pickRecord: pickRecord, thresholds: thresholds, decision: decision, drawShare: drawShare?.summary, createdAt: Date())
            try await tx.modelReports.saveReport(modelID: id, html: EvaluationReportPage.html(report))
            try await record(modelID: id, passes: passes, championID: champion?.id, decision: decision, details: details, in: tx)
            return id
        }
        guard case .applied(let id) = registered else {
            outcome.skipped = "calibrated by an earlier delivery"
            return outcome
        }
        logger.info(
            "model calibrated",
            metadata: ["model": "\(name)", "model_id": "\(id)", "log_loss": "\(evaluation.logLoss)", "promoted": "\(promote)",
                       "promotion_requested": "\(requestReview)", "decision": "\(decision)", "draw_share": "\(drawShare?.summary ?? "none")"])
        outcome.modelID = id
        outcome.logLoss = evaluation.logLoss
        outcome.promoted = promote
        outcome.promotionRequested = requestReview
        return outcome
    }

    /// Logs and applies the decision on model `modelID` in `tx`, the transaction of the job's effect (so a crash cannot
    /// leave a decision logged but not applied): a model that `passes` becomes champion when promotion is automatic,
    /// or a promotion request in shadow beside `championID`; any other stays a challenger.
    func record(
        modelID: Int, passes: Bool, championID: Int?, decision: String, details: [String: Double], in tx: PostgresConnection
    ) async throws {
        guard passes else {
            try await tx.modelReports.log(ModelEvent(modelID: modelID, kind: .keptChallenger, reason: decision, details: details))
            return
        }
        if promotion.autoApprove {
            try await tx.modelReports.log(ModelEvent(modelID: modelID, kind: .promoted, reason: decision, details: details))
            // A request left from before auto-approve was turned on would, approved, replace this newer champion.
            try await tx.promotionRequests.supersedePending(besides: modelID)
            try await tx.models.promote(id: modelID)
        } else {
            try await tx.promotionRequests.open(modelID: modelID, championID: championID, metrics: details, reason: decision)
        }
    }

    /// The CPU-bound part of calibration.
    struct Blended: Sendable {
        var members: [TrainedModel]
        var weights: [Double]
        var calibration: CalibrationMethod
        var model: TrainedModel
        var probabilities: [Double]
        var evaluation: BinaryEvaluation
        var memberEvaluations: [BinaryEvaluation]
        var permutationImportance: [EvaluationReport.Importance]
        var shap: [EvaluationReport.Importance]
        var pooled: PooledEvaluation
        /// The pooled games, training window first, and the model's probabilities on them (the market's where it
        /// falls back to the market): what its out-of-sample pick record is made on.
        var pooledRows: [TrainingExample]
        var pooledProbabilities: [Double]
        /// The blend's own pooled evaluation when the market beat it there, or its departures moved away from the
        /// close, and the model serves the market instead.
        var marketFallback: PooledEvaluation?
        /// The blend's departures against the close on the pooled games (before any fallback to the market).
        var closeAgreement: CloseAgreement
        /// Why the learners or the market are served.
        var rule: MarketRule
    }

    /// Fits the voting ensemble (its learners on top of `prior` and anchored to it), weights the three, calibrates
    /// the blend on the calibration rows, and scores and explains it on the evaluation rows (run it on
    /// `ComputeQueue`).
    ///
    /// With the AutoML leader's and the stack's walk-forward out-of-fold predictions (`outOfFold`, by game), the
    /// voting ensemble is cross-validated on the same walk-forward `folds` of the fit rows; the weights are searched
    /// on those training games and the calibration rows together (and kept only if they clearly beat the defaults
    /// on the calibration rows), and the pooled evaluation is the training games
    /// blended and calibrated as the model is, plus the evaluation games. (Two free weights over hundreds of games
    /// and a monotone map from the calibration rows, not a model of the games.) Without them the weights come from
    /// the calibration rows and the evaluation is the evaluation games alone. An `adjustment` learner votes beside
    /// the ensemble's defaults. Members that are the prior alone on the calibration rows give up their default
    /// weight to the others (``MetaEnsemble/defaults(_:predictions:prior:tolerance:)``), as learners anchored at 0
    /// give up their vote.
    ///
    /// A blend with a higher log loss than the market's on the pooled walk-forward games (`marketFallback`) is anchored
    /// to the market at weight 0: the model serves the market's probability. Those games are the best evidence of what
    /// its departures from the market are worth, and there they cost: published, they would be edges of noise, picks
    /// against a line the model does not beat. So is a blend whose departures move away from the close on those games
    /// (`closing`: the fair closing probability of the label's positive outcome, by game; `CloseAgreement`), which the
    /// results, noisier, can miss. The close overrules the results the other way too: a blend whose departures move
    /// toward the close beyond noise is kept though the market's log loss on the results was lower. On a season of
    /// simulated MLB games at the open (`bench/pipeline.sh`), the results rule served the market in place of a blend
    /// 0.0007 ± 0.0001 better than the opening line in expectation under the truth, whose departures moved toward the
    /// close by 0.00073 ± 0.00003 of cross-entropy.
    static func blend(
        automl: TrainedModel, stack: TrainedModel, data: TrainingData, prior: MarketPrior?, adjustment: LearnerSpecification? = nil,
        seed: UInt64,
        outOfFold: (automl: OutOfFoldPredictions, stack: OutOfFoldPredictions)? = nil, folds: Int = 5, closing: [Int: Double] = [:]
    ) throws -> Blended {
        let calibrationData = data.dataset(data.calibration)
        let calibrationLabels = data.labels(data.calibration)
        let evaluationData = data.dataset(data.evaluation)
        let evaluationLabels = data.labels(data.evaluation)
        let fitData = data.dataset(data.fit)
        let fitTargets = data.targets(data.fit)
        var votingEnsemble = SoftVotingEnsemble(prior: prior)
        if let adjustment { votingEnsemble.learners.append(adjustment) }
        let votingModel = try votingEnsemble.fit(fitData, labels: fitTargets)
        let voting = TrainedModel.weightedEnsemble(votingModel)
        let members = [automl, stack, voting]

        // Each member's walk-forward out-of-fold predictions on the training games, where the learners kept them.
        var pooledRows: [TrainingExample] = []
        var pooledMembers: [[Double]] = [[], [], []]
        if let outOfFold, data.fit.count > folds {
            let splits = DataSplits.folds(.walkForward, rowCount: data.fit.count, folds: folds, times: data.times(data.fit))
            let votingOutOfFold = try votingEnsemble.learners.map { try CrossValidation.run($0, data: fitData, labels: fitTargets, folds: splits, prior: prior).outOfFold }
            let automlByGame = outOfFold.automl.byID
            let stackByGame = outOfFold.stack.byID
            for (row, example) in data.fit.enumerated() {
                guard let a = automlByGame[example.gameID], let s = stackByGame[example.gameID] else { continue }
                let v = zip(votingOutOfFold, votingModel.weights).reduce(0) { $0 + $1.1 * $1.0[row] }
                guard !v.isNaN else { continue }
                pooledRows.append(example)
                for (member, prediction) in [a, s, v].enumerated() { pooledMembers[member].append(prediction) }
            }
        }
        // The blend weights are searched on those games and the calibration window together: on the window's hundred
        // or so games alone the best of 231 weightings is mostly luck, and often one member alone. AutoML's leader was
        // chosen on its out-of-fold games, which flatter it, so the searched weights replace the defaults only if they
        // beat them on the calibration window, which no member was chosen on.
        let calibrationMembers = members.map { $0.predict(calibrationData) }
        let defaults = MetaEnsemble.defaults(
            predictions: calibrationMembers, prior: (prior ?? .evenOdds).probabilities(calibrationData))
        let weights = MetaEnsemble.weights(
            search: (zip(pooledMembers, calibrationMembers).map { $0 + $1 }, data.labels(pooledRows) + calibrationLabels),
            confirmation: (calibrationMembers, calibrationLabels), defaults: defaults)
        let blend = MetaEnsemble.combine(members: members, weights: weights)
        let calibration = CalibrationSelection.choose(
            scores: blend.predict(calibrationData), labels: calibrationLabels, seed: seed, scheme: .walkForward)
        var model: TrainedModel =
            calibration.calibrator.map { .calibrated(CalibratedModel(base: .weightedEnsemble(blend), calibrator: $0)) }
            ?? .weightedEnsemble(blend)
        var probabilities = model.predict(evaluationData)

        let pooledScores = MetaEnsemble.blend(pooledMembers, weights: weights)
        let pooledTraining = calibration.calibrator.map { $0.calibrate(pooledScores) } ?? pooledScores
        let pooledExamples = pooledRows + data.evaluation
        let pooledLabels = data.labels(pooledExamples)
        let pooledPrior = (prior ?? .evenOdds).probabilities(data.dataset(pooledExamples))
        var pooledProbabilities = pooledTraining + probabilities
        var pooled = PooledEvaluation(
            labels: pooledLabels, probabilities: pooledProbabilities, priorProbabilities: pooledPrior, trainingRows: pooledRows.count)
        let closeAgreement = CloseAgreement(
            probabilities: pooledProbabilities, priorProbabilities: pooledPrior, closing: pooledExamples.map { closing[$0.gameID] })
        var marketFallback: PooledEvaluation?
        let rule = MarketRule(pooled, closeAgreement)
        if let prior, rule.servesTheMarket {
            marketFallback = pooled
            model = .priorAnchored(PriorAnchoredModel(prior: prior, learner: model, weight: 0))
            probabilities = model.predict(evaluationData)
            pooledProbabilities = pooledPrior
            pooled = PooledEvaluation(
                labels: pooledLabels, probabilities: pooledPrior, priorProbabilities: pooledPrior, trainingRows: pooledRows.count)
        }
        return Blended(
            members: members, weights: weights, calibration: calibration.method, model: model, probabilities: probabilities,
            evaluation: BinaryEvaluation(labels: evaluationLabels, probabilities: probabilities),
            memberEvaluations: members.map { BinaryEvaluation(labels: evaluationLabels, probabilities: $0.predict(evaluationData)) },
            permutationImportance: permutation(model, evaluationData, evaluationLabels, seed: seed),
            shap: shap(members, evaluationData), pooled: pooled, pooledRows: pooledExamples, pooledProbabilities: pooledProbabilities,
            marketFallback: marketFallback, closeAgreement: closeAgreement, rule: rule)
    }

    /// Whether a blend of these pooled games serves the market (see ``MarketRule``).
    static func servesTheMarket(_ pooled: PooledEvaluation, _ close: CloseAgreement) -> Bool {
        MarketRule(pooled, close).servesTheMarket
    }

    // MARK: - Report parts

    /// Bets `rows` as predict would, and measures each bet against the close: reads each game's best prices before its
    /// features were taken, and takes its books' last prices before the start from `closing` (by game; see the static
    /// `backtest`).
    func backtest(
        _ rows: [TrainingExample], probabilities: [Double], betType: BetType, threeWay: Bool = false, drawShare: DrawShareModel? = nil,
        closing: [Int: [OddsSnapshot]]
    ) async throws -> EvaluationReport.Backtest {
        let odds = try await store.odds.latest(for: rows.map { GameAsOf(gameID: $0.gameID, asOf: $0.asOf) })
        return Self.backtest(
            rows, probabilities: probabilities, betType: betType, threeWay: threeWay, drawShare: drawShare, odds: odds, closing: closing,
            selector: PickSelector(tiers: tiers, stakes: stakes))
    }

    /// The pick `selector` makes on each of `rows` (as predict does: every side of the market, a three-way moneyline's
    /// draw and away split by `drawShare`) at the best price in `odds` (by game, as of the row's features), graded by
    /// the game's label, with its CLV against the closing consensus of `closing` (by game, the books' last prices
    /// before the start) at the pick's line, and against the fair close.
    static func backtest(
        _ rows: [TrainingExample], probabilities: [Double], betType: BetType, threeWay: Bool, drawShare: DrawShareModel?,
        odds: [Int: [OddsSnapshot]], closing: [Int: [OddsSnapshot]], selector: PickSelector
    ) -> EvaluationReport.Backtest {
        var bets: [EvaluationReport.Backtest.Bet] = []
        var unpriced = 0
        let lineFeature = BetOutcome.lineFeature(betType)
        let threeWay = threeWay && betType == .moneyline
        let market = OddsMarket.key(for: betType)
        for (row, probability) in zip(rows, probabilities) {
            let snapshots = odds[row.gameID] ?? []
            guard snapshots.contains(where: { $0.market == market }) else {
                unpriced += 1
                continue
            }
            let line = lineFeature.flatMap { row.features[$0] }
            let sides = (BetOutcome.sides(betType, threeWay: threeWay, probability: probability, features: row.features, drawShare: drawShare) ?? [])
                .filter { Self.wins($0.selection, row, betType: betType, threeWay: threeWay) != nil }
                .map { selection, p in
                    let offer = BestPrice.price(in: snapshots, betType: betType, selection: selection, line: line)
                    return PickSelector.Side(selection: selection, probability: p, price: offer?.price, bookmaker: offer?.bookmaker)
                }
            guard let pick = selector.pick(sides), let price = pick.side.price,
                let wins = Self.wins(pick.side.selection, row, betType: betType, threeWay: threeWay)
            else { continue }
            let closes = FairClose.lines(closing[row.gameID] ?? [])
            let selection = pick.side.selection
            let closingPrice = ClosingConsensus.price(gameID: row.gameID, betType: betType, selection: selection, line: line, in: closes)
            let fairPrice = ClosingConsensus.fairPrice(gameID: row.gameID, betType: betType, selection: selection, line: line, in: closes)
            bets.append(
                .init(
                    at: row.scheduledAt, tier: pick.tier.rawValue, stake: pick.stake, price: price,
                    profit: wins ? pick.stake * (price - 1) : -pick.stake, won: wins,
                    clv: closingPrice.flatMap { ClosingLineValue.of(price: price, closingPrice: $0) },
                    fairCLV: fairPrice.flatMap { ClosingLineValue.of(price: price, closingPrice: $0) }))
        }
        return EvaluationReport.Backtest(bets: bets, unpriced: unpriced)
    }

    /// Whether `selection` won `row`'s game: the positive side (home, over) when the label is 1; a three-way market's
    /// draw or away by the game's draw label (nil when a game the home side did not win has none).
    static func wins(_ selection: String, _ row: TrainingExample, betType: BetType, threeWay: Bool) -> Bool? {
        if selection == BetOutcome.selections(betType).positive { return row.label == 1 }
        guard threeWay else { return row.label == 0 }
        if row.label == 1 { return false }
        return row.drawLabel.map { ($0 == 1) == (selection == "draw") }
    }

    /// The newest calibrated model of `publication` of every other sport and bet type, for the accuracy table.
    private func markets(sport: String, betType: BetType, publication: PredictionPublication) async throws -> [EvaluationReport.MarketScore] {
        var sports = Set(try await store.models.champions().map(\.sport))
        sports.insert(sport)
        var scores: [EvaluationReport.MarketScore] = []
        for other in sports.sorted() {
            for type in ModelMarkets.betTypes where !(other == sport && type == betType) {
                if let model = try await store.models.latest(name: ModelKind.meta.modelName(sport: other, betType: type, publication: publication)),
                    let accuracy = model.metrics["accuracy"]
                {
                    scores.append(.init(sport: other, betType: type.rawValue, modelID: model.id!, accuracy: accuracy,
                                        auc: model.metrics["auc"] ?? .nan, logLoss: model.metrics["log_loss"] ?? .nan))
                }
            }
        }
        return scores
    }

    private static func decodeSettings(_ value: JSONValue) throws -> TrainingSettings {
        try JSONDecoder().decode(TrainingSettings.self, from: JSONEncoder().encode(value))
    }

    private static func leaderboard(_ record: RegisteredModel) -> [EvaluationReport.LeaderboardRow] {
        guard case .array(let entries) = record.hyperparameters["leaderboard"] else { return [] }
        return entries.compactMap { entry in
            guard case .object(let fields) = entry, case .string(let name) = fields["name"], let auc = fields["auc"]?.numberValue,
                let logLoss = fields["log_loss"]?.numberValue, let brier = fields["brier"]?.numberValue,
                let seconds = fields["fit_seconds"]?.numberValue
            else { return nil }
            return .init(
                name: name, auc: auc, logLoss: logLoss, brier: brier, anchoredAUC: fields["anchored_auc"]?.numberValue,
                anchoredLogLoss: fields["anchored_log_loss"]?.numberValue, marketLogLoss: fields["prior_log_loss"]?.numberValue,
                rows: fields["rows"]?.numberValue.map { Int($0) }, fitSeconds: seconds)
        }
    }

    private static func weeks(_ rows: [TrainingExample], probabilities: [Double]) -> [EvaluationReport.Period] {
        guard let first = rows.first?.scheduledAt else { return [] }
        let groups = Dictionary(grouping: rows.indices) { Int(rows[$0].scheduledAt.timeIntervalSince(first) / (7 * 86_400)) }
        return groups.keys.sorted().map { week in
            let indices = groups[week]!
            let labels = indices.map { rows[$0].label }
            let p = indices.map { probabilities[$0] }
            return .init(
                start: first.addingTimeInterval(Double(week) * 7 * 86_400), rows: indices.count,
                accuracy: BinaryMetrics.accuracy(labels: labels, probabilities: p), logLoss: BinaryMetrics.logLoss(labels: labels, probabilities: p))
        }
    }

    private static func permutation(_ model: TrainedModel, _ data: Dataset, _ labels: [Double], seed: UInt64) -> [EvaluationReport.Importance] {
        let result = PermutationImportance.compute(data: data, labels: labels, repeats: 2, seed: seed, predict: model.predict)
        return zip(data.names, result.logLossRise).map { .init(feature: $0, value: $1) }.sorted { $0.value > $1.value }
    }

    private static func shap(_ members: [TrainedModel], _ data: Dataset) -> [EvaluationReport.Importance] {
        guard let gbm = members.lazy.compactMap(firstGradientBoosting).first else { return [] }
        let values = gbm.shapValues(data)
        guard !values.isEmpty else { return [] }
        return data.names.indices.map { column in
            .init(feature: data.names[column], value: values.reduce(0) { $0 + abs($1[column]) } / Double(values.count))
        }.sorted { $0.value > $1.value }
    }

    private static func shapSource(_ members: [TrainedModel]) -> String {
        for (name, member) in zip(["the AutoML leader", "the Stack", "the voting ensemble"], members) where firstGradientBoosting(member) != nil {
            return "first gradient-boosting model inside \(name)"
        }
        return "no gradient-boosting model to explain"
    }

    /// The first gradient-boosting model inside `model`, depth first, that reads the raw features and counts (an
    /// anchored model at weight 0 does not).
    private static func firstGradientBoosting(_ model: TrainedModel) -> GradientBoostingModel? {
        switch model {
        case .gradientBoosting(let gbm): return gbm
        case .generalizedLinear, .randomForest: return nil
        case .bagged(let bagged): return bagged.members.lazy.compactMap(firstGradientBoosting).first
        case .stackedEnsemble(let stacked): return stacked.baseModels.lazy.compactMap(firstGradientBoosting).first
        // Later layers also read the previous layer's predictions: columns the evaluation rows do not have.
        case .multiLayerStack(let stack): return stack.layers.first?.lazy.compactMap { firstGradientBoosting(.bagged($0)) }.first
        case .weightedEnsemble(let ensemble): return ensemble.members.lazy.compactMap(firstGradientBoosting).first
        case .calibrated(let calibrated): return firstGradientBoosting(calibrated.base)
        case .priorAnchored(let anchored): return anchored.weight > 0 ? firstGradientBoosting(anchored.learner) : nil
        }
    }
}
