import Foundation
import Jobs
import Queue
import Sandbox
import SandboxSupport
import Store
import Testing

/// A backfill over a simulated month reloads games and historical odds through the same jobs, flagged.
@Suite struct CollectBackfillTests {
    @Test func aDaysOddsSnapshotsAreSpreadOverItAndWaitForTheSameGames() throws {
        let requests = try BackfillPlan(sports: ["nba"], from: "2026-04-01", to: "2026-04-02", sources: [.games, .odds], oddsSnapshotsPerDay: 4)
            .requests()
        let odds = requests.filter { $0.type == CollectOdds.jobType }
        let snapshots = try odds.map { try JSONDecoder().decode(CollectOdds.self, from: Data($0.payload.utf8)).snapshotAt! }
        #expect(snapshots.map { $0.prefix(13) } == [
            "2026-04-01T04", "2026-04-01T10", "2026-04-01T16", "2026-04-01T22", "2026-04-02T04", "2026-04-02T10", "2026-04-02T16",
            "2026-04-02T22",
        ])
        #expect(Set(odds.prefix(4).map(\.dependsOn)).count == 1 && odds[0].dependsOn.count == 2)
        #expect(throws: QueueError.self) {
            try BackfillPlan(sports: ["nba"], from: "2026-04-01", to: "2026-04-02", sources: [.odds], oddsSnapshotsPerDay: 25).requests()
        }
    }

    /// A plan's stated Odds API cost bounds what its snapshots are charged, so an account sized by it (as `aips dev`
    /// sizes its sandbox's) keeps its live calls.
    @Test func aPlansOddsCostBoundsWhatItsSnapshotsAreCharged() async throws {
        let plan = BackfillPlan(sports: ["nba"], from: "2026-04-01", to: "2026-04-03", sources: [.games, .odds], oddsSnapshotsPerDay: 4)
        let odds = OddsAPIConfiguration(apiKey: "sandbox")
        let cost = try plan.maximumOddsCredits(odds)
        #expect(cost == 3 * 4 * 30)
        #expect(try BackfillPlan(sports: ["nba"], from: "2026-04-01", to: "2026-04-03", sources: [.games]).maximumOddsCredits(odds) == 0)
        let store = try await CollectTestSupport.migratedStore()
        // Enough for the plan and one live call (three markets in one region).
        try await CollectTestSupport.sandbox(quota: cost + 3).withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let collector = OddsCollector(configuration: configuration, store: store, upstream: upstream)
            _ = try await Self.collect(plan.requests(), games: games, odds: collector)
            #expect(try await CollectTestSupport.count(store, "odds") > 0)
            // The live call is answered (a spent quota is an error), and it spends what was left for it.
            let live = try await collector.collect(
                CollectOdds(sport: "nba", includeScores: false), jobID: "live", logger: CollectTestSupport.logger)
            #expect(live.events > 0 && live.quota?.last == 3)
        }
        await store.shutdown()
    }

    @Test func aMonthIsBackfilledThroughTheSameCollectors() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let plan = BackfillPlan(sports: ["nba"], from: "2026-04-01", to: "2026-04-30", sources: [.games, .odds])
        let requests = try plan.requests()
        #expect(requests.count == 60)
        // A day's snapshot waits for the games of its day and of the two after, which it quotes too.
        let gamesIDs = requests.filter { $0.type == CollectGames.jobType }.map(\.id)
        let oddsJobs = requests.filter { $0.type == CollectOdds.jobType }
        #expect(oddsJobs.first?.dependsOn == Array(gamesIDs.prefix(3)) && oddsJobs.last?.dependsOn == [gamesIDs.last!])
        let withStatcast = try BackfillPlan(sports: ["mlb"], from: "2026-04-01", to: "2026-04-10", sources: [.games, .statcast]).requests()
        #expect(withStatcast.filter { $0.type == "collect.statcast" }.map(\.dependsOn.count) == [7, 3])
        // Box scores come from the final games' summaries, a week a job, after that week's games.
        let withBoxScores = try BackfillPlan(sports: ["nba"], from: "2026-04-01", to: "2026-04-10", sources: [.games, .boxScores]).requests()
        let summaries = withBoxScores.filter { $0.type == CollectSummaries.jobType }
        #expect(summaries.map(\.dependsOn.count) == [7, 3])
        #expect(summaries.map(\.payload) == [
            #"{"from":"2026-04-01","sport":"nba","to":"2026-04-07"}"#, #"{"from":"2026-04-08","sport":"nba","to":"2026-04-10"}"#,
        ])
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
            let unmatched = try await Self.collect(requests, games: games, odds: odds).reduce(0) { $0 + $1.unmatchedEvents.count }
            let april = try await store.games.games(
                sport: "nba", from: Date(timeIntervalSince1970: 1_775_016_000), to: Date(timeIntervalSince1970: 1_777_608_000))
            #expect(april.count > 150 && april.allSatisfy { $0.status == .final })
            #expect(try await CollectTestSupport.count(store, "odds", where: "NOT is_backfill") == 0)
            // Each game is priced by its day's snapshot and by the day before's, which quoted it a day ahead (five
            // books, six outcomes; a price a book had not moved since the earlier snapshot is not stored twice).
            let prices = try await CollectTestSupport.count(store, "odds")
            #expect(prices > april.count * 30 && prices <= april.count * 60)
            let pricedADayAhead = try await CollectTestSupport.count(
                store, "games g", where: "EXISTS (SELECT 1 FROM odds o WHERE o.game_id = g.id AND o.recorded_at < g.scheduled_at - interval '24 hours')")
            #expect(pricedADayAhead > april.count * 9 / 10, "\(pricedADayAhead) of \(april.count)")
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "NOT is_backfill") == 0)
            // Only the last day's snapshot quotes games the range does not load (May's first).
            #expect(unmatched > 0)
            #expect(try await CollectTestSupport.count(store, "closing_lines") > april.count * 25)
        }
        await store.shutdown()
    }

    /// Runs a plan's games and odds `requests` through the collectors, in order; what each odds job collected.
    static func collect(_ requests: [JobRequest], games: GamesCollector, odds: OddsCollector) async throws -> [OddsCollection] {
        var collected: [OddsCollection] = []
        for request in requests {
            let payload = Data(request.payload.utf8)
            if request.type == CollectGames.jobType {
                _ = try await games.collect(
                    JSONDecoder().decode(CollectGames.self, from: payload), jobID: request.id, logger: CollectTestSupport.logger)
            } else {
                collected.append(
                    try await odds.collect(
                        JSONDecoder().decode(CollectOdds.self, from: payload), jobID: request.id, logger: CollectTestSupport.logger))
            }
        }
        return collected
    }
}
