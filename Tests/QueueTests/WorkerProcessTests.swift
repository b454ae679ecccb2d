import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Queue
import Redis

/// Real `aips worker` processes against the real Redis: crashes and scale-out.
@Suite(.serialized, .timeLimit(.minutes(3))) struct WorkerProcessTests {
    func startWorker(queue: String, concurrency: Int = 8, lease: Double = 2) throws -> Process {
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = ["worker", "--queues", queue, "--concurrency", String(concurrency), "--lease", String(lease), "--grace", "2"]
        var environment = ProcessInfo.processInfo.environment
        environment["REDIS_URL"] = TestServers.redisURL
        environment["LOG_LEVEL"] = "error"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try ChildProcesses.start(process)
        return process
    }

    @Test func killedWorkersJobIsRedeliveredAfterItsLeaseAndCompletes() async throws {
        let fixture = try QueueFixture()
        let ledger = TestServers.uniqueName()
        let id = try await fixture.queue.enqueue(JobRequest(
            type: "diag.effect", queue: fixture.name, payload: #"{"ledger":"\#(ledger)","milliseconds":5000}"#)).id
        // The run lasts long enough that a loaded machine still kills it before it reaches its effect.
        let doomed = try startWorker(queue: fixture.name, lease: 1)
        try await expectEventually { try await fixture.state(id) == .running }
        await ChildProcesses.stop(doomed, signal: SIGKILL)
        let survivor = try startWorker(queue: fixture.name, lease: 1)
        defer { if survivor.isRunning { kill(survivor.processIdentifier, SIGKILL) } }
        try await expectEventually(timeout: .seconds(30)) { try await fixture.state(id) == .succeeded }
        let record = try #require(try await fixture.queue.job(id))
        #expect(record.attempt == 2)
        #expect(record.errors.first?.kind == "lease_expired")
        let runs = try await fixture.redis.send("HGET", DiagnosticJobs.ledgerKey(ledger), id).int
        #expect(runs == 1)  // the killed run never reached its effect
    }

    @Test func tenThousandJobsThroughFourWorkerProcessesEachTakeEffectAndNoneIsLost() async throws {
        let fixture = try QueueFixture()
        let ledger = TestServers.uniqueName()
        let payload = #"{"ledger":"\#(ledger)"}"#
        let requests = (0..<10_000).map { _ in JobRequest(type: "diag.effect", queue: fixture.name, payload: payload) }
        let workers = try (0..<4).map { _ in try startWorker(queue: fixture.name, concurrency: 16, lease: 5) }
        defer { for worker in workers where worker.isRunning { kill(worker.processIdentifier, SIGKILL) } }
        for start in stride(from: 0, to: requests.count, by: 1000) {
            _ = try await fixture.queue.enqueue(Array(requests[start..<start + 1000]))
        }
        // One worker is killed mid-run; its leased jobs come back after the lease.
        try await Task.sleep(for: .milliseconds(300))
        kill(workers[0].processIdentifier, SIGKILL)
        try await expectEventually(timeout: .seconds(60)) {
            try await fixture.queue.stats(queue: fixture.name).counts[.succeeded] == 10_000
        }
        let ledgerEntries = try await fixture.redis.send("HGETALL", DiagnosticJobs.ledgerKey(ledger)).array ?? []
        var runs: [String: Int] = [:]
        for index in stride(from: 0, to: ledgerEntries.count - 1, by: 2) {
            runs[ledgerEntries[index].string ?? ""] = ledgerEntries[index + 1].int
        }
        let missing = Set(requests.map(\.id)).subtracting(runs.keys)
        #expect(missing.isEmpty, "\(missing.count) jobs never took effect, e.g. \(missing.prefix(3))")
        #expect(runs.count == 10_000)  // after deduplication by id, each job's effect counts once
        let redelivered = runs.values.filter { $0 > 1 }.count
        #expect(redelivered <= 16)  // only jobs the killed worker held can have run twice
        let stats = try await fixture.queue.stats(queue: fixture.name)
        #expect(stats.pending == 0)
        #expect(stats.counts[.dead] == 0)
    }

    @Test func sigtermDrainsAWorkerProcessAndItsJobFinishes() async throws {
        let fixture = try QueueFixture()
        let id = try await fixture.queue.enqueue(JobRequest(type: "diag.sleep", queue: fixture.name, payload: #"{"milliseconds":500}"#)).id
        let worker = try startWorker(queue: fixture.name)
        try await expectEventually { try await fixture.state(id) == .running }
        kill(worker.processIdentifier, SIGTERM)
        #expect(await ChildProcesses.waitForExit(worker))
        #expect(worker.terminationStatus == 0)
        #expect(try await fixture.state(id) == .succeeded)
    }
}
