import EmbeddedServers
import Foundation
import Logging
import Postgres

/// A private PostgreSQL primary (embedded, reached over its socket only) and a streaming replica of it, for the
/// database-failover runbook (`deploy/runbooks/database-failover.md`): `platformURL` is what production's
/// `DATABASE_URL` should be, both servers with libpq taking whichever accepts writes.
public struct TestFailoverDatabase: Sendable {
    public let primaryURL: String
    /// The replica's URL, database `aips`.
    public let replicaURL: String
    public let replicaPort: Int
    public let platformURL: String
    public let primaryDirectory: URL
    public let replicaDirectory: URL
    private let directory: URL

    /// Starts both servers in a directory of their own under the test's temporary directory.
    public static func start(_ name: String = #function) async throws -> TestFailoverDatabase {
        let directory = TestServers.temporaryDirectory.appendingPathComponent(TestServers.uniqueName(name))
        // The server account (postgres, when the tests run as root) must reach the data directories inside.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let primaryDirectory = directory.appendingPathComponent("primary")
        let replicaDirectory = directory.appendingPathComponent("replica")
        let embedded = EmbeddedPostgres(
            configuration: EmbeddedPostgresConfiguration(directory: primaryDirectory.path, databaseName: "aips"), logger: Logger(label: "test"))
        do {
            let primaryURL = try await embedded.start()
            let replicaServerURL = try await TestReplica.start(ofPrimaryAt: primaryDirectory.path, port: 5432, in: replicaDirectory)
            guard var replica = URLComponents(string: replicaServerURL), let replicaPort = replica.port else {
                throw URLError(.badURL)
            }
            replica.path = "/aips"
            return TestFailoverDatabase(
                primaryURL: primaryURL, replicaURL: replica.string ?? replicaServerURL, replicaPort: replicaPort,
                platformURL: "postgresql:///aips?host=\(primaryDirectory.path),127.0.0.1&port=5432,\(replicaPort)&user=postgres"
                    + "&target_session_attrs=read-write&connect_timeout=2",
                primaryDirectory: primaryDirectory, replicaDirectory: replicaDirectory, directory: directory)
        } catch {
            try? await TestReplica.stopAtOnce(in: primaryDirectory)
            try? await TestReplica.stopAtOnce(in: replicaDirectory)
            throw error
        }
    }

    /// Runs `body` with both servers started, and stops them after it, whether it threw or not.
    public static func withRunning(_ name: String = #function, _ body: (TestFailoverDatabase) async throws -> Void) async throws {
        let servers = try await start(name)
        try await withCleanup({ try await body(servers) }, cleanup: servers.stop)
    }

    /// Makes the primary wait for the replica's flush before it acknowledges a commit (`synchronous_standby_names`),
    /// and returns once the replica streams synchronously. Asynchronous replication, the default, can lose the
    /// commits of a crashed primary's last moments (the runbook's step 2); synchronous replication is how a
    /// deployment that cannot re-run those jobs closes that window.
    public func replicateSynchronously() async throws {
        let primary = try await PostgresConnection.connect(to: primaryURL)
        let streaming = try await withCleanup({
            _ = try await primary.query("ALTER SYSTEM SET synchronous_standby_names = '*'")
            _ = try await primary.query("SELECT pg_reload_conf()")
            return try await eventually(timeout: .seconds(30)) {
                try await primary.query("SELECT count(*) AS n FROM pg_stat_replication WHERE sync_state = 'sync'").first?
                    .decode(Int.self, "n") == 1
            }
        }, cleanup: { await primary.close() })
        guard streaming else { throw StoreError(.embeddedServer, message: "the replica did not become synchronous within 30 s") }
    }

    /// Runbook 1: the primary dies as in a crash (no shutdown checkpoint, sessions cut).
    public func killPrimary() async throws {
        try await TestReplica.stopAtOnce(in: primaryDirectory)
    }

    /// Stops both servers at once and removes their data.
    public func stop() async {
        try? await TestReplica.stopAtOnce(in: primaryDirectory)
        try? await TestReplica.stopAtOnce(in: replicaDirectory)
        try? FileManager.default.removeItem(at: directory)
    }
}
