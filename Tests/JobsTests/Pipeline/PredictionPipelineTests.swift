import Foundation
import Jobs
import Postgres
import Queue
import Redis
import Sandbox
import SandboxSupport
import Store
import TestSupport
import Testing

/// The prediction pipeline end to end on a simulated season, through the real queue, worker, PostgreSQL and
/// sandbox: backfill → featurize → train.automl + train.stack → calibrate (report, promotion) → predict (forecasts,
/// picks, hashes) → closing.capture → settle (results, CLV of picks, daily report).
@Suite(.serialized, .timeLimit(.minutes(15))) struct PredictionPipelineTests {
    /// A Sunday of the NFL and NHL seasons at noon Eastern: 2026-12-13, NFL week 14, with 13 weeks behind it.
    static let decemberSunday = Date(timeIntervalSince1970: 1_797_181_200)

    /// NBA on two months; the EPL (three-way moneyline, ten games a week) on five, with six weeks held out, for as
    /// many games to learn from and to calibrate on; the NFL (weekly, weather outdoors) on its season so far, three
    /// weeks held out; the NHL (puck line ±1.5, overtime) on two months of its season.
    @Test(arguments: [
        ("nba", CollectTestSupport.noonEastern, 60, 12, 200), ("epl", CollectTestSupport.noonEastern, 150, 42, 100),
        ("nfl", Self.decemberSunday, 95, 21, 100), ("nhl", Self.decemberSunday, 60, 12, 200),
    ])
    func aSimulatedSeasonIsTrainedPredictedAndSettled(sport: String, start: Date, days: Int, validationDays: Int, minimumRows: Double)
        async throws
    {
        let store = try await CollectTestSupport.migratedStore()
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        let queueName = TestServers.uniqueName().lowercased()
        try await CollectTestSupport.sandbox(start: start).withRunning { sandbox in
            let clock = sandbox.clock
            try await PipelineWorker.withRunning(
                sport: sport, promotion: .automatic, sandbox: sandbox, store: store, redis: redis, queueName: queueName,
                label: "pipeline-test"
            ) { pipeline in

                // Two months of history, a small search, and thresholds every model passes, so all three bet
                // types get a champion to predict with (the seed's thresholds are tested on their own).
                try await pipeline.bootstrap(sport: sport, days: days, validationWindowDays: validationDays)

                for betType in [BetType.spread, .moneyline, .total] {
                    let champion = try #require(try await store.models.champion(sport: sport, betType: betType, publication: .gameDay))
                    #expect(champion.name == "\(sport)_\(betType.rawValue)_meta")
                    #expect(champion.metrics["rows_fit"] ?? 0 > minimumRows)
                    let html = try #require(try await store.modelReports.report(modelID: champion.id!))
                    #expect(html.contains("Reliability diagram") && html.contains("<svg"))
                    #expect(try await store.modelReports.events(modelID: champion.id!).first?.kind == .promoted)
                    #expect(try await store.models.latest(name: "\(sport)_\(betType.rawValue)_automl")?.metrics["training_seconds"] != nil)
                    // A three-way moneyline's report says how its draw share did against the market's, kept or not.
                    if CollectedSport.hasDraw(sport) && betType == .moneyline {
                        #expect(html.contains("Draw share (three-way moneyline)") && html.contains("draw share"))
                        #expect(html.contains("not kept") || html.contains("kept, forecasts divide the rest by the learned share"))
                        #expect(champion.metrics["draw_kept"] != nil && champion.metrics["draw_rows_evaluation"] ?? 0 > 0)
                    } else {
                        #expect(!html.contains("Draw share") && champion.metrics["draw_kept"] == nil)
                    }
                }

                // Tonight's games: current odds, features as of now (a few minutes after the odds they read), predictions.
                let tonight = try await pipeline.collectAndFeaturize(sport: sport, store: store)
                try #require(tonight.count >= 2)
                // A game whose features are incomplete is skipped; the others are still predicted.
                let incomplete = try #require(tonight.last?.id)
                _ = try await store.query("UPDATE game_features SET completeness = 0.5 WHERE game_id = \(incomplete)")
                // A user who wants every pick of the sport hears of each one the run makes.
                let subscriber = try #require(try await store.users.create(User(email: "\(queueName)@example.com", passwordHash: "unused")).id)
                _ = try await store.alerts.add(AlertRule(userID: subscriber, sport: sport, betType: nil, minimumTier: .d))
                try await pipeline.run([try JobRequest(Predict(sport: sport, horizonHours: 12))])
                #expect(try await store.predictions.pending(gameID: incomplete).isEmpty)
                var predictions: [Prediction] = []
                for game in tonight { predictions += try await store.predictions.pending(gameID: game.id!) }
                #expect(Set(predictions.map(\.betType)) == [.spread, .moneyline, .total])
                // One forecast per game and market, published at open, never both sides.
                #expect(predictions.count <= (tonight.count - 1) * 3)
                #expect(Set(predictions.map { "\($0.gameID)/\($0.betType)" }).count == predictions.count)
                let alerts = try await store.alerts.alerts(userID: subscriber, unread: true, limit: 100, offset: 0).alerts
                #expect(Set(alerts.map(\.pick.predictionID)) == Set(predictions.filter(\.pick).compactMap(\.id)))
                for prediction in predictions {
                    #expect(PredictionFingerprint.hash(of: prediction) == prediction.predictionHash)
                    #expect(prediction.publication == .open && prediction.publishedAt != nil && prediction.hashVersion == 2)
                    #expect(prediction.stake >= 0 && prediction.stake <= 0.05)
                    #expect(prediction.pick == (prediction.stake > 0))
                    if let price = prediction.price { #expect(abs(prediction.edge - (prediction.probability - 1 / price)) < 1e-9) }
                    #expect(prediction.componentProbabilities.keys.sorted() == ["automl", "stack", "voting"])
                }
                // A publication is made once: a second run adds no open row and rewrites none (it may add the
                // game-day publication, if the world's clock is past 10:00 Eastern).
                try await pipeline.run([try JobRequest(Predict(sport: sport, horizonHours: 12))])
                var again: [Prediction] = []
                for game in tonight { again += try await store.predictions.pending(gameID: game.id!) }
                #expect(again.filter { $0.publication == .open } == predictions)
                #expect(again.allSatisfy { $0.publication == .open || $0.publication == .gameDay })

                // The skipped game's features repaired, a run on demand for it alone publishes it and nothing else.
                _ = try await store.query("UPDATE game_features SET completeness = 1 WHERE game_id = \(incomplete)")
                let onDemand = try await pipeline.run([try JobRequest(Predict(sport: sport, horizonHours: 12, gameIDs: [incomplete]))])
                let runs = try JSONDecoder().decode([PredictionRun].self, from: Data((onDemand.first?.result ?? "").utf8))
                #expect(runs.map(\.alreadyPredicted) == [0], "the other games, all published, were not even looked at")
                #expect(!(try await store.predictions.pending(gameID: incomplete).isEmpty))
                var afterRepair: [Prediction] = []
                for game in tonight where game.id != incomplete { afterRepair += try await store.predictions.pending(gameID: game.id!) }
                #expect(afterRepair == again)

                // The next morning: scores, closing lines, settlement.
                clock.advance(by: 20 * 3_600)
                try await pipeline.run([try JobRequest(CollectGames(sport: sport)), try JobRequest(CaptureClosingLines(sport: sport, lookbackHours: 24))])
                try await pipeline.run([try JobRequest(SettlePredictions(sport: sport))])
                var settled: [Prediction] = []
                for prediction in predictions { settled.append(try #require(try await store.predictions.find(id: prediction.id!))) }
                #expect(settled.allSatisfy { $0.status == .settled && $0.result != nil && $0.profit != nil })
                // CLV and profit are for picks; a forecast that is not a pick is graded but not staked.
                #expect(settled.filter(\.pick).allSatisfy { $0.clv != nil })
                #expect(settled.filter { !$0.pick }.allSatisfy { $0.clv == nil && $0.profit == 0 })
            }
        }
        redis.close()
        await store.shutdown()
    }
}
