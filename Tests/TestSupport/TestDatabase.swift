import Foundation
import Logging
import Postgres
import Store

/// A fresh PostgreSQL database per test, on the server `scripts/test` started, so tests run in parallel.
public struct TestDatabase: Sendable {
    /// The URL of the new database.
    public let url: String

    /// Creates an empty database named after the calling test.
    public static func create(_ function: String = #function) async throws -> TestDatabase {
        TestDatabase(url: try await TestServers.createDatabase(function))
    }

    /// Creates a database and applies the platform's migrations.
    public static func migrated(_ function: String = #function) async throws -> TestDatabase {
        let database = try await create(function)
        let pool = database.pool()
        try await Migrator(pool: pool, logger: Logger(label: "test")).up()
        await pool.shutdown()
        return database
    }

    /// A pool on this database.
    public func pool(maximumConnections: Int = 4) -> PostgresConnectionPool {
        PostgresConnectionPool(configuration: PostgresConfiguration(url: url, maximumConnections: maximumConnections))
    }
}
