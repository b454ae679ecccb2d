import Foundation
import Jobs
import Logging
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
        let name = TestServers.uniqueName(function).lowercased().replacingOccurrences(of: "-", with: "_")
        let admin = try await PostgresConnection.connect(to: TestServers.databaseURL)
        _ = try await admin.query("CREATE DATABASE \(identifier: name)")
        await admin.close()
        var components = URLComponents(string: TestServers.databaseURL)!
        components.path = "/" + name
        let store = Store(configuration: PostgresConfiguration(url: components.string!, maximumConnections: 4))
        try await store.migrate(logger: logger)
        return store
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

    /// Collectors pointed at `sandbox`, on its clock, with its venues.
    static func configuration(_ sandbox: RunningSandbox, apiKey: String = "sandbox", oddsFormat: OddsFormat = .american)
        -> CollectorConfiguration
    {
        let venues = SandboxSport.allCases.flatMap { sandbox.world.league($0)?.teams ?? [] }.map { team in
            Venue(
                name: team.venue.name, city: team.venue.city, latitude: team.venue.latitude, longitude: team.venue.longitude,
                timeZone: team.venue.timeZone, isIndoor: team.venue.isIndoor)
        }
        let clock = sandbox.clock
        return CollectorConfiguration(
            oddsAPI: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: apiKey, oddsFormat: oddsFormat),
            espn: ESPNConfiguration(baseURL: sandbox.baseURL),
            openMeteo: OpenMeteoConfiguration(baseURL: sandbox.baseURL, archiveBaseURL: sandbox.baseURL),
            venues: VenueCatalog(venues), now: { clock.now })
    }

    /// A sample body from a reference file in `CollectFixtures` (`the-odds-api.json`, `samples.odds_american.body`).
    static func referenceBody(_ file: String, _ path: String...) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CollectFixtures/\(file)")
        var node: Any = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        for key in path { node = (node as! [String: Any])[key]! }
        return try JSONSerialization.data(withJSONObject: node, options: [.fragmentsAllowed])
    }

    /// Counts rows of `table`.
    static func count(_ store: Store, _ table: String, where condition: String = "true") async throws -> Int {
        let sql = "SELECT count(*) AS n FROM " + table + " WHERE " + condition
        return try await store.query(PostgresQuery(sql)).first!.decode(Int.self, "n")
    }
}
