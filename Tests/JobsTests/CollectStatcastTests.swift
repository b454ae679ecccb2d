import Foundation
import Jobs
import Logging
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// Savant's CSV quirks: the byte-order mark, `null` tokens, silent row caps, the 200-with-timeout body.
@Suite struct CollectStatcastTests {
    @Test func theReferenceCSVParses() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "CollectFixtures/baseball-savant-statcast.csv")
        let csv = try StatcastCSV(Data(contentsOf: url), source: "baseball-savant", endpoint: "/reference")
        #expect(csv.columns.count == 118 && csv.columns[0] == "pitch_type")
        #expect(csv.rows.count == 3)
        let speed = try #require(csv.index(of: "launch_speed"))
        #expect(csv.rows.map { $0[speed] } == ["106.3", nil, nil])
        #expect(csv.rows[0][csv.index(of: "game_pk")!] == "631234")
        #expect(csv.rows[0][csv.index(of: "des")!]?.hasPrefix("Pete Alonso homers") == true)
    }

    @Test func chunksThatHitTheRowCapAreSplitAndEveryPitchIsStored() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let server = SandboxServer(
            configuration: SandboxConfiguration(seed: 42, start: CollectTestSupport.noonEastern, speed: 0, savantRowCap: 5_000),
            logger: Logger(label: "sandbox"))
        try await server.withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let upstream = UpstreamClient()
            _ = try await GamesCollector(
                client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, venues: configuration.venues,
                now: configuration.now
            ).collect(
                CollectGames(sport: "mlb", dates: ["20260506", "20260507", "20260508"]), jobID: "games", logger: CollectTestSupport.logger)
            let collector = StatcastCollector(
                client: SavantClient(
                    configuration: SavantConfiguration(baseURL: sandbox.baseURL, chunkDays: 2, rowCap: 5_000), upstream: upstream),
                store: store, now: configuration.now)
            let parameters = CollectStatcast(from: "2026-05-07", to: "2026-05-08")
            let result = try await collector.collect(parameters, jobID: "statcast-1", logger: CollectTestSupport.logger)
            let expected = ["20260507", "20260508"].flatMap { sandbox.world.games(.mlb, onEasternDate: $0) ?? [] }
                .reduce(0) { $0 + sandbox.world.pitches(of: $1).count }
            #expect(result.searches > 1 && result.pitches == expected && result.unmatchedPitches == 0)
            #expect(try await CollectTestSupport.count(store, "statcast") == expected)
            #expect(try await CollectTestSupport.count(store, "statcast", where: "game_id IS NULL") == 0)
            #expect(try await CollectTestSupport.count(store, "statcast", where: "launch_speed_mph IS NOT NULL") > 0)
            #expect(try await CollectTestSupport.count(store, "statcast", where: "events IS NULL") > 0)

            let rawRows = try await CollectTestSupport.count(store, "raw_ingest")
            let again = try await collector.collect(parameters, jobID: "statcast-2", logger: CollectTestSupport.logger)
            #expect(again.applied && again.pitchesWritten == 0)
            #expect(try await CollectTestSupport.count(store, "raw_ingest") == rawRows)

            let oneDay = StatcastCollector(
                client: SavantClient(
                    configuration: SavantConfiguration(baseURL: sandbox.baseURL, chunkDays: 1, rowCap: 100), upstream: upstream),
                store: store, now: configuration.now)
            let capped = await #expect(throws: CollectorError.self) {
                try await oneDay.collect(
                    CollectStatcast(from: "2026-05-08", to: "2026-05-08"), jobID: "statcast-3", logger: CollectTestSupport.logger)
            }
            #expect(capped?.code == .invalidPayload && capped?.message.contains("row cap") == true)

            sandbox.faults.inject(
                .body("Error: Query Timeout. Please try to limit your query to less data.\n"), pathPrefix: "/statcast_search")
            let timeout = await #expect(throws: CollectorError.self) {
                try await collector.collect(parameters, jobID: "statcast-4", logger: CollectTestSupport.logger)
            }
            #expect(timeout?.code == .upstreamFailed && timeout?.isPermanent == false && timeout?.message.contains("Query Timeout") == true)
        }
        await store.shutdown()
    }
}
