import Foundation
import Jobs
import Queue
import Sandbox
import SandboxSupport
import Store
import Testing

/// A backfill over a simulated month reloads games and historical odds through the same jobs, flagged.
@Suite struct CollectBackfillTests {
    @Test func aMonthIsBackfilledThroughTheSameCollectors() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let plan = BackfillPlan(sports: ["nba"], from: "2026-04-01", to: "2026-04-30", sources: [.games, .odds])
        let requests = try plan.requests()
        #expect(requests.count == 60)
        #expect(requests[1].type == "collect.odds" && requests[1].dependsOn == [requests[0].id])
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
            var unmatched = 0
            for request in requests {
                let payload = Data(request.payload.utf8)
                if request.type == CollectGames.jobType {
                    _ = try await games.collect(
                        JSONDecoder().decode(CollectGames.self, from: payload), jobID: request.id, logger: CollectTestSupport.logger)
                } else {
                    let result = try await odds.collect(
                        JSONDecoder().decode(CollectOdds.self, from: payload), jobID: request.id, logger: CollectTestSupport.logger)
                    unmatched += result.unmatchedEvents.count
                }
            }
            let april = try await store.games.games(
                sport: "nba", from: Date(timeIntervalSince1970: 1_775_016_000), to: Date(timeIntervalSince1970: 1_777_608_000))
            #expect(april.count > 150 && april.allSatisfy { $0.status == .final })
            #expect(try await CollectTestSupport.count(store, "odds", where: "NOT is_backfill") == 0)
            // One snapshot per game (its day's), five books, six outcomes.
            #expect(try await CollectTestSupport.count(store, "odds") == april.count * 30)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "NOT is_backfill") == 0)
            // Each day's snapshot also quotes the next day, whose games are loaded a job later.
            #expect(unmatched > 0)
            #expect(try await CollectTestSupport.count(store, "closing_lines") > april.count * 25)
        }
        await store.shutdown()
    }
}
