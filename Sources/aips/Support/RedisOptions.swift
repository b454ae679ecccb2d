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

    /// A queue client and the Redis client under it, which the caller closes; finished jobs are listed for
    /// archiving when a database is configured.
    func makeQueue() throws -> (queue: JobQueue, redis: RedisClient) {
        let redis = try makeClient()
        let archive = DevServers.databaseURL != nil
        let queue = JobQueue(
            redis: redis, configuration: QueueConfiguration(archiveFinishedJobs: archive), registry: JobCatalog.registry(redis: redis))
        return (queue, redis)
    }
}
