import Essentials
import Foundation
import Jobs
import Sandbox
import SandboxSupport
import Store
import Testing

/// `quality.check` fires on bad data and records every result once per job.
@Suite struct QualityCheckTests {
    @Test func missingOddsAndThinFeaturesFailTheirRules() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            _ = try await GamesCollector(
                client: ESPNClient(configuration: configuration.espn, upstream: UpstreamClient()), store: store,
                venues: configuration.venues,
                now: configuration.now
            ).collect(CollectGames(sport: "nba", dates: ["20260509"]), jobID: "games", logger: CollectTestSupport.logger)
            let quality = QualityChecker(store: store, now: configuration.now)
            let upcoming = try await store.games.games(
                sport: "nba", from: sandbox.clock.now, to: sandbox.clock.now.addingTimeInterval(86_400))
            try await store.gameFeatures.upsert(
                GameFeatureSet(
                    gameID: upcoming[0].id!, featureSetVersion: "v1", asOf: sandbox.clock.now.addingTimeInterval(-60),
                    features: ["form_avg_margin_last5": 2],
                    completeness: 0.9))

            let results = try await quality.run(QualityCheck(sport: "nba"), jobID: "quality-1", logger: CollectTestSupport.logger)
            #expect(
                results == [
                    "odds_completeness": "fail", "odds_freshness": "fail", "score_consistency": "pass", "feature_completeness": "fail",
                ])
            let completeness = try #require(try await store.dataQualityChecks.latest(checkName: "odds_completeness", sport: "nba"))
            #expect(completeness.observedValue == 0 && completeness.threshold == 0.9 && completeness.action == .alert)
            let features = try #require(try await store.dataQualityChecks.latest(checkName: "feature_completeness", sport: "nba"))
            // The only featured game is below the bar: the sport is blocked (one game of several would only alert,
            // predict skipping that game itself).
            #expect(features.observedValue == 0.9 && features.action == .blockPredictions)
            #expect(try await store.dataQualityChecks.isPredictionBlocked(sport: "nba"))
            #expect(try await CollectTestSupport.count(store, "data_quality_checks") == 4)

            // A redelivered job records nothing; with odds collected a new run passes.
            #expect(try await quality.run(QualityCheck(sport: "nba"), jobID: "quality-1", logger: CollectTestSupport.logger).isEmpty)
            #expect(try await CollectTestSupport.count(store, "data_quality_checks") == 4)
            _ = try await OddsCollector(
                client: OddsAPIClient(configuration: configuration.oddsAPI, upstream: UpstreamClient()), store: store,
                teamNames: configuration.teamNames, now: configuration.now
            ).collect(CollectOdds(sport: "nba"), jobID: "odds", logger: CollectTestSupport.logger)
            let after = try await quality.run(QualityCheck(sport: "nba"), jobID: "quality-2", logger: CollectTestSupport.logger)
            #expect(after["odds_completeness"] == "pass" && after["odds_freshness"] == "pass")
        }
        await store.shutdown()
    }

    @Test func oneThinGameOfSeveralAlertsWithoutBlockingTheSport() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            _ = try await GamesCollector(
                client: ESPNClient(configuration: configuration.espn, upstream: UpstreamClient()), store: store,
                venues: configuration.venues, now: configuration.now
            ).collect(CollectGames(sport: "nba", dates: ["20260509"]), jobID: "games", logger: CollectTestSupport.logger)
            let upcoming = try await store.games.games(
                sport: "nba", from: sandbox.clock.now, to: sandbox.clock.now.addingTimeInterval(86_400))
            try #require(upcoming.count >= 2)
            for (game, completeness) in zip(upcoming, [0.9, 1.0]) {
                try await store.gameFeatures.upsert(
                    GameFeatureSet(
                        gameID: game.id!, featureSetVersion: FeatureCatalog.version, asOf: sandbox.clock.now.addingTimeInterval(-60),
                        features: ["team_elo_home": 1500], completeness: completeness))
            }
            let results = try await QualityChecker(store: store, now: configuration.now)
                .run(QualityCheck(sport: "nba"), jobID: "quality", logger: CollectTestSupport.logger)
            #expect(results["feature_completeness"] == "fail")
            let features = try #require(try await store.dataQualityChecks.latest(checkName: "feature_completeness", sport: "nba"))
            #expect(features.action == .alert && features.details["games_below"] == .array([.number(Double(upcoming[0].id!))]))
            #expect(try await !store.dataQualityChecks.isPredictionBlocked(sport: "nba"))
        }
        await store.shutdown()
    }
}
