import Foundation
import Jobs
import Postgres
import Store
import TestSupport
import Testing

/// Priced player props against a real PostgreSQL: `predict.props` joins each forecast with the best stored price
/// of its batter and line, publishes the side the pick policy selects with its edge, tier and stake, keeps unpriced
/// props as forecasts, and `settle` pays the picks at their price.
@Suite struct PricedPropTests {
    @Test func forecastsMeetTheBestPriceAndBecomePicksPaidAtTheirPrice() async throws {
        let store = try await CollectTestSupport.migratedStore()
        // The history of `PropJobTests`, whose Statcast names each batter.
        let (gameID, tonight) = try await PropJobTests.seedSeason(store)

        // The books: an Over at 0.5 far too long for one batter (the best of two books, the newest price of each),
        // an Under at 1.5 far too long for another, a pair with a wide margin for a third, a price after the as-of, a
        // name Statcast never gave.
        let (overBatter, underBatter, fairBatter, lateBatter) = (
            PropJobTests.batters(0)[0], PropJobTests.batters(1)[2], PropJobTests.batters(0)[4], PropJobTests.batters(1)[5]
        )
        let before = PropJobTests.now.addingTimeInterval(-3_600)
        func price(_ batter: Int, _ book: String, _ outcome: String, _ point: Double, _ price: Double, at: Date = before) -> PropPrice {
            PropPrice(
                gameID: gameID, bookmaker: book, market: "batter_hits", playerName: "Batter \(batter)", outcome: outcome, point: point,
                price: price, recordedAt: at)
        }
        try await store.propOdds.insert([
            price(overBatter, "draftkings", "over", 0.5, 9.0, at: before.addingTimeInterval(-600)),
            price(overBatter, "draftkings", "over", 0.5, 6.0),
            price(overBatter, "fanduel", "over", 0.5, 8.0),
            price(overBatter, "fanduel", "under", 0.5, 1.05),
            price(underBatter, "betmgm", "over", 1.5, 1.02),
            price(underBatter, "betmgm", "under", 1.5, 15.0),
            price(fairBatter, "draftkings", "over", 0.5, 1.05),
            price(fairBatter, "draftkings", "under", 0.5, 1.05),
            price(lateBatter, "draftkings", "over", 0.5, 50.0, at: PropJobTests.now.addingTimeInterval(60)),
            PropPrice(
                gameID: gameID, bookmaker: "draftkings", market: "batter_hits", playerName: "Nobody Known", outcome: "over", point: 0.5,
                price: 50.0, recordedAt: before),
        ])

        // With no settled priced props the model has shown nothing: its forecasts are the books' no-vig prices, and no
        // price beats those after the margin. Those forecasts are then removed, so the trusted run below predicts the same props.
        let unproven = try await PropPredictor(store: store, now: { PropJobTests.now }).run(
            PredictProps(), jobID: "props-unproven", logger: PropJobTests.logger)
        #expect(unproven.anchorWeight == 0 && unproven.anchorHistory == 0 && unproven.priced == 3 && unproven.picks == 0)
        for prop in try await store.predictions.pending(gameID: gameID) where prop.price != nil {
            let market = try #require(prop.componentProbabilities[PropComponent.marketOver])
            let over = prop.selection.hasSuffix("hits_over") ? prop.probability : 1 - prop.probability
            #expect(abs(over - market) < 1e-9 && !prop.pick && prop.stake == 0)
            #expect(prop.componentProbabilities[PropComponent.anchorWeight] == 0, "the weight is recorded for readers")
        }
        _ = try await store.query("DELETE FROM predictions WHERE game_id = \(gameID)")

        // Trusted (weight 1, as settled props that showed skill would fit it), the model's own probabilities meet the prices.
        let run = try await PropPredictor(store: store, now: { PropJobTests.now }, anchorWeight: 1).run(
            PredictProps(), jobID: "props", logger: PropJobTests.logger)
        #expect(run.predictions == 36 && run.priced == 3 && run.picks == 2)
        let stored = try await store.predictions.pending(gameID: gameID)
        #expect(stored.count == 36)
        func prediction(_ batter: Int, _ line: Double) throws -> Prediction {
            try #require(stored.first { BatterHitsProp(selection: $0.selection)?.batterID == batter && $0.line == line })
        }

        let over = try prediction(overBatter, 0.5)
        #expect(over.pick && over.selection == "batter:\(overBatter):hits_over" && over.price == 8.0 && over.bookmaker == "fanduel")
        let expectedHits = try #require(over.componentProbabilities["expected_hits"])
        #expect(abs(over.probability - PoissonThreshold.probabilityOver(0.5, mean: expectedHits)) < 1e-12)
        #expect(abs(over.edge - (over.probability - 1 / 8.0)) < 1e-12)
        let sides = [
            PickSelector.Side(selection: over.selection, probability: over.probability, price: 8.0, bookmaker: "fanduel"),
            PickSelector.Side(
                selection: "batter:\(overBatter):hits_under", probability: 1 - over.probability, price: 1.05, bookmaker: "fanduel"),
        ]
        let expected = try #require(PickSelector.standard.pick(sides))
        #expect(over.tier == expected.tier && over.stake == expected.stake && over.stake > 0)
        #expect(over.predictionHash == PredictionFingerprint.hash(of: over) && over.hashVersion == PredictionFingerprint.currentVersion)

        let under = try prediction(underBatter, 1.5)
        #expect(under.pick && under.selection == "batter:\(underBatter):hits_under" && under.price == 15.0 && under.bookmaker == "betmgm")
        let underMean = try #require(under.componentProbabilities["expected_hits"])
        #expect(abs(under.probability - (1 - PoissonThreshold.probabilityOver(1.5, mean: underMean))) < 1e-12)
        #expect(under.stake > 0 && under.edge > 0.5)

        // Priced, but neither side clears the policy at a 90 % margin: a forecast on the Over at its price, no stake.
        let fair = try prediction(fairBatter, 0.5)
        #expect(!fair.pick && fair.selection == "batter:\(fairBatter):hits_over" && fair.price == 1.05 && fair.stake == 0)
        // Unpriced: as before prices were collected.
        for unpriced in [try prediction(lateBatter, 0.5), try prediction(overBatter, 1.5)] {
            #expect(!unpriced.pick && unpriced.price == nil && unpriced.edge == 0 && unpriced.tier == .d && unpriced.stake == 0)
        }
        // A later run finds every batter and line done, whichever side was stored.
        let again = try await PropPredictor(store: store, now: { PropJobTests.now }, anchorWeight: 1).run(
            PredictProps(), jobID: "props-2", logger: PropJobTests.logger)
        #expect(again.predictions == 0 && again.alreadyPredicted == 36)

        // Settlement pays the picks at their price and stake; the forecasts earn nothing.
        _ = try await store.games.updateResult(id: gameID, status: .final, homeScore: 5, awayScore: 4)
        try await store.statcast.upsert(
            PropJobTests.pitches(
                gameID: gameID, gamePK: 20_000, start: tonight, day: PropJobTests.pastDays,
                batters: PropJobTests.batters(0) + PropJobTests.batters(1), pitcher: 1))
        let settler = PredictionSettler(store: store, now: { tonight.addingTimeInterval(5 * 3_600) })
        let settled = try #require(
            try await settler.settle(SettlePredictions(sport: "mlb"), jobID: "settle", logger: PropJobTests.logger)["mlb"])
        #expect(settled.wins + settled.losses == 36)
        var expectedProfit = 0.0
        let graded = try await store.predictions.predictions(
            sport: "mlb", from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(86_400)
        ).filter { $0.gameID == gameID }
        #expect(graded.count == 36 && graded.filter(\.pick).count == 2)
        for prediction in graded {
            let prop = try #require(BatterHitsProp(selection: prediction.selection))
            let hits = PropJobTests.hits(batter: prop.batterID, day: PropJobTests.pastDays)
            let won = prop.side == .over ? Double(hits) > prediction.line! : Double(hits) < prediction.line!
            #expect(prediction.result == (won ? .win : .loss))
            let profit = prediction.pick ? (won ? prediction.stake * (prediction.price! - 1) : -prediction.stake) : 0
            #expect(abs((prediction.profit ?? .nan) - profit) < 1e-9)
            expectedProfit += profit
        }
        // The priced picks count in the bets' ROI; the forecasts do not.
        let performance = try await store.predictions.performance(
            sport: "mlb", from: tonight.addingTimeInterval(-86_400), to: tonight.addingTimeInterval(86_400))
        let all = try #require(performance.first { $0.betType == nil && $0.tier == nil })
        #expect(all.wins + all.losses == 2 && abs(all.profit - expectedProfit) < 1e-9)
        await store.shutdown()
    }
}
