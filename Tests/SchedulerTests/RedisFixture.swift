import Foundation
import Queue
import Redis
import Scheduler
import TestSupport
import Testing

/// Where a scheduler test's queue keeps its jobs: the test Redis, the test Redis Cluster (where the lease and
/// tick ledger live too, so their scripts are shown to keep their keys in one slot), or the in-memory backend
/// that keeps the same queue contract, so the tick and flow logic is checked on each.
enum QueueBackendKind: String, CaseIterable, CustomTestStringConvertible {
    case redis
    case redisCluster
    case memory

    /// The Redis arrangements: what lease and ledger tests run on.
    static let redisDeployments: [Self] = [.redis, .redisCluster]

    var testDescription: String { rawValue }
}

/// A Redis client, queue and scheduler key namespace of the test's own, on the test Redis.
struct RedisFixture {
    let redis: RedisClient
    let queue: JobQueue
    /// A queue name and key namespace no other test uses.
    let name: String
    let keys: SchedulerKeys

    /// The fixture; with `.memory` the queue is in process (the leader lease and tick ledger stay on Redis).
    init(_ function: String = #function, queueBackend: QueueBackendKind = .redis) throws {
        let url = queueBackend == .redisCluster ? TestServers.redisClusterURL : TestServers.redisURL
        redis = RedisClient(configuration: try RedisConfiguration(url: url))
        switch queueBackend {
        case .redis, .redisCluster: queue = JobQueue(redis: redis)
        case .memory: queue = JobQueue(backend: InMemoryQueueBackend())
        }
        name = TestServers.uniqueName(function).lowercased()
        keys = SchedulerKeys(namespace: "test:\(name)")
    }

    /// The idempotency keys of every job waiting in the test's queue.
    func queuedKeys() async throws -> [String] {
        try await queue.list(queue: name, state: .queued, limit: 10_000).compactMap(\.idempotencyKey)
    }
}
