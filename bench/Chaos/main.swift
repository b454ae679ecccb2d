import Foundation
import TestSupport

// The chaos harness: bench/chaos.sh runs it with a private redis-server and PostgreSQL.
let environment = ProcessInfo.processInfo.environment
let aips = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("aips")
let configuration = ChaosRun.Configuration(
    jobs: Int(environment["CHAOS_JOBS"] ?? "10000") ?? 10_000,
    workers: Int(environment["CHAOS_WORKERS"] ?? "3") ?? 3,
    workerKillInterval: Double(environment["CHAOS_KILL_INTERVAL"] ?? "0.8") ?? 0.8,
    redisRestarts: Int(environment["CHAOS_REDIS_RESTARTS"] ?? "3") ?? 3,
    databaseURL: environment["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
    aips: aips, directory: URL(fileURLWithPath: NSTemporaryDirectory()), timeout: .seconds(600),
    // CHAOS_CLUSTER=1: on the Redis Cluster scripts/lib/servers.sh starts, killing the queue's master instead.
    redisClusterURL: environment["CHAOS_CLUSTER"] == "1" ? environment["REDIS_CLUSTER_URL"] : nil,
    // On the cluster, the queue also moves between masters (aips queue move) this many times under the load.
    queueMoves: Int(environment["CHAOS_QUEUE_MOVES"] ?? "2") ?? 2)
let report = try await ChaosRun(configuration: configuration).run()
print(report)
exit(report.isClean ? 0 : 1)
