import Essentials
import Foundation
import Postgres
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// Raw payloads are deduplicated by their content without volatile fields, and kept as fetched.
@Suite struct CollectRawDedupeTests {
    /// `body` with top-level `changes` applied, re-serialized (in whatever key order Foundation picks).
    private func edited(_ body: Data, _ changes: [String: Any]) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: body) as! [String: Any]
        for (key, value) in changes { object[key] = value }
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func volatileFieldsDoNotCountButDataDoes() throws {
        let forecast = try CollectTestSupport.referenceBody("open-meteo.json", "samples", "forecast_hourly", "body")
        let slower = try edited(forecast, ["generationtime_ms": 3.719])
        #expect(slower != forecast)
        for source in [OpenMeteoClient.source, OpenMeteoClient.archiveSource] {
            #expect(PayloadFingerprint.sha256(of: slower, source: source) == PayloadFingerprint.sha256(of: forecast, source: source))
        }
        // A different value is different data.
        var hourly = try JSONSerialization.jsonObject(with: forecast) as! [String: Any]
        var series = hourly["hourly"] as! [String: Any]
        series["temperature_2m"] = [68.4, 69.9, 70.5, 70.0]
        hourly["hourly"] = series
        let warmer = try JSONSerialization.data(withJSONObject: hourly)
        #expect(
            PayloadFingerprint.sha256(of: warmer, source: "open-meteo") != PayloadFingerprint.sha256(of: forecast, source: "open-meteo"))
        // Another source keeps every field.
        #expect(PayloadFingerprint.sha256(of: slower, source: "baseball-savant") == Digest.sha256.hex(slower))
        // Not JSON (a truncated body): the bytes as they are.
        let truncated = forecast.prefix(40)
        #expect(PayloadFingerprint.sha256(of: truncated, source: "open-meteo") == Digest.sha256.hex(truncated))

        // The Odds API: a snapshot's links to its neighbours do not count, its time and prices do.
        let snapshot = try CollectTestSupport.referenceBody("the-odds-api.json", "samples", "historical_odds", "body")
        let newest = try edited(snapshot, ["next_timestamp": NSNull()])
        #expect(
            PayloadFingerprint.sha256(of: newest, source: "the-odds-api") == PayloadFingerprint.sha256(of: snapshot, source: "the-odds-api")
        )
        let another = try edited(snapshot, ["timestamp": "2021-10-18T12:05:00Z"])
        #expect(
            PayloadFingerprint.sha256(of: another, source: "the-odds-api")
                != PayloadFingerprint.sha256(of: snapshot, source: "the-odds-api"))
        // `last_update` is when a price was seen: a newer one is news.
        let odds = try CollectTestSupport.referenceBody("the-odds-api.json", "samples", "odds_american", "body")
        let text = String(decoding: odds, as: UTF8.self)
        let seenLater = Data(text.replacingOccurrences(of: "2024-05-24T16:31:14Z", with: "2024-05-24T16:32:14Z").utf8)
        #expect(
            PayloadFingerprint.sha256(of: seenLater, source: "the-odds-api") != PayloadFingerprint.sha256(of: odds, source: "the-odds-api"))
    }

    /// Every reference payload keeps its fingerprint through Foundation's re-serialization, compact or pretty, in any
    /// key order, with slashes escaped or not.
    @Test(arguments: [
        ("the-odds-api.json", "the-odds-api"), ("open-meteo.json", "open-meteo"), ("espn.json", "espn"), ("openweathermap.json", "openweathermap"),
    ])
    func aPayloadsFingerprintSurvivesReserialization(file: String, source: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CollectFixtures/\(file)")
        let samples = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])?["samples"] as? [String: Any])
        var objects = 0
        for (name, sample) in samples {
            guard let body = (sample as? [String: Any])?["body"], body is [String: Any] else { continue }
            objects += 1
            let compact = try JSONSerialization.data(withJSONObject: body)
            let fingerprint = PayloadFingerprint.sha256(of: compact, source: source)
            #expect(fingerprint != Digest.sha256.hex(compact), "\(name) was not read as JSON")
            for options: JSONSerialization.WritingOptions in [[.prettyPrinted], [.sortedKeys, .withoutEscapingSlashes], [.prettyPrinted, .sortedKeys]] {
                let other = try JSONSerialization.data(withJSONObject: body, options: options)
                #expect(PayloadFingerprint.sha256(of: other, source: source) == fingerprint, "\(name) \(options)")
            }
        }
        #expect(objects > 0)
    }

    @Test func twoFetchesDifferingOnlyInAVolatileFieldAreStoredOnceAsFetched() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let forecast = try CollectTestSupport.referenceBody("open-meteo.json", "samples", "forecast_hourly", "body")
        let first = try edited(forecast, ["generationtime_ms": 0.0820159912109375])
        let second = try edited(forecast, ["generationtime_ms": 0.123])
        func response(_ body: Data) -> UpstreamResponse {
            UpstreamResponse(source: "open-meteo", endpoint: "/v1/forecast", status: 200, headers: [:], body: body, fetchedAt: Date())
        }
        #expect(try await RawIngestion.store(response(first), isBackfill: false, jobID: "a", in: store))
        #expect(try await !RawIngestion.store(response(second), isBackfill: false, jobID: "b", in: store))
        #expect(try await CollectTestSupport.count(store, "raw_ingest") == 1)
        let stored = try #require(try await store.rawIngest.latest(source: "open-meteo", endpoint: "/v1/forecast"))
        #expect(stored.payload == first)
        #expect(stored.payloadSHA256 == PayloadFingerprint.sha256(of: second, source: "open-meteo"))
        await store.shutdown()
    }

    @Test func recollectingTheSandboxWritesNothingNew() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            let logger = CollectTestSupport.logger
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let client = OpenMeteoClient(configuration: configuration.openMeteo, upstream: upstream)
            let weather = WeatherCollector(client: client, store: store, now: configuration.now)
            let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
            _ = try await games.collect(
                CollectGames(sport: "mlb", dates: ["20260508", "20260509", "20260510"]), jobID: "g", logger: logger)

            // The sandbox, like Open-Meteo, reports how long each answer took: the bytes differ every time.
            let one = try await client.archive(latitude: 40.8, longitude: -73.9, from: "2026-05-07", to: "2026-05-08", now: Date())
            let two = try await client.archive(latitude: 40.8, longitude: -73.9, from: "2026-05-07", to: "2026-05-08", now: Date())
            #expect(one.body != two.body)

            let forecast = try await weather.collect(CollectWeather(sport: "mlb"), jobID: "w1", logger: logger)
            let archive = try await weather.collect(
                CollectWeather(sport: "mlb", from: "2026-05-08", to: "2026-05-08"), jobID: "a1", logger: logger)
            #expect(forecast.observationsWritten > 0 && archive.observationsWritten > 0)
            let rawRows = try await CollectTestSupport.count(store, "raw_ingest")
            #expect(try await weather.collect(CollectWeather(sport: "mlb"), jobID: "w2", logger: logger).observationsWritten == 0)
            #expect(
                try await weather.collect(CollectWeather(sport: "mlb", from: "2026-05-08", to: "2026-05-08"), jobID: "a2", logger: logger)
                    .observationsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "raw_ingest") == rawRows)

            // The newest historical snapshot has no next one; ten minutes on it has, and is still the same data.
            let at = sandbox.clock.now
            let newest = try await odds.collect(CollectOdds(sport: "mlb", snapshotAt: at, isBackfill: true), jobID: "h1", logger: logger)
            #expect(newest.payloadWasNew && newest.snapshotsWritten > 0)
            sandbox.clock.advance(by: 600)
            let later = try await odds.collect(CollectOdds(sport: "mlb", snapshotAt: at, isBackfill: true), jobID: "h2", logger: logger)
            #expect(later.applied && !later.payloadWasNew && later.snapshotsWritten == 0)
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "source = 'the-odds-api'") == 1)
            let stored = try #require(
                try await store.rawIngest.latest(source: "the-odds-api", endpoint: "/v4/historical/sports/baseball_mlb/odds"))
            let keptAsFetched = String(decoding: stored.payload, as: UTF8.self).contains("\"next_timestamp\":null")
            #expect(keptAsFetched)
        }
        await store.shutdown()
    }
}
