import Foundation

/// Where the real servers the integration tests talk to live.
///
/// `scripts/test` starts a private redis-server and PostgreSQL and exports their
/// URLs; run under plain `swift test`, the local defaults are used.
public enum TestServers {
    /// The Redis the tests use (`REDIS_URL`, default `redis://127.0.0.1:6379/0`).
    public static var redisURL: String {
        ProcessInfo.processInfo.environment["REDIS_URL"] ?? "redis://127.0.0.1:6379/0"
    }

    /// The Redis Cluster the tests use (`REDIS_CLUSTER_URL`, 3 masters + 3 replicas that `scripts/test` starts;
    /// default the conventional local ports 7000–7002).
    public static var redisClusterURL: String {
        ProcessInfo.processInfo.environment["REDIS_CLUSTER_URL"] ?? "redis-cluster://127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002"
    }

    /// The sentinel-watched master the tests use (`REDIS_SENTINEL_URL`, master `mymaster`; default local sentinels).
    public static var redisSentinelURL: String {
        ProcessInfo.processInfo.environment["REDIS_SENTINEL_URL"] ?? "redis-sentinel://127.0.0.1:26379/mymaster"
    }

    /// The PostgreSQL the tests use (`DATABASE_URL`, default a local `postgres` database).
    public static var databaseURL: String {
        ProcessInfo.processInfo.environment["DATABASE_URL"]
            ?? "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
    }

    /// A streaming replica of `databaseURL` (`DATABASE_REPLICA_URL`, which `scripts/test` sets); `nil` when none runs.
    public static var databaseReplicaURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_REPLICA_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A scratch directory for this test run.
    public static var temporaryDirectory: URL {
        let path = ProcessInfo.processInfo.environment["AIPS_TEST_TMP"] ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// The built `aips` executable, for tests that run real worker or scheduler processes.
    public static var aipsExecutable: URL {
        if let path = ProcessInfo.processInfo.environment["AIPS_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var directory = URL(fileURLWithPath: #filePath)
        while directory.path != "/" {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent(".build/debug/aips")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: ".build/debug/aips")
    }

    /// A name unique to this call, for queues, keys and databases that tests must not share.
    public static func uniqueName(_ base: String = #function) -> String {
        let cleaned = base.filter { $0.isLetter || $0.isNumber }.prefix(40)
        return "\(cleaned)-\(UInt32.random(in: 0...UInt32.max))"
    }
}
