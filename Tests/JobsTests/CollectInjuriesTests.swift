import Foundation
import Postgres
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// ESPN's league injury list: its real format, stored per report with when it became known here.
@Suite struct CollectInjuriesTests {
    @Test func theReferenceSampleDecodes() throws {
        let body = try CollectTestSupport.referenceBody("espn.json", "samples", "injuries_league", "body")
        let list = try PayloadDecoder.decode(
            ESPNInjuries.self,
            from: UpstreamResponse(source: "espn", endpoint: "/reference", status: 200, headers: [:], body: body, fetchedAt: Date()))
        let team = try #require(list.injuries.first)
        #expect(team.id == "17" && team.displayName == "Cincinnati Reds")
        let injury = try #require(team.injuries.first)
        #expect(injury.id == "639083" && injury.status == "Day-To-Day" && injury.athlete.displayName == "Josh Staumont")
        #expect(injury.date == Date(timeIntervalSince1970: 1_790_305_560))  // 2026-09-25T03:06Z, no seconds
        #expect(injury.athlete.position?.abbreviation == "RP" && injury.details?.returnDate == "2026-09-28")
    }

    @Test func injuryListsAreStoredOncePerReportAndReadAsOfATime() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let logger = CollectTestSupport.logger
            let espn = ESPNClient(configuration: configuration.espn, upstream: upstream)
            let games = GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
            let injuries = InjuriesCollector(client: espn, store: store, now: configuration.now)
            _ = try await games.collect(
                CollectGames(sport: "mlb", dates: ["20260508", "20260509", "20260510"]), jobID: "g", logger: logger)

            let first = try await injuries.collect(CollectInjuries(sport: "mlb"), jobID: "i1", logger: logger)
            #expect(first.applied && first.payloadWasNew && first.reports > 5 && first.reportsWritten == first.reports)
            #expect(try await CollectTestSupport.count(store, "injuries") == first.reports)
            #expect(try await CollectTestSupport.count(store, "injuries", where: "team_id IS NULL") <= first.reports)
            #expect(try await CollectTestSupport.count(store, "injuries", where: "status NOT IN ('10-Day-IL', 'Day-To-Day')") == 0)
            let firstSeen = sandbox.clock.now

            // A minute later only the list's generation time differs: nothing new.
            sandbox.clock.advance(by: 60)
            let same = try await injuries.collect(CollectInjuries(sport: "mlb"), jobID: "i2", logger: logger)
            #expect(same.applied && !same.payloadWasNew && same.reportsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "endpoint LIKE '%/injuries%'") == 1)

            // Four days on: new injuries and status changes are new reports; players back are off the list.
            sandbox.clock.advance(by: 4 * 86_400)
            let later = try await injuries.collect(CollectInjuries(sport: "mlb"), jobID: "i3", logger: logger)
            #expect(later.payloadWasNew && later.reportsWritten > 0)
            #expect(try await CollectTestSupport.count(store, "injuries") == first.reports + later.reportsWritten)

            // Point in time: as of the first collection a team's list is the first list, as of now the latest.
            let teamIDs = try await store.query(
                PostgresQuery("SELECT DISTINCT team_id FROM injuries WHERE team_id IS NOT NULL ORDER BY team_id")
            ).map { try $0.decode(Int.self, "team_id") }
            var changed = 0
            for teamID in teamIDs {
                let then = try await store.injuries.listed(teamID: teamID, asOf: firstSeen)
                let now = try await store.injuries.listed(teamID: teamID, asOf: sandbox.clock.now)
                #expect(then.allSatisfy { $0.firstSeenAt <= firstSeen })
                #expect(now.allSatisfy { $0.lastSeenAt == sandbox.clock.now })
                if then.map(\.injuryID) != now.map(\.injuryID) || then.map(\.status) != now.map(\.status) { changed += 1 }
            }
            #expect(changed > 0)
            #expect(try await store.injuries.listed(teamID: teamIDs[0], asOf: firstSeen.addingTimeInterval(-1)).isEmpty)
        }
        await store.shutdown()
    }
}
