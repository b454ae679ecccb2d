import Foundation
import Jobs
import Sandbox
import SandboxSupport
import Store
import Testing

/// `collect.prop_odds` against the sandbox: the event ids `collect.odds` recorded lead to each game's
/// `batter_hits` odds, every book's Over and Under per batter and line is stored once, raw payloads are kept,
/// and a bad payload writes nothing curated.
@Suite struct CollectPropOddsTests {
    /// Games and odds of Saturday's MLB slate, which record each game's event id.
    private static func slate(_ sandbox: RunningSandbox, _ store: Store) async throws -> CollectorConfiguration {
        let configuration = CollectorConfiguration.sandbox(sandbox, sports: ["mlb"])
        let upstream = UpstreamClient()
        _ = try await GamesCollector(
            client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, venues: configuration.venues,
            now: configuration.now
        ).collect(CollectGames(sport: "mlb", dates: ["20260509", "20260510"]), jobID: "games", logger: CollectTestSupport.logger)
        _ = try await OddsCollector(configuration: configuration, store: store, upstream: upstream)
            .collect(CollectOdds(sport: "mlb", includeScores: false), jobID: "odds", logger: CollectTestSupport.logger)
        return configuration
    }

    @Test func everyBooksPricePerBatterAndLineIsStoredOnce() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = try await Self.slate(sandbox, store)
            let now = sandbox.clock.now
            let upcoming = sandbox.world.games(.mlb, startingIn: now..<now.addingTimeInterval(24 * 3600))
            #expect(try await CollectTestSupport.count(store, "odds_api_events") >= upcoming.count)
            let collector = PropOddsCollector(configuration: configuration, store: store, upstream: UpstreamClient())
            let first = try await collector.collect(CollectPropOdds(), jobID: "props-1", logger: CollectTestSupport.logger)
            #expect(first.applied && first.events == upcoming.count && first.newPayloads == upcoming.count && first.missingEvents == 0)
            // Five US books × 18 batters × 2 lines × Over and Under.
            #expect(first.pricesWritten == upcoming.count * 5 * 18 * 2 * 2)
            #expect(try await CollectTestSupport.count(store, "prop_odds") == first.pricesWritten)
            #expect(
                try await CollectTestSupport.count(store, "raw_ingest", where: "endpoint LIKE '/v4/sports/baseball_mlb/events/%'")
                    == upcoming.count)
            #expect(first.quota?.last == 1)

            // The stored prices are the sandbox's, American prices turned decimal.
            let game = try #require(upcoming.first)
            let gameID = try #require(try await store.games.find(sport: "mlb", externalID: game.espnID)?.id)
            let stored = try await store.propOdds.prices(gameID: gameID)
            let quote = try #require(sandbox.world.propQuotes(game, regions: ["us"], at: now).first { $0.bookmaker.key == "draftkings" })
            let line = quote.lines[3]
            let over = try #require(
                stored.first {
                    $0.bookmaker == "draftkings" && $0.playerName == line.player && $0.point == line.point && $0.outcome == "over"
                })
            #expect(abs(over.price - line.over) < 0.006)
            #expect(Set(stored.map(\.market)) == ["batter_hits"] && Set(stored.map(\.outcome)) == ["over", "under"])

            // The same prices read again add nothing; a redelivery writes nothing.
            let again = try await collector.collect(CollectPropOdds(), jobID: "props-2", logger: CollectTestSupport.logger)
            #expect(again.applied && again.newPayloads == 0 && again.pricesWritten == 0)
            let redelivered = try await collector.collect(CollectPropOdds(), jobID: "props-1", logger: CollectTestSupport.logger)
            #expect(!redelivered.applied)
            #expect(try await CollectTestSupport.count(store, "prop_odds") == first.pricesWritten)
        }
        await store.shutdown()
    }

    @Test func aBadPayloadIsKeptRawAndWritesNoPrices() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = try await Self.slate(sandbox, store)
            let collector = PropOddsCollector(configuration: configuration, store: store, upstream: UpstreamClient())
            sandbox.faults.inject(.wrongTypes, pathPrefix: "/v4/sports/baseball_mlb/events/")
            let error = await #expect(throws: CollectorError.self) {
                try await collector.collect(CollectPropOdds(), jobID: "props-1", logger: CollectTestSupport.logger)
            }
            #expect(error?.code == .invalidPayload && error?.isPermanent == false)
            #expect(try await CollectTestSupport.count(store, "prop_odds") == 0)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "endpoint LIKE '/v4/sports/baseball_mlb/events/%'") == 1)
            #expect(try await !store.hasJobEffect(jobID: "props-1"))
            // A price a book does not quote as a player's Over or Under fails validation too.
            sandbox.faults.clear()
            sandbox.faults.inject(
                .body(
                    #"{"id":"x","sport_key":"baseball_mlb","commence_time":"2026-05-09T23:05:00Z","home_team":"A","away_team":"B","bookmakers":[]}"#
                ),
                pathPrefix: "/v4/sports/baseball_mlb/events/")
            let mismatched = await #expect(throws: CollectorError.self) {
                try await collector.collect(CollectPropOdds(), jobID: "props-1", logger: CollectTestSupport.logger)
            }
            #expect(mismatched?.message.contains("asked for") == true)
            // Healthy again, the retry applies.
            sandbox.faults.clear()
            let retried = try await collector.collect(CollectPropOdds(), jobID: "props-1", logger: CollectTestSupport.logger)
            #expect(retried.applied && retried.pricesWritten > 0)
        }
        await store.shutdown()
    }
}
