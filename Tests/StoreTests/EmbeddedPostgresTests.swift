import EmbeddedServers
import Foundation
import Logging
import Postgres
import Store
import TestSupport
import Testing

@Suite struct EmbeddedPostgresTests {
    @Test func startsOnAUnixSocketOnlyAndKeepsDataAcrossRestarts() async throws {
        let directory = TestServers.temporaryDirectory.appendingPathComponent("epg-\(UInt32.random(in: 0...UInt32.max))")
        let configuration = EmbeddedPostgresConfiguration(directory: directory.path, databaseName: "aips_dev", port: 5433)
        let embedded = EmbeddedPostgres(configuration: configuration, logger: Logger(label: "embedded-test"))

        let url = try await embedded.start()
        #expect(url.hasPrefix("postgresql:///aips_dev?"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".s.PGSQL.5433").path))
        let connection = try await PostgresConnection.connect(to: url)
        let settings = try #require(
            try await connection.query("SELECT current_setting('listen_addresses') AS listen, current_database() AS db").first)
        #expect(try settings.decode(String.self, "listen") == "")
        #expect(try settings.decode(String.self, "db") == "aips_dev")
        _ = try await connection.query("CREATE TABLE kept (v int)")
        await connection.close()

        // A second instance on the same directory adopts the running server.
        let adopted = EmbeddedPostgres(configuration: configuration, logger: Logger(label: "embedded-test"))
        #expect(try await adopted.start() == url)

        try await embedded.stop()
        try await adopted.stop()
        await #expect(throws: StoreError.self) { try await PostgresConnection.connect(to: url) }

        let restarted = EmbeddedPostgres(configuration: configuration, logger: Logger(label: "embedded-test"))
        let again = try await PostgresConnection.connect(to: try await restarted.start())
        #expect(try await again.query("SELECT count(*) AS n FROM kept").first?.decode(Int.self, "n") == 0)
        await again.close()
        try await restarted.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
