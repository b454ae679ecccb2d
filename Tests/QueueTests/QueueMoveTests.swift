@testable import Diagnostics
import Foundation
import Redis
import TestSupport
import Testing
@testable import Queue

/// Moving a live queue to another Redis Cluster master (`RedisQueueBackend.moveQueue`): producers and a worker keep
/// going, every job ends once, and the move meets no `BUSYKEY` (a plain slot migration under the queue's scripts
/// does: they build key names the cluster does not route).
@Suite struct QueueMoveTests {
    @Test func aLiveQueueMovesToAnotherMasterAndBackWithNoJobLostOrRunTwice() async throws {
        let fixture = try QueueFixture(on: .cluster)
        let backend = try #require(fixture.queue.backend as? RedisQueueBackend)
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: fixture.redis)
        let ledger = TestServers.uniqueName()
        let total = 2_000
        let ids = Accepted()

        try await whileRunning(WorkerTests().makeWorker(fixture, registry: registry, concurrency: 8)) {
            // A producer: batches of 50 jobs that count their runs, one after another, while the queue moves twice.
            async let produced: Void = {
                for start in stride(from: 0, to: total, by: 50) {
                    let batch = (start..<start + 50).map { _ in fixture.request("diag.effect", payload: #"{"ledger":"\#(ledger)"}"#) }
                    await ids.add(try await fixture.queue.enqueue(batch).map(\.id))
                    try await Task.sleep(for: .milliseconds(5))
                }
            }()
            try await ClusterReshaping.exclusively {
                let meta = RedisQueueKeys(queue: fixture.name).meta
                let home = try #require(try await fixture.redis.clusterMaster(servingKey: meta))
                let masters = try await fixture.redis.clusterMasters()
                let away = try #require(masters.first { $0 != home })
                try await expectEventually { await ids.count >= 300 }
                let slot = try await backend.moveQueue(fixture.name, to: away)
                #expect(slot == RedisHashSlot.of(key: meta))
                #expect(try await fixture.redis.clusterMaster(servingKey: meta) == away)
                try await expectEventually { await ids.count >= 1_000 }
                try await backend.moveQueue(fixture.name, to: home)
                #expect(try await fixture.redis.clusterMaster(servingKey: meta) == home)
                #expect(try await fixture.redis.send("HEXISTS", meta, "moving").int == 0)
            }
            try await produced
            try await expectEventually(timeout: .seconds(60)) {
                (try await fixture.queue.stats(queue: fixture.name).counts[.succeeded] ?? 0) == total
            }
        }
        let accepted = await ids.all
        #expect(Set(accepted).count == total)
        for id in accepted { #expect(try await fixture.state(id) == .succeeded) }
        // Each job ran once: the ledger counts runs per job id.
        let runs = try await fixture.redis.send("HVALS", DiagnosticJobs.ledgerKey(ledger)).array?.compactMap(\.int) ?? []
        #expect(runs.count == total)
        #expect(runs.allSatisfy { $0 == 1 })
    }

    /// A queue on the cluster holding one job and marked moving, and a configuration whose commands give up after 300 ms.
    private func markedMoving() async throws -> (QueueFixture, meta: String, RedisConfiguration) {
        let fixture = try QueueFixture(on: .cluster)
        let meta = RedisQueueKeys(queue: fixture.name).meta
        _ = try await fixture.queue.enqueue(fixture.request())
        try await fixture.redis.send("HSET", meta, "moving", "test")
        var configuration = fixture.redis.configuration
        configuration.commandTimeout = .milliseconds(300)
        return (fixture, meta, configuration)
    }

    @Test func scriptsRefuseWhileTheQueueIsMarkedMoving() async throws {
        let (fixture, meta, configuration) = try await markedMoving()
        // A client that waits out no move sees the refusal once its command's budget is spent.
        let impatient = JobQueue(redis: RedisClient(configuration: configuration), configuration: QueueConfiguration(moveWait: .zero))
        await #expect(throws: RedisError.self) { try await impatient.enqueue(fixture.request()) }
        try await fixture.redis.send("HDEL", meta, "moving")
        _ = try await impatient.enqueue(fixture.request())
        #expect(try await impatient.stats(queue: fixture.name).counts[.queued] == 2)
    }

    @Test func aQueueOperationWaitsOutAMoveLongerThanItsCommandTimeout() async throws {
        let (fixture, meta, configuration) = try await markedMoving()
        // Each command gives up on the refusal after 300 ms; the queue sends it again until the move ends, 1.5 s on.
        let producer = JobQueue(redis: RedisClient(configuration: configuration))
        async let enqueued = producer.enqueue(fixture.request())
        try await Task.sleep(for: .milliseconds(1_500))
        try await fixture.redis.send("HDEL", meta, "moving")
        _ = try await enqueued
        #expect(try await fixture.queue.stats(queue: fixture.name).counts[.queued] == 2)
    }

    @Test func movingAQueueNeedsACluster() async throws {
        let fixture = try QueueFixture(on: .server)
        let backend = try #require(fixture.queue.backend as? RedisQueueBackend)
        await #expect(throws: QueueError.self) {
            try await backend.moveQueue(fixture.name, to: RedisNodeAddress(host: "127.0.0.1", port: 1))
        }
    }

    actor Accepted {
        private(set) var all: [String] = []
        var count: Int { all.count }
        func add(_ ids: [String]) { all += ids }
    }
}
