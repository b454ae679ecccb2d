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

/// Promotion review end to end on a simulated season, through the real queue, worker, PostgreSQL and sandbox, with
/// auto-approve off: `calibrate` leaves each passing model in shadow with a pending request and no champion;
/// `predict` publishes nothing but stores the shadows' forecasts; an approval makes one champion, which `predict`
/// then publishes with; `settle` grades the shadow forecasts.
@Suite(.serialized, .timeLimit(.minutes(15))) struct PromotionReviewPipelineTests {
    @Test func withoutAutoApproveModelsWaitInShadowUntilApproved() async throws {
        let sport = "nba"
        let store = try await CollectTestSupport.migratedStore()
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        let queueName = TestServers.uniqueName().lowercased()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let clock = sandbox.clock
            try await PipelineWorker.withRunning(
                sport: sport, promotion: .reviewed, sandbox: sandbox, store: store, redis: redis, queueName: queueName,
                label: "promotion-pipeline-test"
            ) { pipeline in

                // Thresholds every model passes, as in the pipeline test: each bet type gets a model to review.
                try await pipeline.bootstrap(sport: sport, days: 60, validationWindowDays: 12)
                var shadows: [BetType: Int] = [:]
                for betType in [BetType.spread, .moneyline, .total] {
                    #expect(try await store.models.champion(sport: sport, betType: betType, publication: .gameDay) == nil)
                    let shadow = try #require(try await store.models.latest(name: "\(sport)_\(betType.rawValue)_meta"))
                    #expect(shadow.status == .shadow)
                    let request = try #require(try await store.promotionRequests.request(modelID: shadow.id!))
                    #expect(request.status == .pending && request.championID == nil && request.metrics["log_loss"] != nil)
                    #expect(try await store.modelReports.events(modelID: shadow.id!).first?.kind == .promotionRequested)
                    shadows[betType] = shadow.id!
                }

                // Tonight's games: without a champion nothing is published, but the shadows forecast them.
                let tonight = try await pipeline.collectAndFeaturize(sport: sport, store: store)
                try #require(tonight.count >= 2)
                try await pipeline.run([try JobRequest(Predict(sport: sport, horizonHours: 12))])
                for game in tonight { #expect(try await store.predictions.pending(gameID: game.id!).isEmpty) }
                let moneyline = try #require(shadows[.moneyline])
                let forecasts = try await store.shadowForecasts.forecasts(modelID: moneyline)
                #expect(!forecasts.isEmpty && forecasts.allSatisfy { $0.championID == nil })

                // Approved, the moneyline model is champion and publishes; the other two still only forecast in shadow.
                let request = try #require(try await store.promotionRequests.request(modelID: moneyline))
                guard case .decided = try await store.promotionRequests.approve(id: request.id, by: nil) else {
                    Issue.record("the request was not decided")
                    return
                }
                try await pipeline.run([try JobRequest(Predict(sport: sport, horizonHours: 12))])
                var published: [Prediction] = []
                for game in tonight { published += try await store.predictions.pending(gameID: game.id!) }
                #expect(!published.isEmpty && published.allSatisfy { $0.modelID == moneyline && $0.betType == .moneyline })

                // The next morning: scores, then settlement grades the shadow forecasts too.
                clock.advance(by: 20 * 3_600)
                try await pipeline.run([try JobRequest(CollectGames(sport: sport))])
                try await pipeline.run([try JobRequest(SettlePredictions(sport: sport))])
                let graded = try await store.shadowForecasts.forecasts(modelID: try #require(shadows[.spread]))
                #expect(!graded.isEmpty && graded.contains { $0.result != nil })
                #expect(try await store.shadowForecasts.comparison(modelID: shadows[.spread]!).shadow.count > 0)
            }
        }
        redis.close()
        await store.shutdown()
    }
}
