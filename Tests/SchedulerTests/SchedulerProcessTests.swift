import Foundation
import Queue
import Testing
import TestSupport

@testable import Scheduler

#if canImport(Glibc)
import Glibc
import Redis
#endif

/// Two real `aips scheduler` processes share one Redis; the leader is killed or paused.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SchedulerProcessTests {
    /// A schedule file with one `@every 1s` schedule into the fixture's queue, catching up every missed tick.
    func scheduleFile(_ fixture: RedisFixture) throws -> String {
        let url = TestServers.temporaryDirectory.appendingPathComponent("\(fixture.name).yaml")
        let yaml = """
            defaults: false
            schedules:
              test.tick:
                cron: "@every 1s"
                type: test.tick
                queue: \(fixture.name)
                missed: catch-up 60
            """
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func startPair(_ fixture: RedisFixture) throws -> [SchedulerProcess] {
        let arguments = ["--schedule-file", try scheduleFile(fixture), "--lease-ttl", "2", "--namespace", fixture.keys.namespace]
        return try (0..<2).map { try SchedulerProcess(arguments: arguments, label: "\(fixture.name)-\($0)") }
    }

    /// The process whose owner id is in the lease key now.
    func leader(of processes: [SchedulerProcess], _ fixture: RedisFixture) async throws -> SchedulerProcess? {
        guard let owner = try await fixture.redis.send(["GET", fixture.keys.lease]).string else { return nil }
        let pid = owner.split(separator: ":").dropLast().last.flatMap { Int32($0) }
        return processes.first { $0.pid == pid }
    }

    /// Tick times from the idempotency keys, asserting none appears twice or before its time.
    func ticks(_ fixture: RedisFixture) async throws -> [Date] {
        let jobs = try await fixture.queue.list(queue: fixture.name, state: .queued, limit: 10_000)
        let keys = jobs.compactMap(\.idempotencyKey)
        #expect(Set(keys).count == jobs.count, "a tick was enqueued twice")
        var ticks: [Date] = []
        for job in jobs {
            let tick = try Date(String(job.idempotencyKey?.dropFirst("schedule:test.tick:".count) ?? ""), strategy: .iso8601)
            #expect(job.createdAt >= tick, "tick \(tick) enqueued early, at \(job.createdAt)")
            ticks.append(tick)
        }
        return ticks.sorted()
    }

    /// The tick times of the "tick enqueued" lines of a scheduler's `log`.
    static func enqueuedTicks(in log: String) -> [Date] {
        log.split(separator: "\n").filter { $0.contains("tick enqueued") }.compactMap { line in
            guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("tick=") }) else { return nil }
            return try? Date(String(field.dropFirst("tick=".count)), strategy: .iso8601)
        }
    }

    /// Whether `ticks` has every second between its first and last.
    func isContiguous(_ ticks: [Date]) -> Bool {
        zip(ticks, ticks.dropFirst()).allSatisfy { $1.timeIntervalSince($0) == 1 }
    }

    @Test func killedLeaderIsReplacedAndEveryTickIsEnqueuedExactlyOnce() async throws {
        let fixture = try RedisFixture()
        let startedAt = Date()
        let processes = try startPair(fixture)
        defer { processes.forEach { $0.send(SIGKILL) } }

        #expect(try await eventually { try await fixture.queuedKeys().count >= 3 })
        // A new schedule starts from now: no tick from before the schedulers started (catch-up is for gaps).
        let earliest = try #require(try await ticks(fixture).first)
        #expect(earliest >= startedAt.addingTimeInterval(-1), "a new schedule replayed history from \(earliest)")
        let first = try #require(try await leader(of: processes, fixture))
        first.send(SIGKILL)
        let killedAt = Date()
        let survivor = try #require(processes.first { $0 !== first })

        // The standby takes over within the lease TTL (2 s) and catches up the ticks of the gap.
        #expect(try await eventually { try await leader(of: processes, fixture) === survivor })
        // Within the lease TTL (2 s) on a quiet machine; the bound leaves room for a loaded one.
        #expect(Date().timeIntervalSince(killedAt) < 10)
        #expect(try await eventually { try await ticks(fixture).last.map { $0 > killedAt.addingTimeInterval(3) } ?? false })
        await survivor.stop()
        // Stopped gracefully, the survivor released its lease for the next scheduler to start.
        #expect(try await fixture.redis.send(["GET", fixture.keys.lease]).isNull)

        let all = try await ticks(fixture)
        #expect(all.count >= 6)
        #expect(isContiguous(all), "ticks: \(all)")
        #expect(survivor.log.contains("became leader"))
    }

    @Test func pausedLeaderPastItsLeaseCannotEnqueueWithItsStaleToken() async throws {
        let fixture = try RedisFixture()
        let processes = try startPair(fixture)
        defer { processes.forEach { $0.send(SIGKILL) } }

        #expect(try await eventually { try await fixture.queuedKeys().count >= 2 })
        let paused = try #require(try await leader(of: processes, fixture))
        let staleToken = try #require(try await fixture.redis.send(["GET", fixture.keys.fence]).int)
        let pausedAt = Date()
        paused.send(SIGSTOP)
        let other = try #require(processes.first { $0 !== paused })
        #expect(try await eventually { try await leader(of: processes, fixture) === other })
        let enqueuedBeforeWaking = try await fixture.queuedKeys().count
        #expect(try await eventually { try await fixture.queuedKeys().count >= enqueuedBeforeWaking + 2 })

        // Waking up, the old leader steps down without enqueueing: it finds its lease expired, or, stopped in the middle
        // of firing, its next tick refused by the newer leader's fence.
        let pausedLogBeforeWaking = paused.log
        paused.send(SIGCONT)
        #expect(try await eventually { paused.log.contains("lost leadership") || paused.log.contains("fenced us out") })
        try await Task.sleep(for: .seconds(1.5))
        let afterWaking = String(paused.log.dropFirst(pausedLogBeforeWaking.count))
        // A tick it had sent before the stop is logged when its reply is read after waking: Redis enqueued it before the
        // takeover. No tick due after the stop is enqueued.
        #expect(Self.enqueuedTicks(in: afterWaking).allSatisfy { $0 <= pausedAt }, "\(afterWaking)")
        // (The lines are read: the ticks it enqueued as leader before the stop are in its log.)
        #expect(!Self.enqueuedTicks(in: pausedLogBeforeWaking).isEmpty)
        #expect(try await leader(of: processes, fixture) === other)

        // And had it tried in the instant before noticing, its token is refused.
        let schedule = try #require(
            try ScheduleFile.apply(yaml: String(contentsOfFile: scheduleFile(fixture), encoding: .utf8), path: "t", to: []).first)
        await #expect {
            try await TickEnqueuer(queue: fixture.queue).enqueue(
                schedule, tick: Date().addingTimeInterval(3_600), fence: .init(name: "scheduler", token: UInt64(staleToken)))
        } throws: { error in
            (error as? QueueError)?.code == .staleFence
        }
        let ledger = TickLedger(redis: fixture.redis, keys: fixture.keys)
        #expect(try await ledger.record(Date().addingTimeInterval(3_600), for: "test.tick", token: UInt64(staleToken)) == false)

        for process in processes { await process.stop() }
        let all = try await ticks(fixture)
        #expect(isContiguous(all), "ticks: \(all)")
    }

    @Test func triggerEnqueuesAScheduleNowOutsideItsCron() async throws {
        let fixture = try RedisFixture()
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = ["schedule", "trigger", "test.tick", "--schedule-file", try scheduleFile(fixture), "--redis-url", TestServers.redisURL]
        let (status, printed, _) = try await ChildProcesses.output(of: process)
        #expect(status == 0)
        let keys = try await fixture.queuedKeys()
        #expect(keys.count == 1 && keys[0].hasPrefix("schedule:test.tick:manual:"))
        #expect(printed.hasPrefix("test.tick  queue=\(fixture.name)  id="))
    }

    @Test(arguments: [
        ("schedules:\n  settle:\n    cron: \"61 * * * *\"\n", ":3:11: invalid cron expression '61 * * * *'"),
        ("schedules:\n  nap:\n    cron: \"@hourly\"\n    type: diag.sleep\n    payload: {milliseconds: soon}\n",
         "schedule nap: payload of diag.sleep is refused"),
    ])
    func badScheduleIsRefusedAtStart(_ yaml: String, _ message: String) async throws {
        let url = TestServers.temporaryDirectory.appendingPathComponent("\(TestServers.uniqueName()).yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = ["scheduler", "--schedule-file", url.path, "--redis-url", TestServers.redisURL]
        let (status, _, printed) = try await ChildProcesses.output(of: process, timeout: .seconds(20))
        #expect(status != 0)
        #expect(printed.contains(message), "\(printed)")
    }
}
