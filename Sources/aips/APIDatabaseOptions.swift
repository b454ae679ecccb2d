import ArgumentParser
import Foundation
import Postgres
import Store

/// Where PostgreSQL is: `--database-url`, else `DATABASE_URL`, else a running `aips dev`'s, else a local default; and
/// the streaming replica the read paths may use: `--database-replica-url`, else `DATABASE_REPLICA_URL`, else none.
struct APIDatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL (default: $DATABASE_URL, else a running aips dev's, else postgres://postgres@127.0.0.1:5432/postgres).")
    var url: String?

    @Option(help: "Most PostgreSQL connections this process opens.")
    var databaseConnections: Int = 8

    @Option(
        name: .customLong("database-replica-url"),
        help: "URL of a PostgreSQL streaming replica for the read paths that tolerate a few seconds' staleness (default: $DATABASE_REPLICA_URL, else none).")
    var replicaURL: String?

    @Option(help: ArgumentHelp("Seconds the replica may trail the primary before its reads go to the primary.", valueName: "seconds"))
    var replicaMaxLag: Double = 5

    func validate() throws {
        guard replicaMaxLag > 0 && replicaMaxLag <= 3_600 else { throw ValidationError("--replica-max-lag must be above 0 and at most 3600") }
    }

    var resolvedURL: String {
        url ?? DevServers.databaseURL ?? "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
    }

    /// The replica's URL, when one is configured.
    var resolvedReplicaURL: String? {
        replicaURL ?? ProcessInfo.processInfo.environment["DATABASE_REPLICA_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func makeStore() -> Store {
        Store(
            configuration: PostgresConfiguration(url: resolvedURL, maximumConnections: databaseConnections),
            replica: resolvedReplicaURL.map { url in
                PostgresReplicaConfiguration(url: url, maximumConnections: databaseConnections, maximumLag: .seconds(replicaMaxLag))
            })
    }
}
