import ArgumentParser
import Foundation
import Postgres
import Store

/// Where PostgreSQL is: `--database-url`, else `DATABASE_URL`, else a running `aips dev`'s, else a local default.
struct APIDatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL (default: $DATABASE_URL, else a running aips dev's, else postgres://postgres@127.0.0.1:5432/postgres).")
    var url: String?

    @Option(help: "Most PostgreSQL connections this process opens.")
    var databaseConnections: Int = 8

    var resolvedURL: String {
        url ?? DevServers.databaseURL ?? "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
    }

    func makeStore() -> Store {
        Store(configuration: PostgresConfiguration(url: resolvedURL, maximumConnections: databaseConnections))
    }
}
