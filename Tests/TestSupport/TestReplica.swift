import EmbeddedServers
import Foundation
import Postgres

/// The streaming replica of the tests' PostgreSQL (`TestServers.databaseReplicaURL`), and private replicas made with
/// `scripts/lib/pg-replica.sh` for tests that promote one.
public enum TestReplica {
    /// The URL of database `primaryURL` names, on the test replica; `nil` when no replica runs.
    public static func url(of primaryURL: String) -> String? {
        guard let replica = TestServers.databaseReplicaURL, var components = URLComponents(string: replica),
            let primary = URLComponents(string: primaryURL)
        else { return nil }
        components.path = primary.path
        return components.string
    }

    /// Waits until `replicaURL` has replayed everything `primaryURL`'s server had written when this was called
    /// (a database just created there included); throws after `timeout`.
    public static func waitUntilReplayed(primary primaryURL: String, replica replicaURL: String, timeout: Duration = .seconds(120))
        async throws
    {
        let primary = try await PostgresConnection.connect(to: primaryURL)
        let target = try await primary.query("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint AS position").first?
            .decode(Int64.self, "position") ?? 0
        await primary.close()
        let deadline = ContinuousClock.now + timeout
        while true {
            // The database may not exist on the replica yet: connecting fails until its creation is replayed.
            if let replica = try? await PostgresConnection.connect(to: replicaURL) {
                let replayed = try? await replica.query("SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS position").first?
                    .decode(Int64?.self, "position")
                await replica.close()
                if let replayed, replayed >= target { return }
            }
            guard ContinuousClock.now < deadline else {
                throw StoreError(.connectionFailed, message: "the replica did not replay up to the primary's position in \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// `scripts/lib/pg-replica.sh`, found from this file.
    public static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/lib/pg-replica.sh")
    }

    /// Starts a hot standby of the primary at `host` (an address or a unix socket directory) and `port` in
    /// `directory`; returns its URL (database `postgres`).
    public static func start(ofPrimaryAt host: String, port: Int, in directory: URL) async throws -> String {
        let (status, output) = try await runScript(["start", host, String(port), directory.path], log: directory.path + ".start.log")
        // The script prints the URL last; what else the log holds is the programs' complaints.
        guard status == 0, let url = output.split(separator: "\n").last(where: { $0.hasPrefix("postgres://") }) else {
            throw StoreError(.embeddedServer, message: "pg-replica.sh start failed (exit \(status))", detail: output)
        }
        return String(url)
    }

    /// Stops the server in `directory` at once, as a crash would (`pg_ctl stop -m immediate`): a replica made by
    /// `start`, promoted or not, or any cluster whose data is in `directory/data`.
    public static func stopAtOnce(in directory: URL) async throws {
        let (status, output) = try await runScript(["stop", directory.path], log: directory.path + ".stop.log")
        guard status == 0 else { throw StoreError(.embeddedServer, message: "pg-replica.sh stop failed (exit \(status))", detail: output) }
    }

    /// Runs the script through `ChildProcess` (not Foundation's `Process`: `pg_ctl start` leaves a server behind that
    /// confuses its exit detection); returns its status and what it printed.
    private static func runScript(_ arguments: [String], log: String) async throws -> (status: Int32, output: String) {
        try? FileManager.default.removeItem(atPath: log)
        let status = try await ChildProcess.run("/bin/bash", [script.path] + arguments, log: URL(fileURLWithPath: log))
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
