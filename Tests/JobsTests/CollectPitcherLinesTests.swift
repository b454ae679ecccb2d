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

    /// ESPN's baseball groups as public parsers read them: `type`, `keys` and `labels` (no `names`), batting first,
    /// the starter marked; a reliever after him.
    @Test func theStarterIsReadFromAPitchingGroupWithLabelsOnly() throws {
        let body = Data(
            #"""
            {"boxscore": {"players": [{"team": {"id": "20", "abbreviation": "WSH", "displayName": "Washington Nationals"}, "statistics": [
              {"type": "batting", "labels": ["H-AB", "AB", "R", "H", "RBI", "HR", "BB", "K"], "keys": ["hits-atBats", "atBats", "runs", "hits", "RBIs", "homeRuns", "walks", "strikeouts"],
               "athletes": [{"starter": true, "athlete": {"id": "4918256", "displayName": "James Wood"}, "stats": ["1-3", "3", "0", "1", "0", "0", "1", "1"]}]},
              {"type": "pitching", "labels": ["IP", "H", "R", "ER", "BB", "K", "HR", "PC-ST", "ERA", "PC"],
               "keys": ["fullInnings.partInnings", "hits", "runs", "earnedRuns", "walks", "strikeouts", "homeRuns", "pitches-strikes", "ERA", "pitches"],
               "athletes": [
                 {"starter": true, "athlete": {"id": "41290", "displayName": "Jake Irvin"}, "stats": ["5.2", "8", "3", "3", "2", "6", "1", "94-60", "4.11", "94"]},
                 {"starter": false, "athlete": {"id": "39911", "displayName": "Kyle Finnegan"}, "stats": ["1.0", "0", "0", "0", "0", "2", "0", "14-10", "2.70", "14"]}]}]}]}}
            """#.utf8)
        let response = UpstreamResponse(source: "espn", endpoint: "/summary", status: 200, headers: [:], body: body, fetchedAt: Date())
        let boxscore = try PayloadDecoder.decode(ESPNBoxscore.self, from: response)
        let header = Data(
            #"""
            {"header": {"id": "1", "competitions": [{"id": "1", "date": "2026-05-08T23:05Z", "competitors": [
              {"id": "20", "homeAway": "home", "score": "3", "team": {"id": "20", "abbreviation": "WSH", "displayName": "Washington Nationals"}},
              {"id": "21", "homeAway": "away", "score": "5", "team": {"id": "21", "abbreviation": "NYM", "displayName": "New York Mets"}}],
              "status": {"type": {"name": "STATUS_FINAL", "state": "post", "completed": true}}}]}}
            """#.utf8)
        let summary = try PayloadDecoder.decode(
            ESPNSummary.self,
            from: UpstreamResponse(source: "espn", endpoint: "/summary", status: 200, headers: [:], body: header, fetchedAt: Date()))
        let game = Game(
            id: 7, sport: "mlb", externalID: "1", season: 2026, homeTeamID: 70, awayTeamID: 71, scheduledAt: Date(timeIntervalSince1970: 1_778_281_500),
            status: .final, homeScore: 3, awayScore: 5)
        let lines = try SummariesCollector.starterLines(boxscore, summary: summary, game: game, response: response)
        #expect(lines == [PitcherGameLine(gameID: 7, scheduledAt: game.scheduledAt, athleteID: "41290", teamID: 70, outs: 17, strikeouts: 6, walks: 2, earnedRuns: 3)])
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
