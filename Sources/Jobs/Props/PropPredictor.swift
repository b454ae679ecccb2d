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
        let (asOf, games) = try await PropPublication.games(sport: Self.sport, date: parameters.date, at: now(), store: store)
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
        evaluation?.record(into: &run)
        let expected = model.expectedHits(pending.map(\.form.values))
        let registered = try registration(model, examples: examples, evaluation: evaluation)
        var prices: [Int: [PricedPropKey: PropPublication.Prices]] = [:]
        for gameID in Set(pending.compactMap(\.game.id)) {
            prices[gameID] = PropPublication.byKey(
                try await store.propOdds.bestPrices(gameID: gameID, market: Self.market, asOf: asOf, players: .statcastBatters))
        }
        let anchor = try await PropPublication.anchor(pinned: anchorWeight, sport: Self.sport, asOf: asOf, store: store)
        run.anchorWeight = anchor.weight
        run.anchorHistory = anchor.history
        var predictions: [Prediction] = []
        for (item, mean) in zip(pending, expected) {
            guard let gameID = item.game.id else { continue }
            for line in item.lines {
                predictions.append(
                    PropPublication.prediction(
                        sport: Self.sport, gameID: gameID, line: line,
                        over: BatterHitsProp(batterID: item.batterID, side: .over).selection,
                        under: BatterHitsProp(batterID: item.batterID, side: .under).selection,
                        modelOver: PoissonThreshold.probabilityOver(line, mean: mean), components: ["expected_hits": mean],
                        best: prices[gameID]?[PricedPropKey(item.batterID, line)], anchor: anchor, picks: picks))
            }
        }
        try await PropPublication.publish(predictions, model: registered, jobID: jobID, store: store, into: &run)
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

    /// The model's registry record (its version is set inside the transaction).
    private func registration(_ model: BatterHitsModel, examples: [BatterHitsModel.Example], evaluation: PropEvaluation?) throws
        -> RegisteredModel
    {
        let archive = ModelArchive(
            model: .generalizedLinear(model.model), featureNames: BatterForm.names,
            featureKinds: Array(repeating: .numerical, count: BatterForm.names.count), metadata: ["target": "batter_hits"])
        var metrics: [String: Double] = ["training_examples": Double(examples.count)]
        if let evaluation { metrics.merge(evaluation.metrics) { _, new in new } }
        return RegisteredModel(
            name: "\(Self.sport)_batter_hits", version: 1, sport: Self.sport, betType: .playerProp,
            featureSetVersion: Self.featureSetVersion,
            trainingStart: examples.first?.start ?? now(), trainingEnd: examples.last?.start ?? now(),
            hyperparameters: ["family": .string("gaussian"), "lambda_search": .bool(true), "threshold": .string("poisson")],
            metrics: metrics, artifact: Data(try archive.encoded()))
    }
}
