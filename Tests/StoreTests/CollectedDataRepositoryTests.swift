import Foundation
import Postgres
import Store
import Testing

@Suite struct CollectedDataRepositoryTests {
    @Test func weatherLatestIsPointInTime() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let early = WeatherObservation(
            gameID: game, source: "met", observedAt: Fixtures.start.addingTimeInterval(-7200), forecastFor: Fixtures.start,
            temperatureC: 12.5, windSpeedKPH: 20, windDirectionDegrees: 270, precipitationProbability: 0.3, conditions: "cloudy")
        var late = early
        late.observedAt = Fixtures.start.addingTimeInterval(-600)
        late.temperatureC = 9
        try await store.weather.record(early)
        try await store.weather.record(late)
        try await store.weather.record(late)
        #expect(try await store.weather.latest(gameID: game) == late)
        #expect(try await store.weather.latest(gameID: game, asOf: Fixtures.start.addingTimeInterval(-3600)) == early)
        #expect(try await store.weather.latest(gameID: game, asOf: Fixtures.start.addingTimeInterval(-86_400)) == nil)
        await store.shutdown()
    }

    /// Lists collected at t1, t2, t3 (t = start − 30, 20, 10 hours): X (home) is listed at each and turns
    /// day-to-day at t3; Y (home) is listed at t1 only; Z (away) is listed at t2 and t3.
    @Test func injuryCountsArePointInTime() async throws {
        let store = try await Fixtures.store()
        let game = try await Fixtures.game(in: store)
        let teams = try await store.teams.teams(sport: "nba")
        let home = try #require(teams.first { $0.name == "Home" }?.id)
        let away = try #require(teams.first { $0.name == "Away" }?.id)
        let t1 = Fixtures.start.addingTimeInterval(-30 * 3600)
        let t2 = Fixtures.start.addingTimeInterval(-20 * 3600)
        let t3 = Fixtures.start.addingTimeInterval(-10 * 3600)
        func report(_ id: String, team: Int, status: String, reported: Date, seen: [Date]) -> InjuryReport {
            InjuryReport(
                sport: "nba", teamID: team, sourceTeamID: "\(team)", source: "espn", injuryID: id, athleteName: "Player \(id)",
                position: "G", status: status, injuryType: "Ankle", returnDate: nil, reportedAt: reported,
                firstSeenAt: seen.first!, lastSeenAt: seen.last!)
        }
        try await store.injuries.record(report("X", team: home, status: "Out", reported: t1, seen: [t1, t2]))
        try await store.injuries.record(report("X", team: home, status: "Day-To-Day", reported: t3, seen: [t3]))
        try await store.injuries.record(report("Y", team: home, status: "Day-To-Day", reported: t1, seen: [t1]))
        try await store.injuries.record(report("Z", team: away, status: "10-Day-IL", reported: t2, seen: [t2, t3]))

        func counts(_ asOf: Date) async throws -> [Int: (out: Int, dayToDay: Int)] {
            let rows = try await store.featureSources.injuryCounts(for: [GameAsOf(gameID: game, asOf: asOf)])
            #expect(rows.allSatisfy { $0.gameID == game })
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.teamID, ($0.out, $0.dayToDay)) })
        }
        // Before the first list: unknown, no rows at all.
        #expect(try await counts(t1.addingTimeInterval(-1)).isEmpty)
        // After t1: X out, Y day-to-day; the away team's list is empty, and that is a count of zero.
        var seen = try await counts(t1.addingTimeInterval(60))
        #expect(seen[home]! == (1, 1) && seen[away]! == (0, 0))
        // After t2: Y left the list (its last sighting, t1, is older than X's t2 sighting); Z joined.
        seen = try await counts(t2.addingTimeInterval(60))
        #expect(seen[home]! == (1, 0) && seen[away]! == (1, 0))
        // After t3: X's newest report is day-to-day.
        seen = try await counts(t3.addingTimeInterval(60))
        #expect(seen[home]! == (0, 1) && seen[away]! == (1, 0))
        #expect(try await store.injuries.listed(teamID: home, asOf: t3.addingTimeInterval(60)).map(\.status) == ["Day-To-Day"])
        await store.shutdown()
    }

    @Test func statcastUpsertIsIdempotent() async throws {
        let store = try await Fixtures.store()
        let day = Date(timeIntervalSince1970: 1_751_328_000)  // 2025-07-01
        let pitches = (1...3).map { number in
            StatcastPitch(
                gamePK: 745_001, gameDate: day, atBatNumber: 1, pitchNumber: number, batterID: 660_271, pitcherID: 543_037,
                pitchType: "FF", releaseSpeedMPH: 97.1, spinRateRPM: 2400, events: number == 3 ? "single" : nil,
                description: "hit_into_play")
        }
        #expect(try await store.statcast.upsert(pitches) == 3)
        #expect(try await store.statcast.upsert(pitches) == 3)
        #expect(try await store.statcast.pitches(gamePK: 745_001) == pitches)
        await store.shutdown()
    }

    @Test func rawPayloadKeepsBytesAndHash() async throws {
        let store = try await Fixtures.store()
        let body = Data(#"{"odds":[1.91,2.05],"note":"it's \"raw\""}"#.utf8) + Data([0, 0xff])
        let raw = RawPayload(
            source: "the-odds-api", endpoint: "/v4/sports/nba/odds", fetchedAt: Fixtures.start, payload: body, isBackfill: true,
            jobID: "job-1")
        let id = try await store.rawIngest.insert(raw)
        var expected = raw
        expected.id = id
        #expect(try await store.rawIngest.find(id: id) == expected)
        #expect(raw.payloadSHA256.count == 64)
        #expect(try await store.rawIngest.contains(source: "the-odds-api", payloadSHA256: raw.payloadSHA256))
        #expect(!(try await store.rawIngest.contains(source: "espn", payloadSHA256: raw.payloadSHA256)))
        #expect(try await store.rawIngest.latestFetch(source: "the-odds-api") == Fixtures.start)
        #expect(try await store.rawIngest.latestFetch(source: "espn") == nil)
        await store.shutdown()
    }

    @Test func concurrentCollectionsOfOnePayloadStoreItOnce() async throws {
        let store = try await Fixtures.store()
        let raw = RawPayload(
            source: "espn", endpoint: "/scoreboard", fetchedAt: Fixtures.start, payload: Data("same bytes".utf8), isBackfill: false,
            jobID: "job-2")
        let stored = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { try await store.rawIngest.insertIfNew(raw) } }
            return try await group.reduce(into: 0) { count, inserted in count += inserted ? 1 : 0 }
        }
        #expect(stored == 1)
        let rows = try await store.query("SELECT count(*) AS n FROM raw_ingest WHERE source = 'espn'")
        #expect(try rows.first?.decode(Int.self, "n") == 1)
        await store.shutdown()
    }
}
