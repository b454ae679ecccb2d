import Essentials
import Foundation
import Logging
import ML
import Store

/// Makes one sport's player props (`Market`) for upcoming games: the path `PropPredictor` (MLB batter hits) and
/// `PlayerPointsPredictor` (NBA player points) share.
///
/// Each run fits `Market.Model` on the history before the as-of and predicts every player and line the market offers
/// that was not predicted before: the model's P(Over), anchored on the books' no-vig price (`PropMarketAnchor`), with
/// at most one side picked (`PickSelector`). The run's model is registered (bet type `player_prop`, a challenger:
/// nothing promotes it) because every prediction names its model; model and props commit in one transaction
/// (`PropPublication`).
struct PlayerPropPredictor<Market: PlayerPropMarket>: Sendable {
    let store: Store
    let now: @Sendable () -> Date
    let picks: PickSelector
    /// The anchor's weight when pinned; nil fits it on settled priced props.
    let anchorWeight: Double?

    /// Runs the job with id `jobID` for the games of `date` (`YYYY-MM-DD`; nil: the next 24 hours): its model and
    /// props commit in one transaction recorded under that id, so a redelivery writes nothing; a later run skips the
    /// player, game and line pairs already predicted.
    func run(date: String?, jobID: String, logger: Logger) async throws -> PropRun {
        var run = PropRun()
        let (asOf, games) = try await PropPublication.games(sport: Market.sport, date: date, at: now(), store: store)
        run.games = games.count
        guard !games.isEmpty else {
            run.skipped = "no \(Market.sport.uppercased()) games in the window"
            return run
        }
        let market = try await Market(since: asOf.addingTimeInterval(-Market.historyDays * 86_400), asOf: asOf, store: store)

        // What is left to predict: (game, player, form), each for the lines not yet stored.
        var pending: [(gameID: Int, playerID: Int, form: [Double], lines: [(line: Double, best: PropPublication.Prices?)])] = []
        for game in games {
            guard let gameID = game.id else { continue }
            // A player and line is done whichever side was stored (a pick may be the Under).
            let done = Set(
                try await store.playerProps.predictedProps(gameID: gameID).compactMap { stored in
                    Market.stored.parse(stored.selection).flatMap { id, _ in stored.line.map { PricedPropKey(id, $0) } }
                })
            for offer in try await market.offered(in: game, gameID: gameID, store: store) {
                let lines = offer.lines.filter { !done.contains(PricedPropKey(offer.playerID, $0.line)) }
                run.alreadyPredicted += offer.lines.count - lines.count
                guard !lines.isEmpty, let form = market.form(playerID: offer.playerID) else { continue }
                pending.append((gameID, offer.playerID, form, lines))
            }
        }
        guard !pending.isEmpty else {
            run.skipped = run.alreadyPredicted > 0 ? "every prop already predicted" : Market.nothingToPredict
            return run
        }
        let examples = market.examples()
        run.trainingExamples = examples.count
        guard examples.count >= Market.Model.minimumExamples else {
            run.skipped =
                "too little \(Market.history.source) history: \(examples.count) \(Market.history.examples), need \(Market.Model.minimumExamples)"
            return run
        }
        let (model, registered) = try await model(examples, into: &run)
        let expected = model.expected(pending.map(\.form))
        let anchor = try await PropPublication.anchor(pinned: anchorWeight, sport: Market.sport, asOf: asOf, store: store)
        run.anchorWeight = anchor.weight
        run.anchorHistory = anchor.history
        var predictions: [Prediction] = []
        for (item, mean) in zip(pending, expected) {
            for (line, best) in item.lines {
                predictions.append(
                    PropPublication.prediction(
                        sport: Market.sport, gameID: item.gameID, line: line,
                        over: Market.stored.selection(playerID: item.playerID, side: .over),
                        under: Market.stored.selection(playerID: item.playerID, side: .under),
                        modelOver: model.probabilityOver(line, mean: mean), components: [Market.expectationComponent: mean],
                        best: best, anchor: anchor, picks: picks))
            }
        }
        try await PropPublication.publish(predictions, model: registered, jobID: jobID, store: store, into: &run)
        logger.info(
            "\(Market.market.replacingOccurrences(of: "_", with: "-")) props predicted",
            metadata: [
                "games": "\(run.games)", "stored": "\(run.predictions)", "priced": "\(run.priced)", "picks": "\(run.picks)",
                "examples": "\(run.trainingExamples)", "market_anchor_weight": "\(run.anchorWeight)",
                "market_anchor_history": "\(run.anchorHistory)",
                "rmse": "\(run.rmse.map { String($0) } ?? "-")", "baseline_rmse": "\(run.baselineRMSE.map { String($0) } ?? "-")",
            ])
        return run
    }

    /// The model for `examples` (start order) and its registry record: the newest registered one where
    /// `PropModelReuse` allows, else one fitted now (registered in the run's transaction). Records the held-out errors.
    private func model(_ examples: [Market.Model.Example], into run: inout PropRun) async throws -> (Market.Model, RegisteredModel) {
        let stored = try await store.models.latest(name: Market.modelName)
        if let newest = examples.last?.start, let stored,
            let model = PropModelReuse.reusable(
                stored, as: Market.Model.self, featureSetVersion: Market.featureSetVersion, newestExample: newest)
        {
            run.reusedModel = true
            run.trainingExamples = stored.metrics["training_examples"].map { Int($0) } ?? 0
            PropEvaluation(metrics: stored.metrics)?.record(into: &run)
            return (model, stored)
        }
        let (model, evaluation) = try await ComputeQueue.run(.prediction) {
            (try Market.Model.fit(examples), try Market.Model.evaluate(examples))
        }
        evaluation?.record(into: &run)
        return (model, try registration(model, examples: examples, evaluation: evaluation))
    }

    /// The model's registry record (its version is set inside the transaction).
    private func registration(_ model: Market.Model, examples: [Market.Model.Example], evaluation: PropEvaluation?) throws
        -> RegisteredModel
    {
        let names = Market.Model.featureNames
        let archive = ModelArchive(
            model: .generalizedLinear(model.model), featureNames: names,
            featureKinds: Array(repeating: .numerical, count: names.count),
            metadata: model.fittedParameters.mapValues { String($0) }.merging(["target": Market.market]) { _, new in new })
        var metrics = model.fittedParameters.merging(["training_examples": Double(examples.count)]) { _, new in new }
        if let evaluation { metrics.merge(evaluation.metrics) { _, new in new } }
        return RegisteredModel(
            name: Market.modelName, version: 1, sport: Market.sport, betType: .playerProp,
            // Props have no publication at the open: they are priced against the day's prop lines only.
            publication: .gameDay, featureSetVersion: Market.featureSetVersion,
            trainingStart: examples.first?.start ?? now(), trainingEnd: examples.last?.start ?? now(),
            hyperparameters: [
                "family": .string("gaussian"), "lambda_search": .bool(true), "threshold": .string(Market.Model.threshold),
            ],
            metrics: metrics, artifact: Data(try archive.encoded()))
    }
}
