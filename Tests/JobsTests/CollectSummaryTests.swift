import Foundation
import Logging
import Postgres
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// ESPN's game summary: its real format, one `game_summaries` row per game, and lines only while a game is
/// still to come.
@Suite struct CollectSummaryTests {
    private func response(_ body: Data) -> UpstreamResponse {
        UpstreamResponse(source: "espn", endpoint: "/reference", status: 200, headers: [:], body: body, fetchedAt: Date())
    }

    @Test func theReferenceSampleDecodes() throws {
        let body = try CollectTestSupport.referenceBody("espn.json", "samples", "summary", "body")
        let summary = try PayloadDecoder.decode(ESPNSummary.self, from: response(body))
        #expect(summary.header.id == "401815256")
        let competition = try #require(summary.header.competitions.first)
        #expect(competition.date == Date(timeIntervalSince1970: 1_778_278_200))  // 2026-05-08T22:10Z, no seconds
        #expect(competition.status.type.state == "post" && competition.status.type.completed)
        let home = try #require(competition.competitors.first { $0.homeAway == "home" })
        #expect(home.team.id == "17" && home.score == "0" && home.winner == false)
        #expect(summary.gameInfo?.venue?.fullName == "Great American Ball Park" && summary.gameInfo?.attendance == 24_347)
        #expect(summary.gameInfo?.gameDuration.flatMap(SummariesCollector.minutes) == 152)
        let official = try #require(summary.gameInfo?.officials?.first)
        #expect(official.displayName == "Jeremie Rehak" && official.position?.displayName == "Home Plate Umpire")
        let pick = try #require(summary.pickcenter?.first)
        #expect(pick.provider.name == "DraftKings" && pick.spread == -1.5 && pick.overUnder == 9)
        #expect(pick.homeTeamOdds?.moneyLine == -132 && pick.awayTeamOdds?.moneyLine == 109 && pick.overOdds == -108)
        #expect(summary.injuries?.first?.team.id == "17" && summary.injuries?.first?.injuries.first?.status == "15-Day-IL")

        // The sample's lines as snapshots: no spread prices in it, so moneyline and total only.
        let game = Game(id: 7, sport: "mlb", externalID: "401815256", homeTeamID: 1, awayTeamID: 2, scheduledAt: competition.date)
        let snapshots = SummariesCollector.snapshots(pick, game: game, recordedAt: Date(timeIntervalSince1970: 0))
        #expect(Set(snapshots.map { "\($0.market)/\($0.outcome)" }) == ["h2h/home", "h2h/away", "totals/over", "totals/under"])
        #expect(snapshots.allSatisfy { $0.bookmaker == "espn-draftkings" && !$0.isBackfill })
        let homePrice = try #require(snapshots.first { $0.market == "h2h" && $0.outcome == "home" }?.price)
        #expect(abs(homePrice - (1 + 100.0 / 132)) < 1e-9)
        #expect(snapshots.first { $0.outcome == "under" }?.point == 9)
    }

    @Test func finalGamesGetOneSummaryAndUpcomingGamesTheirLines() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let logger = CollectTestSupport.logger
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            let games = GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
            let summaries = SummariesCollector(client: espn, store: store, now: configuration.now)
            _ = try await games.collect(CollectGames(sport: "mlb", dates: ["20260508", "20260509"]), jobID: "g", logger: logger)
            let finals = try await CollectTestSupport.count(store, "games", where: "status = 'final'")
            #expect(finals > 0)

