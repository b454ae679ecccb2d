import ArgumentParser
import Foundation

/// The database options every `aips migrate` subcommand takes.
struct MigrateOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL (postgres://user:pass@host:port/db?sslmode=...). Default: $DATABASE_URL.")
    var databaseURL: String?

    /// The URL to migrate: the option, else `DATABASE_URL`.
    func resolvedURL() throws -> String {
        if let databaseURL { return databaseURL }
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { return url }
        throw ValidationError("no database: pass --database-url or set DATABASE_URL")
    }
}
