import ArgumentParser
import Foundation
import Logging
import Postgres
import Store

/// The database options every `aips migrate` subcommand takes.
struct MigrateOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL (postgres://user:pass@host:port/db?sslmode=...). Default: $DATABASE_URL, else a running aips dev's.")
    var databaseURL: String?

    /// The URL to migrate: the option, else `DATABASE_URL`, else the database of an `aips dev` running here.
    func resolvedURL() throws -> String {
        if let databaseURL { return databaseURL }
        if let url = DevServers.databaseURL { return url }
        throw ValidationError("no database: pass --database-url, set DATABASE_URL, or run this beside a running aips dev")
    }

    /// Runs `body` with a migrator of the resolved database over one connection, closed when `body` is done.
    func withMigrator<T>(_ body: (Migrator) async throws -> T) async throws -> T {
        let store = Store(configuration: PostgresConfiguration(url: try resolvedURL(), maximumConnections: 1))
        return try await store.withShutdown { store in try await body(store.migrator(logger: Logger(label: "aips.migrate"))) }
    }
}
