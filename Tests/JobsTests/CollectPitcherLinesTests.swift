import Foundation
import Postgres
import Queue
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// MLB starting pitchers' box-score lines against the sandbox and a real PostgreSQL: `collect.summaries` stores each
/// final game's two starters' lines once (`pitcher_game_lines`), under the athlete ids the scoreboard announced them by.
@Suite struct CollectPitcherLinesTests {
    @Test func finalGamesStartersLinesAreStoredOnceUnderTheirAnnouncedIDs() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let logger = CollectTestSupport.logger
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox, sports: ["mlb"])
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            let games = GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
            _ = try await games.collect(CollectGames(sport: "mlb", dates: ["20260508", "20260509"]), jobID: "g", logger: logger)
            let finals = try await CollectTestSupport.count(store, "games", where: "status = 'final' AND sport = 'mlb'")
            #expect(finals > 5)
            let summaries = SummariesCollector(client: espn, store: store, now: configuration.now)

            let first = try await summaries.collect(CollectSummaries(sport: "mlb"), jobID: "s1", logger: logger)
            #expect(first.applied && first.summariesWritten == finals && first.pitcherLinesWritten == 2 * finals)
            #expect(first.playerPointsWritten == 0)
            // Each line is the pitcher the scoreboard announced for that game and team.
            let unannounced = try await CollectTestSupport.count(
                store, "pitcher_game_lines p",
                where: "NOT EXISTS (SELECT 1 FROM game_starters s WHERE s.game_id = p.game_id AND s.team_id = p.team_id AND s.athlete_id = p.athlete_id)")
            #expect(unannounced == 0)
            // Starters go 4 to 7 innings; K and BB are whole and sane.
            #expect(try await CollectTestSupport.count(store, "pitcher_game_lines", where: "outs NOT BETWEEN 12 AND 21 OR strikeouts > 20") == 0)

            // The lines are the simulated world's, column for column.
            let world = SandboxWorld(seed: 42)
            let stored = try await store.featureSources.pitcherLines(sport: "mlb", asOf: Date.distantFuture)
            #expect(stored.count == 2 * finals)
            let gameRows = try await store.query(PostgresQuery("SELECT id, external_id FROM games WHERE sport = 'mlb'"))
            let external = Dictionary(uniqueKeysWithValues: try gameRows.map { (try $0.decode(Int.self, "id"), try $0.decode(String.self, "external_id")) })
            let day = Date(timeIntervalSince1970: 1_778_198_400)..<Date(timeIntervalSince1970: 1_778_457_600)  // 2026-05-08 and 09 UTC, with the nights after.
            let simulated = Dictionary(world.games(.mlb, startingIn: day).map { ($0.espnID, $0) }, uniquingKeysWith: { first, _ in first })
            for line in stored {
                let game = try #require(simulated[external[line.gameID] ?? ""])
                let starters = try #require(game.starters)
                let pitcher = try #require([starters.home, starters.away].first { $0.id == line.athleteID })
                let expected = world.startLine(of: pitcher, in: game)
                #expect(line.outs == expected.outs && line.strikeouts == expected.strikeouts && line.walks == expected.walks)
                #expect(line.earnedRuns == expected.earnedRuns)
            }

            // A redelivery writes nothing; the same box scores fetched again add nothing.
            #expect(try await !summaries.collect(CollectSummaries(sport: "mlb"), jobID: "s1", logger: logger).applied)
            let ids = Array(external.keys).sorted()
            let refetched = try await summaries.collect(CollectSummaries(sport: "mlb", gameIDs: ids), jobID: "s2", logger: logger)
            #expect(refetched.applied && refetched.pitcherLinesWritten == 0)
        }
        await store.shutdown()
    }

    @Test func inningsReadAsWholeInningsAndOuts() {
        #expect(SummariesCollector.outs(innings: "6.2") == 20)
        #expect(SummariesCollector.outs(innings: "0.1") == 1)
        #expect(SummariesCollector.outs(innings: "7") == 21)
        #expect(SummariesCollector.outs(innings: "7.0") == 21)
        for bad in ["6.3", "6.10", "", ".2", "-1.0", "six", "6.2.1"] {
            #expect(SummariesCollector.outs(innings: bad) == nil, "\(bad)")
        }
    }
}
