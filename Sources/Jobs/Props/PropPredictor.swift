import Essentials
import Foundation
import Logging
import ML
import Store

/// Makes the batter-hits props of upcoming MLB games (issue #8: player props as regression plus threshold).
///
/// Regression: `BatterHitsModel` fitted in the run on every batter-game of the last `historyDays` whose result
/// was known at the as-of, each with the batter's form before it. Threshold: P(hits > 0.5) and P(hits > 1.5)
/// from the expected hits, assuming Poisson (`PoissonThreshold`). Each run's model is registered in `models`
/// (bet type `player_prop`, a challenger: nothing promotes it) because every prediction names its model.
///
/// Pricing: each batter and line is joined with the best price the books offer (`collect.prop_odds`, the batter found
/// by the name Statcast gives him) on the Over, for P(hits > line), and on the Under, for 1 − P. `PickSelector` — the
/// game markets' tier and Kelly stake policy — picks at most one side; the row is then that pick (its selection, price,
/// book, edge, tier, stake). A priced prop without a pick is a forecast carrying the Over at its best price (stake 0);
/// a prop no book prices stays a forecast without a price (edge 0, tier D, stake 0), graded (`settle`) but never
/// moving profit or ROI.
public struct PropPredictor: Sendable {
    /// The sport whose player statistics are collected (Statcast).
    static let sport = "mlb"
    /// The lines of every batter's prop.
    public static let lines = [0.5, 1.5]
    /// The history read, in days before the as-of.
    static let historyDays = 400.0
    /// The days of history that decide which team a batter plays for.
    static let rosterDays = 30.0
    /// The feature-set name recorded with the model.
    static let featureSetVersion = "batter_hits_v1"
    /// The Odds API market of the props' prices.
    static let market = "batter_hits"

    let store: Store
    let now: @Sendable () -> Date
    let picks: PickSelector
    let anchorWeight: Double?

    /// A predictor over `store` on the clock `now`, publishing the picks `picks` selects.
    ///
    /// `anchorWeight` pins the share of the model's difference from the books' price that is kept (1: the model's own
    /// probability, to replay or test the pick path); nil, the default, fits it on settled priced props
    /// (`PropMarketAnchor`).
    public init(
        store: Store, now: @escaping @Sendable () -> Date = { Date() }, picks: PickSelector = .standard, anchorWeight: Double? = nil
    ) {
        self.store = store
        self.now = now
        self.picks = picks
        self.anchorWeight = anchorWeight
    }

