import Diagnostics
import Foundation
import Redis
import ServiceLifecycle
import TestSupport
import Testing
@testable import Queue
import Logging

/// A worker cut off from Redis for longer than its lease.
@Suite(.serialized, .timeLimit(.minutes(2))) struct NetworkFaultTests {
    @Test func workerThatLosesRedisPastItsLeaseStopsTheJobAndNeverAcksIt() async throws {
        // A private redis-server we can freeze (SIGSTOP) without disturbing other tests.
        let directory = TestServers.temporaryDirectory.appendingPathComponent("fault-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try TestServers.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        server.arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--dir", directory.path]
        server.standardOutput = FileHandle.nullDevice
        try ChildProcesses.start(server)
        defer { kill(server.processIdentifier, SIGCONT); kill(server.processIdentifier, SIGKILL) }

        let redis = RedisClient(configuration: try RedisConfiguration(url: "redis://127.0.0.1:\(port)/0?timeout=0.5"))
        defer { redis.close() }
        var up = false
        for _ in 0..<100 where !up {
            up = (try? await redis.send("PING"))?.string == "PONG"
            if !up { try await Task.sleep(for: .milliseconds(50)) }
        }
        try #require(up)
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        let queue = JobQueue(redis: redis, registry: registry)
        let ledger = TestServers.uniqueName()
        let id = try await queue.enqueue(JobRequest(
            type: "diag.effect", queue: "faults", payload: #"{"ledger":"\#(ledger)","milliseconds":6000}"#)).id
        let worker = Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(
                queues: [.init("faults")], concurrency: 2, lease: .milliseconds(1500), heartbeatInterval: .milliseconds(300),
                maintenanceInterval: .milliseconds(200), pollInterval: .milliseconds(200)))
        let group = ServiceGroup(services: [worker], logger: .init(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await expectEventually { try await queue.job(id)?.state == .running }
            // Cut Redis off for over three leases (but less than the job's run): heartbeats fail, and
            // the worker must give the job up long before the job would write its effect.
            kill(server.processIdentifier, SIGSTOP)
            try await Task.sleep(for: .seconds(5))
            kill(server.processIdentifier, SIGCONT)
            // The expired lease is reaped and the job runs again, this time to the end. The test's own reads use the
            // same half-second command timeout as the worker: one that times out while the thawed server catches up
            // is "not yet", not a failure of the worker under test.
            try await expectEventually(timeout: .seconds(40)) { (try? await queue.job(id))?.state == .succeeded }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let record = try #require(try await queue.job(id))
        #expect(record.attempt >= 2)
        #expect(record.errors.contains { $0.kind == "lease_expired" }, "\(record.errors)")
        // The run frozen out of Redis was stopped before its effect, so fewer runs recorded one than
        // were started (on a quiet machine: two attempts, one effect).
        let effects = try #require(try await redis.send("HGET", DiagnosticJobs.ledgerKey(ledger), id).int)
        #expect(effects >= 1 && effects <= record.attempt - 1, "\(effects) effects for \(record.attempt) attempts")
    }
}
