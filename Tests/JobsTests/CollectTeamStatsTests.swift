import Foundation
import Postgres
import Queue
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// NFL, NHL and Premier League teams' box-score statistics against the sandbox and a real PostgreSQL:
/// `collect.summaries` stores each final game's two teams' statistics once (`team_game_stats`), as the simulated world
/// printed them, and the featurizer's read returns them for games known at its as-of only.
@Suite struct CollectTeamStatsTests {
    @Test(arguments: [("epl", "20260509"), ("nhl", "20260508"), ("nfl", "20251019")])
    func finalGamesTeamStatisticsAreStoredOnce(sport: String, date: String) async throws {
        let store = try await CollectTestSupport.migratedStore("\(#function)-\(sport)")
        let logger = CollectTestSupport.logger
        // Two days after the games: every one of them final.
        let start = FeatureFixture.day("\(date.prefix(4))-\(date.dropFirst(4).prefix(2))-\(date.suffix(2))").addingTimeInterval(2 * 86_400)
        try await CollectTestSupport.sandbox(start: start).withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox, sports: [sport])
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            let games = GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
            _ = try await games.collect(CollectGames(sport: sport, dates: [date]), jobID: "g", logger: logger)
            let finals = try await CollectTestSupport.count(store, "games", where: "status = 'final' AND sport = '\(sport)'")
            #expect(finals >= 4)
            let summaries = SummariesCollector(client: espn, store: store, now: configuration.now)
            let ids = Array(try await CollectTestSupport.ids(store, "id", of: "games", where: "sport = '\(sport)'")).sorted()

            let first = try await summaries.collect(CollectSummaries(sport: sport, gameIDs: ids), jobID: "s1", logger: logger)
            #expect(first.applied && first.summariesWritten == finals && first.teamStatsWritten == 2 * finals)
            #expect(first.playerPointsWritten == 0 && first.pitcherLinesWritten == 0)

            // The statistics are the simulated world's, name for name, each credited to its team.
            let world = SandboxWorld(seed: 42)
            let stored = try await store.featureSources.teamStats(sport: sport, asOf: .distantFuture)
            #expect(stored.count == 2 * finals)
            let rows = try await store.query(PostgresQuery("SELECT id, external_id, home_team_id FROM games WHERE sport = \(sport)"))
            var storedGames: [Int: (external: String, home: Int)] = [:]
            for game in try rows.map({ (try $0.decode(Int.self, "id"), try $0.decode(String.self, "external_id"), try $0.decode(Int.self, "home_team_id")) }) {
                storedGames[game.0] = (game.1, game.2)
            }
            let simulatedSport = try #require(SandboxSport.allCases.first { $0.league.espnPath == CollectedSport.named(sport)?.espnPath })
            let read = try #require(SummariesCollector.teamStatistics[sport])
            for row in stored {
                let game = try #require(storedGames[row.gameID])
                let simulated = try #require(world.game(simulatedSport, espnID: game.external))
                let statistics = try #require(world.teamStatistics(of: simulated))
                var expected: [String: Double] = [:]
                for statistic in row.teamID == game.home ? statistics.home : statistics.away where read.contains(statistic.name) {
                    expected.merge(try #require(SummariesCollector.statistic(statistic.name, statistic.displayValue))) { $1 }
                }
                #expect(row.values == expected)
            }

            // The featurizer sees a game's statistics once its result is known, four hours after its start.
            let firstStart = try #require(try await store.games.games(sport: sport, from: .distantPast, to: .distantFuture).map(\.scheduledAt).min())
            #expect(try await store.featureSources.teamStats(sport: sport, asOf: firstStart.addingTimeInterval(4 * 3_600 - 1)).isEmpty)
            #expect(try await !store.featureSources.teamStats(sport: sport, asOf: firstStart.addingTimeInterval(4 * 3_600)).isEmpty)

            // A redelivery writes nothing; the same box scores fetched again add nothing.
            #expect(try await !summaries.collect(CollectSummaries(sport: sport, gameIDs: ids), jobID: "s1", logger: logger).applied)
            let refetched = try await summaries.collect(CollectSummaries(sport: sport, gameIDs: ids), jobID: "s2", logger: logger)
            #expect(refetched.applied && refetched.teamStatsWritten == 0)
        }
        await store.shutdown()
    }

    @Test func aStatisticThatIsNotItsNumberIsRefused() {
        #expect(SummariesCollector.statistic("thirdDownEff", "5-13") == ["thirdDownConversions": 5, "thirdDownAttempts": 13])
        #expect(SummariesCollector.statistic("thirdDownEff", "5/13") == ["thirdDownConversions": 5, "thirdDownAttempts": 13])
        #expect(SummariesCollector.statistic("possessionTime", "31:30") == ["possessionSeconds": 1_890])
        #expect(SummariesCollector.statistic("possessionPct", "58.4%") == ["possessionPct": 58.4])
        #expect(SummariesCollector.statistic("netPassingYards", "-3") == ["netPassingYards": -3])
        for (name, bad) in [
            ("thirdDownEff", "14-13"), ("thirdDownEff", "5"), ("possessionTime", "31:5"), ("possessionPct", "101"), ("totalShots", "-1"),
            ("totalShots", "12.5"), ("shotsOnTarget", ""),
        ] {
            #expect(SummariesCollector.statistic(name, bad) == nil, "\(name) \(bad)")
        }
    }
}
