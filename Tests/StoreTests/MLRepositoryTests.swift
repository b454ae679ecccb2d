import Essentials
import Foundation
import Postgres
import Store
import Testing

@Suite struct MLRepositoryTests {
    @Test func featureSetsArePointInTime() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let dayBefore = GameFeatureSet(
            gameID: game, featureSetVersion: "v1", asOf: Fixtures.start.addingTimeInterval(-86_400),
            features: ["form_avg_margin_last5": 3.2], completeness: 0.5)
        let hourBefore = GameFeatureSet(
            gameID: game, featureSetVersion: "v1", asOf: Fixtures.start.addingTimeInterval(-3600),
            features: ["form_avg_margin_last5": 4.0, "rest_days_home": 2], completeness: 1)
        let after = GameFeatureSet(
            gameID: game, featureSetVersion: "v1", asOf: Fixtures.start.addingTimeInterval(3600), features: ["leak": 1], completeness: 1)
        for set in [dayBefore, hourBefore, after] { try await store.gameFeatures.upsert(set) }

        #expect(
            try await store.gameFeatures.featureSet(gameID: game, featureSetVersion: "v1", asOf: Fixtures.start.addingTimeInterval(-7200))
                == dayBefore)
        #expect(try await store.gameFeatures.featureSet(gameID: game, featureSetVersion: "v2", asOf: Fixtures.start) == nil)
        let training = try await store.gameFeatures.trainingSets(
            sport: "nba", featureSetVersion: "v1", from: Fixtures.start.addingTimeInterval(-1), to: Fixtures.start.addingTimeInterval(1))
        #expect(training == [hourBefore])
        // At the open, a game's row is its first set with the market's line: not one computed before any price, and not the
        // latest before the start, which is game day's.
        let beforeOpen = GameFeatureSet(
            gameID: game, featureSetVersion: "v1", asOf: Fixtures.start.addingTimeInterval(-40 * 3600),
            features: ["form_avg_margin_last5": 3.0], completeness: 0.5)
        let atOpen = GameFeatureSet(
            gameID: game, featureSetVersion: "v1", asOf: Fixtures.start.addingTimeInterval(-30 * 3600),
            features: ["form_avg_margin_last5": 3.0, "line_homewinprob_current": 0.55], completeness: 1)
        for set in [beforeOpen, atOpen] { try await store.gameFeatures.upsert(set) }
        let window = (from: Fixtures.start.addingTimeInterval(-1), to: Fixtures.start.addingTimeInterval(1))
        #expect(try await store.gameFeatures.trainingSets(sport: "nba", featureSetVersion: "v1", from: window.from, to: window.to) == [hourBefore])
        #expect(
            try await store.gameFeatures.trainingSets(
                sport: "nba", featureSetVersion: "v1", from: window.from, to: window.to, publication: .open) == [atOpen])
        await store.shutdown()
    }

    @Test func promotionKeepsOneChampion() async throws {
        let store = try await Fixtures.store()
        let first = try await Fixtures.model(in: store, version: 1)
        let second = try await Fixtures.model(in: store, version: 2)
        #expect(try await store.models.find(id: first)?.status == .challenger)
        #expect(try await store.models.promote(id: first))
        #expect(try await store.models.champion(sport: "nba", betType: .spread, publication: .gameDay)?.id == first)
        #expect(try await store.models.promote(id: second))
        #expect(try await store.models.champion(sport: "nba", betType: .spread, publication: .gameDay)?.id == second)
        #expect(try await store.models.find(id: first)?.status == .retired)
        #expect(!(try await store.models.promote(id: 9999)))
        #expect(try await store.models.models(sport: "nba", betType: .spread).map(\.id) == [second, first])
        await store.shutdown()
    }

    @Test func modelRoundTripsMetricsAndHyperparameters() async throws {
        let store = try await Fixtures.store()
        let model = RegisteredModel(
            name: "nba_total_gbm", version: 3, sport: "nba", betType: .total, publication: .gameDay, featureSetVersion: "v2",
            trainingStart: Fixtures.start.addingTimeInterval(-86_400 * 30), trainingEnd: Fixtures.start,
            hyperparameters: [
                "max_depth": .number(6), "distribution": .string("bernoulli"), "stack": .array([.string("gbm"), .string("glm")]),
            ],
            metrics: ["accuracy": 0.57, "auc": 0.61, "brier": 0.238], artifact: Data(repeating: 7, count: 4096))
        let id = try await store.models.register(model)
        let stored = try #require(try await store.models.find(id: id))
        #expect(stored.hyperparameters == model.hyperparameters)
        #expect(stored.metrics == model.metrics)
        #expect(stored.artifact == model.artifact)
        #expect(stored.createdAt != nil)
        await store.shutdown()
    }

    @Test func predictionsInsertIdempotentlyAndSettle() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let model = try await Fixtures.model(in: store)
        let prediction = Prediction(
            gameID: game, modelID: model, sport: "nba", betType: .spread, selection: "home", line: -3.5, probability: 0.58,
            componentProbabilities: ["h2o": 0.57, "autogluon": 0.59], price: 1.91, edge: 0.056, tier: .b, stake: 0.012,
            predictionHash: String(repeating: "ab", count: 32))
        let id = try #require(try await store.predictions.insert(prediction))
        #expect(try await store.predictions.insert(prediction) == id)
        #expect(try await store.predictions.pending(gameID: game).map(\.id) == [id])
        #expect(
            try await store.predictions.find(hash: prediction.predictionHash)?.componentProbabilities == ["h2o": 0.57, "autogluon": 0.59])
        let recent = try await store.predictions.predictions(
            sport: "nba", from: Date().addingTimeInterval(-3600), to: Date().addingTimeInterval(3600), tier: .b)
        #expect(recent.map(\.id) == [id])
        #expect(
            try await store.predictions.predictions(sport: "nba", from: .distantPast, to: Date().addingTimeInterval(3600), tier: .a).isEmpty
        )

        let settlement = PredictionSettlement(result: .win, closingPrice: 1.83, clv: 0.043, profit: 0.0109)
        #expect(try await store.predictions.settle(id: id, settlement))
        #expect(!(try await store.predictions.settle(id: id, settlement)))
        let settled = try #require(try await store.predictions.find(id: id))
        #expect(settled.status == .settled && settled.result == .win && settled.clv == 0.043 && settled.settledAt != nil)
        #expect(try await store.predictions.pending(gameID: game).isEmpty)
        await store.shutdown()
    }

    @Test func outOfRangeProbabilityIsRefused() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let model = try await Fixtures.model(in: store)
        let error = try await #require(throws: StoreError.self) {
            try await store.predictions.insert(
                Prediction(
                    gameID: game, modelID: model, sport: "nba", betType: .total, selection: "over", probability: 1.5,
                    edge: 0, tier: .d, stake: 0, predictionHash: String(repeating: "0", count: 64)))
        }
        #expect(error.sqlState == "23514")
        await store.shutdown()
    }
}
