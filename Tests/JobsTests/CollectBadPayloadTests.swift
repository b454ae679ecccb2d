import Foundation
import Jobs
import Sandbox
import SandboxSupport
import Store
import Testing

/// Bad upstream answers fail with errors that say what broke, keep the raw bytes for investigation, and
/// write nothing curated.
@Suite struct CollectBadPayloadTests {
    @Test func truncatedOddsFailAndWriteNothingCurated() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox async throws in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            _ = try await GamesCollector(
                client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, venues: configuration.venues,
                now: configuration.now
            ).collect(CollectGames(sport: "nba", dates: ["20260509"]), jobID: "games", logger: CollectTestSupport.logger)
            let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
            sandbox.faults.inject(.truncatedBody, pathPrefix: "/v4/sports/basketball_nba/odds")
            let truncated = await #expect(throws: CollectorError.self) {
                try await odds.collect(CollectOdds(sport: "nba"), jobID: "odds-1", logger: CollectTestSupport.logger)
            }
            #expect(truncated?.code == .invalidPayload && truncated?.isPermanent == false)
            #expect(truncated?.message.contains("bytes") == true)
            sandbox.faults.clear()
            sandbox.faults.inject(.wrongTypes, pathPrefix: "/v4/sports/basketball_nba/odds")
            let retyped = await #expect(throws: CollectorError.self) {
                try await odds.collect(CollectOdds(sport: "nba"), jobID: "odds-2", logger: CollectTestSupport.logger)
            }
            #expect(retyped?.code == .invalidPayload)
            #expect(retyped?.message.contains("should be") == true)
            #expect(try await CollectTestSupport.count(store, "odds") == 0)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "endpoint LIKE '/v4/sports/basketball_nba/odds%'") == 2)
            #expect(try await !store.hasJobEffect(jobID: "odds-1"))

            // Once upstream is healthy again, the same job id (a retry) applies.
            sandbox.faults.clear()
            let retried = try await odds.collect(CollectOdds(sport: "nba"), jobID: "odds-1", logger: CollectTestSupport.logger)
            #expect(retried.applied && retried.snapshotsWritten > 0)
        }
        await store.shutdown()
    }

    @Test func aScoreboardWithWrongTypesWritesNoGames() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox async throws in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let games = GamesCollector(
                client: ESPNClient(configuration: configuration.espn, upstream: UpstreamClient()), store: store,
                venues: configuration.venues,
                now: configuration.now)
            sandbox.faults.inject(.wrongTypes, pathPrefix: "/apis/site/v2/sports/baseball/mlb/scoreboard")
            let error = await #expect(throws: CollectorError.self) {
                try await games.collect(CollectGames(sport: "mlb", dates: ["20260508"]), jobID: "games", logger: CollectTestSupport.logger)
            }
            #expect(error?.code == .invalidPayload && error?.source == "espn")
            #expect(try await CollectTestSupport.count(store, "games") == 0)
            #expect(try await CollectTestSupport.count(store, "teams") == 0)
            sandbox.faults.clear()
            sandbox.faults.inject(.status(400), pathPrefix: "/apis/site/v2/sports/baseball/mlb/scoreboard")
            let refused = await #expect(throws: CollectorError.self) {
                try await games.collect(CollectGames(sport: "mlb", dates: ["20260508"]), jobID: "games", logger: CollectTestSupport.logger)
            }
            #expect(refused?.code == .requestRejected && refused?.isPermanent == true)
        }
        await store.shutdown()
    }

    @Test func aRefusedKeyStopsOddsCollectionAndRateLimitsAreRetryable() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox async throws in
            let configuration = CollectorConfiguration.sandbox(sandbox, apiKey: "revoked")
            let odds = OddsCollector(configuration: configuration, store: store, upstream: UpstreamClient())
            let refused = await #expect(throws: CollectorError.self) {
                try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds", logger: CollectTestSupport.logger)
            }
            #expect(refused?.code == .invalidCredentials && refused?.isPermanent == true)
            sandbox.faults.inject(.status(429), pathPrefix: "/v4/sports/baseball_mlb/odds")
            let good = OddsCollector(
                client: OddsAPIClient(configuration: CollectorConfiguration.sandbox(sandbox).oddsAPI, upstream: UpstreamClient()),
                store: store,
                teamNames: configuration.teamNames, now: configuration.now)
            let limited = await #expect(throws: CollectorError.self) {
                try await good.collect(CollectOdds(sport: "mlb"), jobID: "odds", logger: CollectTestSupport.logger)
            }
            #expect(limited?.code == .rateLimited && limited?.isPermanent == false)
            #expect(try await CollectTestSupport.count(store, "raw_ingest") == 0)
        }
        await store.shutdown()
    }
}
