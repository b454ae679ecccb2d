import Foundation
import Jobs
import Logging
import Postgres
import Sandbox
import Store
import TestSupport

/// Shared scaffolding of the collector tests: a fresh migrated database each, a frozen sandbox, fixtures.
enum CollectTestSupport {
    /// Saturday 2026-05-09, noon Eastern: the day's games are all still to come.
    static let noonEastern = Date(timeIntervalSince1970: 1_778_342_400)

    static let logger = Logger(label: "collect-test")

    /// A new database with the platform's migrations, and a store on it.
    static func migratedStore(_ function: String = #function) async throws -> Store {
        try await TestServers.migratedStore(function, logger: logger)
    }

    /// A frozen sandbox world (speed 0) at `start`.
    static func sandbox(
        seed: UInt64 = 42, start: Date = noonEastern, quota: Int = 100_000, requestsPerWindow: Int = 1_000, window: Duration = .seconds(1)
    )
        -> SandboxServer
    {
        SandboxServer(
            configuration: SandboxConfiguration(
                seed: seed, start: start, speed: 0, oddsAPIQuota: quota,
                oddsAPIRequestsPerWindow: requestsPerWindow, oddsAPIRateWindow: window),
            logger: Logger(label: "sandbox"))
    }

    /// A sample body from a reference file in `CollectFixtures` (`the-odds-api.json`, `samples.odds_american.body`).
    static func referenceBody(_ file: String, _ path: String...) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CollectFixtures/\(file)")
        var node: Any = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        for key in path { node = (node as! [String: Any])[key]! }
        return try JSONSerialization.data(withJSONObject: node, options: [.fragmentsAllowed])
    }

    /// The distinct ids in `column` of `table`.
    static func ids(_ store: Store, _ column: String, of table: String, where condition: String = "true") async throws -> Set<Int> {
        let sql = "SELECT DISTINCT " + column + " AS id FROM " + table + " WHERE " + condition
        return Set(try await store.query(PostgresQuery(sql)).map { try $0.decode(Int.self, "id") })
    }

    /// Counts rows of `table`.
    static func count(_ store: Store, _ table: String, where condition: String = "true") async throws -> Int {
        let sql = "SELECT count(*) AS n FROM " + table + " WHERE " + condition
        return try await store.query(PostgresQuery(sql)).first!.decode(Int.self, "n")
    }
}
