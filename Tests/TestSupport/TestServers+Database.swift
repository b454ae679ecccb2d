import Foundation
import Logging
import Postgres
import Store

extension TestServers {
    /// Creates an empty database on the test PostgreSQL, named after `base` and unique to this call; returns its URL.
    public static func createDatabase(_ base: String = #function) async throws -> String {
        let name = uniqueName(base).lowercased().replacingOccurrences(of: "-", with: "_")
        let admin = try await PostgresConnection.connect(to: databaseURL)
        _ = try await admin.query("CREATE DATABASE \(identifier: name)")
        await admin.close()
        var components = URLComponents(string: databaseURL)!
        components.path = "/" + name
        return components.string!
    }

    /// A new database (``createDatabase(_:)``) with the platform's migrations applied, and a store on it.
    public static func migratedStore(
        _ base: String = #function, maximumConnections: Int = 4, logger: Logger = Logger(label: "test")
    ) async throws -> Store {
        let store = Store(configuration: PostgresConfiguration(url: try await createDatabase(base), maximumConnections: maximumConnections))
        try await store.migrate(logger: logger)
        return store
    }
}