            // Without ids: the final games (yesterday's), lines skipped for them.
            let first = try await summaries.collect(CollectSummaries(sport: "mlb"), jobID: "s1", logger: logger)
            #expect(first.applied && first.games == finals && first.newPayloads == finals && first.summariesWritten == finals)
            #expect(first.snapshotsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "game_summaries") == finals)
            #expect(
                try await CollectTestSupport.count(store, "game_summaries", where: "attendance > 0 AND duration_minutes > 60") == finals)
            #expect(try await CollectTestSupport.count(store, "game_summaries", where: "jsonb_array_length(officials) = 4") == finals)
            #expect(try await CollectTestSupport.count(store, "odds") == 0)
            let finalIDs = try await store.query(PostgresQuery("SELECT id FROM games WHERE status = 'final' ORDER BY id"))
                .map { try $0.decode(Int.self, "id") }
            let stored = try #require(try await store.gameSummaries.find(gameID: finalIDs[0]))
            #expect(stored.fetchedAt == sandbox.clock.now && stored.venueName != nil && stored.officials.count == 4)

            // Re-running writes nothing: no game lacks a summary, the same ids fetch the same payloads, a
            // redelivered job id is not applied again.
            let again = try await summaries.collect(CollectSummaries(sport: "mlb"), jobID: "s2", logger: logger)
            #expect(again.applied && again.games == 0 && again.summariesWritten == 0)
            sandbox.clock.advance(by: 60)
            let refetched = try await summaries.collect(CollectSummaries(sport: "mlb", gameIDs: finalIDs), jobID: "s3", logger: logger)
            #expect(refetched.games == finals && refetched.newPayloads == 0 && refetched.summariesWritten == 0)
            let redelivered = try await summaries.collect(CollectSummaries(sport: "mlb"), jobID: "s1", logger: logger)
            #expect(!redelivered.applied)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "endpoint LIKE '%/summary%'") == finals)

            // A game still to come: its summary has no attendance yet, and its lines are point-in-time odds.
            let upcoming = try await store.query(
                PostgresQuery("SELECT id FROM games WHERE status = 'scheduled' ORDER BY scheduled_at, id LIMIT 1")
            ).map { try $0.decode(Int.self, "id") }
            let before = try await summaries.collect(CollectSummaries(sport: "mlb", gameIDs: upcoming), jobID: "s4", logger: logger)
            #expect(before.summariesWritten == 1 && before.snapshotsWritten == 6)
            #expect(try await CollectTestSupport.count(store, "odds", where: "bookmaker = 'espn-draftkings' AND NOT is_backfill") == 6)
            let lines = try await store.odds.latest(gameID: upcoming[0], asOf: sandbox.clock.now)
            #expect(lines.allSatisfy { $0.recordedAt == sandbox.clock.now && $0.price > 1 })
            #expect(Set(lines.map { "\($0.market)/\($0.outcome)" }).count == 6)
            #expect(try await store.gameSummaries.find(gameID: upcoming[0])?.attendance == nil)
        }
        await store.shutdown()
    }

    @Test func anInvalidSummaryIsStoredRawAndFails() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let logger = CollectTestSupport.logger
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            _ = try await GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
                .collect(CollectGames(sport: "mlb", dates: ["20260508"]), jobID: "g", logger: logger)
            let summaries = SummariesCollector(client: espn, store: store, now: configuration.now)
            sandbox.faults.inject(.wrongTypes, pathPrefix: "/apis/site/v2/sports/baseball/mlb/summary")
            let error = await #expect(throws: CollectorError.self) {
                try await summaries.collect(CollectSummaries(sport: "mlb"), jobID: "s1", logger: logger)
            }
            #expect(error?.code == .invalidPayload && error?.source == "espn" && error?.isPermanent == false)
            #expect(error?.message.contains("should be") == true)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "endpoint LIKE '%/summary%'") == 1)
            #expect(try await CollectTestSupport.count(store, "game_summaries") == 0)
            #expect(try await !store.hasJobEffect(jobID: "s1"))

            // Upstream healthy again: the retry applies.
            sandbox.faults.clear()
            let retried = try await summaries.collect(CollectSummaries(sport: "mlb"), jobID: "s1", logger: logger)
            #expect(retried.applied && retried.summariesWritten > 0)
        }
        await store.shutdown()
    }

    @Test func aReplayedWorldServesSummariesWithItsLines() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let world = try ReplayWorld(records: ReplayFormat.games.read(SandboxReplayTests.gamesCSV))
        let server = SandboxServer(
            configuration: SandboxConfiguration(seed: 1, start: CollectTestSupport.noonEastern, speed: 0, replay: world),
            logger: Logger(label: "sandbox"))
        try await server.withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let logger = CollectTestSupport.logger
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            let games = GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
            let summaries = SummariesCollector(client: espn, store: store, now: configuration.now)
            _ = try await games.collect(CollectGames(sport: "nba", dates: ["20260509"]), jobID: "g1", logger: logger)
            let clippers = try #require(
                try await store.query(
                    PostgresQuery("SELECT g.id FROM games g JOIN teams t ON t.id = g.home_team_id WHERE t.name = 'LA Clippers'")
                ).first?.decode(Int.self, "id"))

            // Before the start: the file's lines (−150 / +130, −3.5, 221.5) as the provider's snapshots.
            let before = try await summaries.collect(CollectSummaries(sport: "nba", gameIDs: [clippers]), jobID: "s1", logger: logger)
            #expect(before.summariesWritten == 1 && before.snapshotsWritten == 6)
            let lines = try await store.odds.latest(gameID: clippers, asOf: sandbox.clock.now)
            #expect(lines.allSatisfy { $0.bookmaker.hasPrefix("espn-") })
            #expect(lines.first { $0.market == "spreads" && $0.outcome == "home" }?.point == -3.5)
            #expect(lines.first { $0.market == "totals" && $0.outcome == "over" }?.point == 221.5)
            let home = try #require(lines.first { $0.market == "h2h" && $0.outcome == "home" }?.price)
            #expect(abs(home - (1 + 100.0 / 150)) < 0.01)

            // A day on both games of the 9th are final; only the Knicks' has no summary yet.
            sandbox.clock.advance(by: 86_400)
            _ = try await games.collect(CollectGames(sport: "nba", dates: ["20260509"]), jobID: "g2", logger: logger)
            let after = try await summaries.collect(CollectSummaries(sport: "nba"), jobID: "s2", logger: logger)
            #expect(after.games == 1 && after.summariesWritten == 1 && after.snapshotsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "game_summaries") == 2)
            #expect(try await CollectTestSupport.count(store, "odds") == 6)
        }
        await store.shutdown()
    }
}
