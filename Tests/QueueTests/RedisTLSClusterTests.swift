import Foundation
import Redis
import TestSupport
import Testing
@testable import Queue

/// `rediss-cluster://` against a real Redis Cluster that speaks TLS only: the queue on every master, and a queue
/// moved between masters (the nodes `MIGRATE` to each other over TLS, with the password).
@Suite struct RedisTLSClusterTests {
    @Test func queuesOnEveryMasterAndAMoveWorkOverTLS() async throws {
        try await TLSRedisCluster.with { cluster in
            let client = RedisClient(configuration: try RedisConfiguration(url: cluster.url))
            defer { client.close() }
            let backend = RedisQueueBackend(redis: client)
            let queue = JobQueue(backend: backend)
            let masters = try await client.clusterMasters()
            #expect(masters.count == 3)
            // A queue on each master: names are tried until each master serves one.
            var queues: [RedisNodeAddress: String] = [:]
            for index in 0..<200 where queues.count < masters.count {
                let name = "tls-\(index)"
                if let master = try await backend.master(of: name), queues[master] == nil { queues[master] = name }
            }
            #expect(queues.count == 3)
            for name in queues.values {
                let id = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id
                let job = try #require(try await queue.reserve(queue: name, worker: "w", lease: .seconds(5), max: 1).jobs.first)
                #expect(job.id == id)
                #expect(try await queue.complete(queue: name, [(id, job.leaseToken, "{}")]) == [true])
            }

            let (home, name) = try #require(queues.first)
            let waiting = try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id
            let away = try #require(masters.first { $0 != home })
            try await backend.moveQueue(name, to: away)
            #expect(try await backend.master(of: name) == away)
            let job = try #require(try await queue.reserve(queue: name, worker: "w", lease: .seconds(5), max: 1).jobs.first)
            #expect(job.id == waiting)
            #expect(try await queue.complete(queue: name, [(waiting, job.leaseToken, "{}")]) == [true])
            #expect(try await queue.job(waiting)?.state == .succeeded)
        }
    }
}
