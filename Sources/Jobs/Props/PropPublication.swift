import Foundation
import Store

/// What the prop predictors share once each has its forecasts: the books' best Over and Under per player and line,
/// the market anchor, one row per player and line with at most one side picked, and the run's one transaction.
enum PropPublication {
    /// The best Over and Under of one player and line.
    typealias Prices = (over: BestPropPrice?, under: BestPropPrice?)

    /// The games of `sport` a run at `at` predicts props for: those of the Eastern day `date` names (`YYYY-MM-DD`), or
    /// of the next 24 hours, not cancelled, postponed or started by the as-of; and the as-of. A day in the past is
    /// predicted as of its start, never with its own results.
    static func games(sport: String, date: String?, at: Date, store: Store) async throws -> (asOf: Date, games: [Game]) {
        let window = date.flatMap(PredictProps.day) ?? (at, at.addingTimeInterval(86_400))
        let asOf = min(at, window.start)
        let games = try await store.games.games(sport: sport, from: window.start, to: window.end)
            .filter { $0.status != .cancelled && $0.status != .postponed && $0.scheduledAt >= asOf }
        return (asOf, games)
    }

    /// `best` by player and line.
    static func byKey(_ best: [BestPropPrice]) -> [PricedPropKey: Prices] {
        var prices: [PricedPropKey: Prices] = [:]
        for price in best {
            let key = PricedPropKey(price.batterID, price.point)
            if price.outcome == "over" {
                prices[key, default: (nil, nil)].over = price
            } else {
                prices[key, default: (nil, nil)].under = price
            }
        }
        return prices
    }

    /// The anchor `pinned` at a weight (tests, and a trusted model), or fitted on `sport`'s newest settled priced
    /// props before `asOf`.
    static func anchor(pinned: Double?, sport: String, asOf: Date, store: Store) async throws -> PropMarketAnchor {
        if let pinned { return PropMarketAnchor(weight: pinned, history: 0) }
        return PropMarketAnchor(
            fitting: try await store.playerProps.settledPricedForecasts(sport: sport, asOf: asOf, limit: PropMarketAnchor.historyLimit))
    }

    /// The prop of one player at `line` (its model id set by `publish`): the pick `picks` selects between the Over
    /// (selection `over`) at P(over) and the Under (`under`) at 1 − P, each at its best price in `best`; else the Over as
    /// a forecast, at its best price if any.
    ///
    /// P is `modelOver` anchored on the books' no-vig price by `anchor`; with only one side priced there is no fair
    /// price to anchor on, so the prop is a forecast, never a pick. `components` (the model's expectation) are stored
    /// with the model's and the market's P(over) and the anchor's weight.
    static func prediction(
        sport: String, gameID: Int, line: Double, over overSelection: String, under underSelection: String, modelOver: Double,
        components: [String: Double], best: Prices?, anchor: PropMarketAnchor, picks: PickSelector
    ) -> Prediction {
        var components = components
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
            PickSelector.Side(selection: overSelection, probability: over, price: best?.over?.price, bookmaker: best?.over?.bookmaker),
            PickSelector.Side(
                selection: underSelection, probability: 1 - over, price: best?.under?.price, bookmaker: best?.under?.bookmaker),
        ]
        let pick = anchored ? picks.pick(sides) : nil
        let side = pick?.side ?? sides[0]
        guard side.price != nil else {
            // No book prices the Over: a forecast as before prices were collected (hash version 1, as then).
            return Prediction(
                gameID: gameID, modelID: 0, sport: sport, betType: .playerProp, selection: side.selection, line: line,
                probability: side.probability, componentProbabilities: components, price: nil, edge: 0, tier: .d,
                stake: 0, predictionHash: "")
        }
        let edge = pick?.edge ?? side.edge ?? 0
        return Prediction(
            gameID: gameID, modelID: 0, sport: sport, betType: .playerProp, selection: side.selection, line: line,
            probability: side.probability, componentProbabilities: components, price: side.price, edge: edge,
            tier: pick?.tier ?? picks.tiers.tier(edge: edge, probability: side.probability), stake: pick?.stake ?? 0,
            pick: pick != nil, bookmaker: side.bookmaker, hashVersion: PredictionFingerprint.currentVersion, predictionHash: "")
    }

    /// Registers `model` (unless it has an id: an earlier run's, reused) and stores `predictions` under its id, hashed, in
    /// one transaction recorded under `jobID` (a redelivery writes nothing), and counts what was stored into `run`.
    static func publish(_ predictions: [Prediction], model: RegisteredModel, jobID: String, store: Store, into run: inout PropRun)
        async throws
    {
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            let modelID: Int
            if let registered = model.id {
                modelID = registered
            } else {
                var record = model
                record.version = try await tx.models.nextVersion(name: model.name)
                modelID = try await tx.models.register(record)
            }
            var tally = PropRun()
            for var prediction in predictions {
                prediction.modelID = modelID
                prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
                try await tx.predictions.insert(prediction)
                tally.predictions += 1
                if prediction.price != nil { tally.priced += 1 }
                if prediction.pick {
                    tally.picks += 1
                    tally.pickEdgeSum += prediction.edge
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
    }
}
