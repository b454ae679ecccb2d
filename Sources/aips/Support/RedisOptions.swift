import ArgumentParser
import Foundation
import Queue
import Redis

/// Where Redis is: `--redis-url`, else `REDIS_URL`, else a running `aips dev`'s, else a local default.
struct RedisOptions: ParsableArguments {
    @Option(name: .customLong("redis-url"), help: "Redis URL (default: $REDIS_URL, else a running aips dev's, else redis://127.0.0.1:6379/0).")
    var url: String?

    var resolvedURL: String {
        url ?? DevServers.redisURL ?? "redis://127.0.0.1:6379/0"
    }

    func makeClient() throws -> RedisClient {
        RedisClient(configuration: try RedisConfiguration(url: resolvedURL))
    }

    /// Runs `body` with a queue client, closing its Redis connection after; finished jobs are listed for
    /// archiving when a database is configured.
    func withQueue<T>(_ body: (JobQueue) async throws -> T) async throws -> T {
        let redis = try makeClient()
        defer { redis.close() }
        let archive = DevServers.databaseURL != nil
        let queue = JobQueue(
            redis: redis, configuration: try .aips(archiveFinishedJobs: archive), registry: JobCatalog.registry(redis: redis))
        return try await body(queue)
    }
}
