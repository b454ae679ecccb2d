import Foundation
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