    /// Runs the job with id `jobID`: its model and props commit in one transaction recorded under that id,
    /// so a redelivery writes nothing; a later run skips the batter, game and line pairs already predicted.
    public func run(_ parameters: PredictProps, jobID: String, logger: Logger) async throws -> PropRun {
        var run = PropRun()
        let at = now()
        let window = parameters.date.flatMap(PredictProps.day) ?? (at, at.addingTimeInterval(86_400))
        // Point in time: a day in the past is predicted as of its start, never with its own results.
        let asOf = min(at, window.start)
        let games = try await store.games.games(sport: Self.sport, from: window.start, to: window.end)
            .filter { $0.status != .cancelled && $0.status != .postponed && $0.scheduledAt >= asOf }
        run.games = games.count
        guard !games.isEmpty else {
            run.skipped = "no MLB games in the window"
            return run
        }
        let history = try await store.playerProps.batterGames(from: asOf.addingTimeInterval(-Self.historyDays * 86_400), asOf: asOf)
        let teams = BatterTeams(lines: history.filter { $0.scheduledAt >= asOf.addingTimeInterval(-Self.rosterDays * 86_400) })
        var byBatter: [Int: [BatterGameHits]] = [:]
        for line in history { byBatter[line.batterID, default: []].append(line) }

        // What is left to predict: (game, batter, form), each for the lines not yet stored.
        var pending: [(game: Game, batterID: Int, form: BatterForm, lines: [Double])] = []
        for game in games {
            guard let gameID = game.id else { continue }
            // A batter and line is done whichever side was stored (a pick may be the Under).
            let done = Set(
                try await store.playerProps.predictedProps(gameID: gameID).compactMap { stored in
                    BatterHitsProp(selection: stored.selection).flatMap { prop in stored.line.map { PricedPropKey(prop.batterID, $0) } }
                })
            for batterID in teams.batters(teamID: game.homeTeamID) + teams.batters(teamID: game.awayTeamID) {
                let lines = Self.lines.filter { !done.contains(PricedPropKey(batterID, $0)) }
                run.alreadyPredicted += Self.lines.count - lines.count
                guard !lines.isEmpty, let form = BatterForm(games: (byBatter[batterID] ?? [])[...], asOf: asOf) else { continue }
                pending.append((game, batterID, form, lines))
            }
        }
        guard !pending.isEmpty else {
            run.skipped = run.alreadyPredicted > 0 ? "every prop already predicted" : "no batters with Statcast history for these teams"
            return run
        }
        let examples = BatterHitsModel.examples(history)
        run.trainingExamples = examples.count
        guard examples.count >= BatterHitsModel.minimumExamples else {
            run.skipped = "too little Statcast history: \(examples.count) batter-games, need \(BatterHitsModel.minimumExamples)"
            return run
        }
        let (model, evaluation) = try await ComputeQueue.run { (try BatterHitsModel.fit(examples), try BatterHitsModel.evaluate(examples)) }
        if let evaluation {
            run.heldOut = evaluation.heldOut
            run.rmse = evaluation.rmse
            run.mae = evaluation.mae
            run.baselineRMSE = evaluation.baselineRMSE
            run.brierOverHalf = evaluation.brierOverHalf
        }
        let expected = model.expectedHits(pending.map(\.form.values))
        let registered = try registration(model, examples: examples, evaluation: evaluation)
        var collected: [Int: [PricedPropKey: (over: BestPropPrice?, under: BestPropPrice?)]] = [:]
        for gameID in Set(pending.compactMap(\.game.id)) {
            var byKey: [PricedPropKey: (over: BestPropPrice?, under: BestPropPrice?)] = [:]
            for best in try await store.propOdds.bestBatterPrices(gameID: gameID, market: Self.market, asOf: asOf) {
                let key = PricedPropKey(best.batterID, best.point)
                if best.outcome == "over" {
                    byKey[key, default: (nil, nil)].over = best
                } else {
                    byKey[key, default: (nil, nil)].under = best
                }
            }
            collected[gameID] = byKey
        }
        let prices = collected
        let picks = self.picks
        var anchor = PropMarketAnchor.market
        if let anchorWeight {
            anchor = PropMarketAnchor(weight: anchorWeight, history: 0)
        } else {
            anchor = PropMarketAnchor(
                fitting: try await store.playerProps.settledPricedForecasts(sport: Self.sport, asOf: asOf, limit: PropMarketAnchor.historyLimit))
        }
        run.anchorWeight = anchor.weight
        run.anchorHistory = anchor.history

        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var record = registered
            record.version = try await tx.models.nextVersion(name: registered.name)
            let modelID = try await tx.models.register(record)
            var tally = PropRun()
            for (item, mean) in zip(pending, expected) {
                guard let gameID = item.game.id else { continue }
                for line in item.lines {
                    var prediction = Self.prediction(
                        gameID: gameID, modelID: modelID, batterID: item.batterID, line: line, expectedHits: mean,
                        best: prices[gameID]?[PricedPropKey(item.batterID, line)], anchor: anchor, picks: picks)
                    prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
                    try await tx.predictions.insert(prediction)
                    tally.predictions += 1
                    if prediction.price != nil { tally.priced += 1 }
                    if prediction.pick {
                        tally.picks += 1
                        tally.pickEdgeSum += prediction.edge
                    }
                }
            }
            return (modelID, tally)
        }
        switch outcome {
        case .applied(let (modelID, tally)):
            run.modelID = modelID
            run.predictions = tally.predictions
            run.priced = tally.priced
            run.picks = tally.picks
            run.pickEdgeSum = tally.pickEdgeSum
        case .alreadyApplied:
            run.applied = false
        }
        logger.info(
            "batter-hits props predicted",
            metadata: [
                "games": "\(run.games)", "stored": "\(run.predictions)", "priced": "\(run.priced)", "picks": "\(run.picks)",
                "examples": "\(run.trainingExamples)", "market_anchor_weight": "\(run.anchorWeight)",
                "market_anchor_history": "\(run.anchorHistory)",
                "rmse": "\(run.rmse.map { String($0) } ?? "-")", "baseline_rmse": "\(run.baselineRMSE.map { String($0) } ?? "-")",
            ])
        return run
    }

    /// The prop of `batterID` at `line` with `expectedHits`: the pick `picks` selects between the Over at P(hits > line)
    /// and the Under at 1 − P, each at its best price in `best`; else the Over as a forecast, at its best price if any.
    ///
    /// P is the model's Poisson probability anchored on the books' no-vig price by `anchor`; with only one side
    /// priced there is no fair price to anchor on, so the prop is a forecast, never a pick.
    static func prediction(
        gameID: Int, modelID: Int, batterID: Int, line: Double, expectedHits: Double,
        best: (over: BestPropPrice?, under: BestPropPrice?)?, anchor: PropMarketAnchor, picks: PickSelector
    ) -> Prediction {
        let modelOver = PoissonThreshold.probabilityOver(line, mean: expectedHits)
        var components = ["expected_hits": expectedHits]
        var over = modelOver
        var anchored = false
        if let overPrice = best?.over?.price, let underPrice = best?.under?.price, overPrice > 1, underPrice > 1 {
            let market = (1 / overPrice) / (1 / overPrice + 1 / underPrice)
            over = anchor.over(model: modelOver, market: market)
            components[PropComponent.modelOver] = modelOver
            components[PropComponent.marketOver] = market
            components[PropComponent.anchorWeight] = anchor.weight
            anchored = true
        }
        let sides = [
            PickSelector.Side(
                selection: BatterHitsProp(batterID: batterID, side: .over).selection, probability: over, price: best?.over?.price,
                bookmaker: best?.over?.bookmaker),
            PickSelector.Side(
                selection: BatterHitsProp(batterID: batterID, side: .under).selection, probability: 1 - over,
                price: best?.under?.price, bookmaker: best?.under?.bookmaker),
        ]
        let pick = anchored ? picks.pick(sides) : nil
        let side = pick?.side ?? sides[0]
        guard side.price != nil else {
            // No book prices the Over: a forecast as before prices were collected (hash version 1, as then).
            return Prediction(
                gameID: gameID, modelID: modelID, sport: sport, betType: .playerProp, selection: side.selection, line: line,
                probability: side.probability, componentProbabilities: components, price: nil, edge: 0, tier: .d,
                stake: 0, predictionHash: "")
        }
        let edge = pick?.edge ?? side.edge ?? 0
        return Prediction(
            gameID: gameID, modelID: modelID, sport: sport, betType: .playerProp, selection: side.selection, line: line,
            probability: side.probability, componentProbabilities: components, price: side.price, edge: edge,
            tier: pick?.tier ?? picks.tiers.tier(edge: edge, probability: side.probability), stake: pick?.stake ?? 0,
            pick: pick != nil, bookmaker: side.bookmaker, hashVersion: PredictionFingerprint.currentVersion, predictionHash: "")
    }

    /// The model's registry record (its version is set inside the transaction).
    private func registration(_ model: BatterHitsModel, examples: [BatterHitsModel.Example], evaluation: BatterHitsModel.Evaluation?) throws
        -> RegisteredModel
    {
        let archive = ModelArchive(
            model: .generalizedLinear(model.model), featureNames: BatterForm.names,
            featureKinds: Array(repeating: .numerical, count: BatterForm.names.count), metadata: ["target": "batter_hits"])
        var metrics: [String: Double] = ["training_examples": Double(examples.count)]
        if let evaluation {
            metrics["held_out"] = Double(evaluation.heldOut)
            metrics["rmse"] = evaluation.rmse
            metrics["mae"] = evaluation.mae
            metrics["baseline_rmse"] = evaluation.baselineRMSE
            metrics["brier_over_0_5"] = evaluation.brierOverHalf
        }
        return RegisteredModel(
            name: "\(Self.sport)_batter_hits", version: 1, sport: Self.sport, betType: .playerProp,
            featureSetVersion: Self.featureSetVersion,
            trainingStart: examples.first?.start ?? now(), trainingEnd: examples.last?.start ?? now(),
            hyperparameters: ["family": .string("gaussian"), "lambda_search": .bool(true), "threshold": .string("poisson")],
            metrics: metrics, artifact: Data(try archive.encoded()))
    }
}
