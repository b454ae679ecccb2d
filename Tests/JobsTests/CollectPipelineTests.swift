import Essentials
import Foundation
import Jobs
import Sandbox
import SandboxSupport
import Store
import Testing

/// The collectors end to end against the in-process sandbox into a real PostgreSQL: raw once by hash,
/// curated rows, nothing new on re-collection, nothing at all on redelivery.
@Suite struct CollectPipelineTests {
    /// A scheduled run (no dates) collects the games whose market is open, up to two days ahead: every event the odds
    /// collector sees then has its game, and its opening prices are stored (yesterday and today alone left tomorrow's
    /// events unmatched until game day).
    @Test func aRunWithoutDatesCollectsEveryGameWhoseMarketIsOpen() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let logger = CollectTestSupport.logger
            let collected = try await GamesCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectGames(sport: "mlb"), jobID: "games", logger: logger)
            #expect(collected.newPayloads == 4)
            let lines = try await OddsCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectOdds(sport: "mlb"), jobID: "odds", logger: logger)
            #expect(lines.events > 15 && lines.unmatchedEvents.isEmpty, "\(lines.unmatchedEvents)")
        }
    }

    /// Odds read before their games were collected match nothing; the same payload read again once the games are
    /// known is curated, though it is not stored raw a second time. Before, an unchanged payload was skipped whole, and
    /// a game's opening prices were lost until the books moved.
    @Test func anOddsPayloadReadBeforeItsGamesIsCuratedOnceTheyAreKnown() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let logger = CollectTestSupport.logger
            let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
            let early = try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-early", logger: logger)
            #expect(early.payloadWasNew && early.events > 15 && early.matchedEvents == 0 && early.snapshotsWritten == 0)
            _ = try await GamesCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectGames(sport: "mlb"), jobID: "games", logger: logger)
            let rawRows = try await CollectTestSupport.count(store, "raw_ingest", where: "source = 'the-odds-api'")

            let again = try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-again", logger: logger)
            #expect(!again.payloadWasNew && again.unmatchedEvents.isEmpty && again.matchedEvents == early.events)
            let stored = try await CollectTestSupport.count(store, "odds")
            #expect(again.snapshotsWritten > 0 && again.snapshotsWritten == stored)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "source = 'the-odds-api'") == rawRows)
            // Read a third time, it has nothing newer to add.
            #expect(try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-third", logger: logger).snapshotsWritten == 0)
        }
        await store.shutdown()
    }

    @Test func collectorsFillTheCuratedTablesOnce() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let weather = WeatherCollector(configuration: configuration, store: store, upstream: upstream)
            let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
            let logger = CollectTestSupport.logger
            let parameters = CollectGames(sport: "mlb", dates: ["20260509", "20260510"])

            let collectedGames = try await games.collect(parameters, jobID: "games-1", logger: logger)
            #expect(collectedGames.newPayloads == 2 && collectedGames.gamesWritten > 20)
            #expect(try await CollectTestSupport.count(store, "games") == collectedGames.gamesWritten)
            let teams = try await store.teams.teams(sport: "mlb")
            #expect(teams.contains { $0.name == "Athletics" })
            #expect(teams.filter { $0.venue != nil }.count > 10)

            let forecast = try await weather.collect(CollectWeather(sport: "mlb", hoursAhead: 48), jobID: "weather-1", logger: logger)
            #expect(forecast.observationsWritten > 5 && forecast.skippedGames > 0)
            #expect(forecast.observationsWritten + forecast.skippedGames == forecast.games)
            #expect(try await CollectTestSupport.count(store, "weather") == forecast.observationsWritten)

            let lines = try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-1", logger: logger)
            #expect(lines.applied && lines.payloadWasNew && lines.events > 10)
            #expect(lines.unmatchedEvents.isEmpty && lines.matchedEvents == lines.events)
            // Five US books, three markets of two outcomes each.
            #expect(lines.snapshotsWritten == lines.events * 5 * 6)
            #expect(lines.quota?.last == 3)
            #expect(try await CollectTestSupport.count(store, "odds") == lines.snapshotsWritten)
            #expect(try await CollectTestSupport.count(store, "odds", where: "outcome NOT IN ('home', 'away', 'over', 'under')") == 0)
            let rawRows = try await CollectTestSupport.count(store, "raw_ingest")
            #expect(rawRows == 2 + forecast.forecasts + 2)  // scoreboards, forecasts, odds and scores

            // Re-collecting the same world writes nothing new.
            #expect(try await games.collect(parameters, jobID: "games-2", logger: logger).newPayloads == 0)
            #expect(try await weather.collect(CollectWeather(sport: "mlb"), jobID: "weather-2", logger: logger).observationsWritten == 0)
            let again = try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-2", logger: logger)
            #expect(again.applied && !again.payloadWasNew && again.snapshotsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "raw_ingest") == rawRows)
            #expect(try await CollectTestSupport.count(store, "odds") == lines.snapshotsWritten)

            // A redelivered job id writes nothing, even when the world moved on.
            sandbox.clock.advance(by: 300)
            let redelivered = try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-1", logger: logger)
            #expect(!redelivered.applied)
            #expect(try await CollectTestSupport.count(store, "raw_ingest") == rawRows)
            #expect(try await store.hasJobEffect(jobID: "odds-1"))

            // Five minutes later the books have moved: only newer prices are appended.
            let later = try await odds.collect(CollectOdds(sport: "mlb"), jobID: "odds-3", logger: logger)
            #expect(later.payloadWasNew && later.snapshotsWritten > 0 && later.snapshotsWritten <= lines.snapshotsWritten)
            #expect(try await CollectTestSupport.count(store, "odds") == lines.snapshotsWritten + later.snapshotsWritten)
        }
        await store.shutdown()
    }

    @Test func finishedGamesGetScoresClosingLinesAndConsistentSources() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox, oddsFormat: .decimal)
            let upstream = UpstreamClient()
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
            let quality = QualityChecker(store: store, now: configuration.now)
            let logger = CollectTestSupport.logger
            let day = CollectGames(sport: "nba", dates: ["20260509", "20260510"])
            _ = try await games.collect(day, jobID: "games-noon", logger: logger)
            let noon = try await odds.collect(CollectOdds(sport: "nba"), jobID: "odds-noon", logger: logger)
            #expect(noon.unmatchedEvents.isEmpty && noon.snapshotsWritten > 0)
            #expect(try await CollectTestSupport.count(store, "odds", where: "price < 1.01 OR price > 50") == 0)

            // 01:30 Eastern: every game of the 9th is over.
            sandbox.clock.advance(by: 13.5 * 3600)
            let night = try await odds.collect(CollectOdds(sport: "nba"), jobID: "odds-night", logger: logger)
            let finals = try await games.collect(day, jobID: "games-night", logger: logger)
            #expect(finals.newPayloads >= 1)
            let played = try await store.games.games(sport: "nba", from: CollectTestSupport.noonEastern, to: sandbox.clock.now)
            #expect(!played.isEmpty && played.allSatisfy { $0.status == .final && $0.homeScore != nil && $0.homeScore != $0.awayScore })
            #expect(night.closingLinesWritten == played.count * 5 * 6)
            let closing = try await store.closingLines.lines(gameID: played[0].id!)
            #expect(closing.count == 30 && closing.allSatisfy { $0.capturedAt < played[0].scheduledAt })

            // ESPN and The Odds API agree on every final score, and the truth endpoint's scores are the same.
            let checks = try await quality.run(QualityCheck(sport: "nba"), jobID: "quality-1", logger: logger)
            #expect(checks["score_consistency"] == "pass")
            let consistency = try #require(try await store.dataQualityChecks.latest(checkName: "score_consistency", sport: "nba"))
            #expect(consistency.details["compared"] == .number(Double(played.count)))

            // A wrong score in one source fails the check for manual review.
            try await store.games.updateResult(
                id: played[0].id!, status: .final, homeScore: played[0].homeScore! + 1, awayScore: played[0].awayScore)
            _ = try await quality.run(QualityCheck(sport: "nba"), jobID: "quality-2", logger: logger)
            let broken = try #require(try await store.dataQualityChecks.latest(checkName: "score_consistency", sport: "nba"))
            #expect(broken.status == .fail && broken.action == .manualReview)
        }
        await store.shutdown()
    }
}
