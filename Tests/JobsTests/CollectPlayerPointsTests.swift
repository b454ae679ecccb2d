import Foundation
import Jobs
import Postgres
import Queue
import Sandbox
import SandboxSupport
import Store
import Testing

/// NBA player points against the sandbox and a real PostgreSQL: `collect.summaries` stores each final game's box
/// score once (`player_game_points`), and `collect.prop_odds` stores every book's `player_points` prices.
@Suite struct CollectPlayerPointsTests {
    /// Runs `body` with a migrated store holding the sandbox's NBA games of `dates`, a summaries collector, and the
    /// number of those games that are final (at least one).
    static func withFinalGames(
        _ dates: [String], isBackfill: Bool = false,
        _ body: @Sendable (Store, SummariesCollector, Int) async throws -> Void
    ) async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox, sports: ["nba"])
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            let games = GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
            _ = try await games.collect(
                CollectGames(sport: "nba", dates: dates, isBackfill: isBackfill), jobID: "g", logger: CollectTestSupport.logger)
            let finals = try await CollectTestSupport.count(store, "games", where: "status = 'final' AND sport = 'nba'")
            #expect(finals > 0)
            try await body(store, SummariesCollector(client: espn, store: store, now: configuration.now), finals)
        }
        await store.shutdown()
    }

    @Test func finalGamesBoxScoresAreStoredOnce() async throws {
        try await Self.withFinalGames(["20260508", "20260509"]) { store, summaries, finals in
            let logger = CollectTestSupport.logger

            let first = try await summaries.collect(CollectSummaries(sport: "nba"), jobID: "s1", logger: logger)
            #expect(first.applied && first.summariesWritten == finals)
            // Nine rotation players a team, two teams a game, sat-out players included (marked).
            #expect(first.playerPointsWritten == finals * 2 * SandboxWorld.rotationSize)
            #expect(try await CollectTestSupport.count(store, "player_game_points") == first.playerPointsWritten)
            // Each team's players' points add up to its final score.
            let mismatches = try await store.query(
                PostgresQuery(
                    """
                    SELECT count(*) AS n FROM games g
                    WHERE g.sport = 'nba' AND g.status = 'final' AND (
                        g.home_score <> (SELECT coalesce(sum(points), 0) FROM player_game_points p WHERE p.game_id = g.id AND p.team_id = g.home_team_id)
                        OR g.away_score <> (SELECT coalesce(sum(points), 0) FROM player_game_points p WHERE p.game_id = g.id AND p.team_id = g.away_team_id))
                    """)
            ).first?.decode(Int.self, "n")
            #expect(mismatches == 0)
            #expect(try await CollectTestSupport.count(store, "player_game_points", where: "did_not_play AND points IS NOT NULL") == 0)

            // A redelivery writes nothing; the same box scores fetched again add nothing.
            let redelivered = try await summaries.collect(CollectSummaries(sport: "nba"), jobID: "s1", logger: logger)
            #expect(!redelivered.applied)
            let ids = try await store.query(PostgresQuery("SELECT id FROM games WHERE status = 'final' AND sport = 'nba' ORDER BY id"))
                .map { try $0.decode(Int.self, "id") }
            let refetched = try await summaries.collect(CollectSummaries(sport: "nba", gameIDs: ids), jobID: "s2", logger: logger)
            #expect(refetched.applied && refetched.playerPointsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "player_game_points") == first.playerPointsWritten)
        }
    }

    @Test func aBackfillStoresTheBoxScoresOfEarlierDays() async throws {
        try await Self.withFinalGames(["20260420", "20260421"], isBackfill: true) { store, summaries, finals in
            let logger = CollectTestSupport.logger
            // Weeks old: the daily run (the last 30 hours) finds none of them; the backfill's days find them all.
            let recent = try await summaries.collect(CollectSummaries(sport: "nba"), jobID: "recent", logger: logger)
            #expect(recent.games == 0)
            let backfill = try await summaries.collect(
                CollectSummaries(sport: "nba", from: "2026-04-20", to: "2026-04-21"), jobID: "backfill", logger: logger)
            #expect(backfill.summariesWritten == finals && backfill.playerPointsWritten == finals * 2 * SandboxWorld.rotationSize)
        }
    }

    @Test func aBackfillNamesItsDaysInOrder() {
        #expect(throws: Never.self) { try CollectSummaries(sport: "nba", from: "2026-04-01", to: "2026-04-30").validate() }
        for bad in [
            CollectSummaries(sport: "nba", from: "2026-04-01"), CollectSummaries(sport: "nba", from: "2026-04-30", to: "2026-04-01"),
            CollectSummaries(sport: "nba", from: "2026-03-01", to: "2026-04-30"), CollectSummaries(sport: "nba", from: "April", to: "May"),
            CollectSummaries(sport: "nba", gameIDs: [1], from: "2026-04-01", to: "2026-04-02"),
        ] {
            #expect(throws: QueueError.self) { try bad.validate() }
        }
    }

    @Test func playerPointsPricesAreCollectedForNBAEvents() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox, sports: ["nba"])
            let upstream = UpstreamClient()
            let logger = CollectTestSupport.logger
            _ = try await GamesCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectGames(sport: "nba", dates: ["20260509", "20260510"]), jobID: "games", logger: logger)
            _ = try await OddsCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectOdds(sport: "nba", includeScores: false), jobID: "odds", logger: logger)
            let now = sandbox.clock.now
            let upcoming = sandbox.world.games(.nba, startingIn: now..<now.addingTimeInterval(24 * 3600))
            #expect(!upcoming.isEmpty)
            let collector = PropOddsCollector(configuration: configuration, store: store, upstream: upstream)
            let first = try await collector.collect(CollectPropOdds(), jobID: "props-1", logger: logger)
            #expect(first.applied && first.events == upcoming.count && first.newPayloads == upcoming.count)
            // Five US books × 18 players × Over and Under at one line.
            #expect(first.pricesWritten == upcoming.count * 5 * 18 * 2)
            #expect(try await CollectTestSupport.count(store, "prop_odds", where: "market = 'player_points'") == first.pricesWritten)
            let again = try await collector.collect(CollectPropOdds(), jobID: "props-2", logger: logger)
            #expect(again.newPayloads == 0 && again.pricesWritten == 0)
        }
        await store.shutdown()
    }
}
