import Diagnostics
import Foundation
import Logging
import Postgres
import Queue
import Redis
import Store

/// Pushes real jobs through real worker and scheduler processes while killing them and
/// restarting redis-server, then checks that nothing was lost and no effect landed twice.
///
/// Used by `bench/chaos` (10,000 jobs) and, smaller, by the test suite.
public struct ChaosRun: Sendable {
    public struct Configuration: Sendable {
        public var jobs: Int
        public var workers: Int
        /// Mean seconds between SIGKILLs of a random worker (which is restarted at once).
        public var workerKillInterval: Double
        /// How many times redis-server is SIGKILLed and restarted (AOF, appendfsync always); on a cluster, how many
        /// times the master serving the queue is SIGKILLed (its replica takes over; it rejoins as a replica).
        /// On one redis-server each kill follows a `BGREWRITEAOF` under the load: the odd ones at once, without
        /// waiting (so the kill can land while the child still writes: Redis must then discard the partial base), the
        /// even ones after it finished (Redis must replay the rewritten base and what came after).
        public var redisRestarts: Int
        /// A Redis Cluster to run on (`redis-cluster://…`, started by `scripts/lib/redis-cluster.sh`) in place of a
        /// private redis-server.
        public var redisClusterURL: String?
        /// On a cluster, how many times the queue moves to another master under the load (`aips queue move`'s
        /// `RedisQueueBackend.moveQueue`), between the master kills.
        public var queueMoves: Int
        /// Whether two schedulers run and the leader is SIGKILLed once.
        public var killSchedulerLeader: Bool
        public var databaseURL: String
        public var aips: URL
        public var directory: URL
        public var timeout: Duration

        public init(
            jobs: Int, workers: Int = 3, workerKillInterval: Double = 1.5, redisRestarts: Int = 1, killSchedulerLeader: Bool = true,
            databaseURL: String, aips: URL, directory: URL, timeout: Duration = .seconds(300), redisClusterURL: String? = nil,
            queueMoves: Int = 0
        ) {
            self.redisClusterURL = redisClusterURL
            self.queueMoves = queueMoves
            self.jobs = jobs
            self.workers = workers
            self.workerKillInterval = workerKillInterval
            self.redisRestarts = redisRestarts
            self.killSchedulerLeader = killSchedulerLeader
            self.databaseURL = databaseURL
            self.aips = aips
            self.directory = directory
            self.timeout = timeout
        }
    }

    /// What the run found.
    public struct Report: Sendable, CustomStringConvertible {
        public var accepted = 0
        public var succeeded = 0
        public var dead = 0
        public var deadWithoutReason = 0
        public var lost = 0
        public var effectsMissing = 0
        public var effectsDuplicated = 0
        public var redelivered = 0
        public var workerKills = 0
        public var redisRestarts = 0
        public var aofRewrites = 0
        public var queueMoves = 0
        public var schedulerLeaderKills = 0
        public var ticksEnqueued = 0
        public var ticksDuplicated = 0
        public var seconds = 0.0

        /// Every accepted job ended succeeded or dead with a reason, none was lost, no effect was applied twice.
        public var isClean: Bool {
            lost == 0 && deadWithoutReason == 0 && effectsMissing == 0 && effectsDuplicated == 0 && ticksDuplicated == 0
                && succeeded + dead == accepted
        }

        public var description: String {
            """
            accepted jobs            \(accepted)
            succeeded                \(succeeded)
            dead (with reason)       \(dead - deadWithoutReason)
            dead without a reason    \(deadWithoutReason)
            lost                     \(lost)
            effects missing          \(effectsMissing)
            effects applied twice    \(effectsDuplicated)
            runs redelivered         \(redelivered)   (at-least-once: ran again, effect still once)
            worker SIGKILLs          \(workerKills)
            redis kills (master kills on a cluster) \(redisRestarts)
            AOF rewrites before a kill \(aofRewrites)
            queue moves (cluster)    \(queueMoves)
            scheduler leader kills   \(schedulerLeaderKills)
            scheduler ticks          \(ticksEnqueued), enqueued twice: \(ticksDuplicated)
            wall time                \(String(format: "%.1f", seconds)) s
            verdict                  \(isClean ? "CLEAN" : "FAILED")
            """
        }
    }

    public let configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    public func run() async throws -> Report {
        let started = ContinuousClock.now
        let name = "chaos-\(UInt32.random(in: 0...UInt32.max))"
        let directory = configuration.directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try TestServers.freePort()
        let redisURL = configuration.redisClusterURL ?? "redis://127.0.0.1:\(port)/0"
        let redis = ManagedProcess(executable: URL(fileURLWithPath: "/usr/bin/redis-server"), arguments: [
            "--bind", "127.0.0.1", "--port", String(port), "--dir", directory.path, "--appendonly", "yes",
            "--appendfsync", "always", "--save", "", "--logfile", directory.appendingPathComponent("redis.log").path,
        ])
        if configuration.redisClusterURL == nil { try redis.start() }
        defer { redis.killNow() }
        let store = Store(configuration: PostgresConfiguration(url: configuration.databaseURL, maximumConnections: 2))
        _ = try await store.migrate(logger: Logger(label: "chaos"))
        let client = RedisClient(configuration: try RedisConfiguration(url: redisURL + (redisURL.contains("?") ? "&" : "?") + "timeout=2"))
        defer { client.close() }
        try await Self.waitForRedis(client)

        var environment = ProcessInfo.processInfo.environment
        environment["LOG_LEVEL"] = "critical"
        environment["REDIS_URL"] = redisURL
        environment["DATABASE_URL"] = configuration.databaseURL
        let scheduleFile = directory.appendingPathComponent("schedule.yaml")
        try """
            defaults: false
            schedules:
              chaos.tick:
                cron: "@every 1s"
                type: diag.record
                queue: \(name)
                payload: {ledger: "\(name)-ticks"}
                missed: catch-up 5
            """.write(to: scheduleFile, atomically: true, encoding: .utf8)
        let workerArguments = ["worker", "--queues", name, "--concurrency", "8", "--lease", "2", "--grace", "1"]
        let workers = (0..<configuration.workers).map { _ in
            ManagedProcess(executable: configuration.aips, arguments: workerArguments, environment: environment)
        }
        for worker in workers { try worker.start() }
        let schedulerArguments = ["scheduler", "--schedule-file", scheduleFile.path, "--lease-ttl", "3", "--namespace", "aips:\(name)"]
        let schedulers = configuration.killSchedulerLeader
            ? (0..<2).map { _ in ManagedProcess(executable: configuration.aips, arguments: schedulerArguments, environment: environment) }
            : []
        for scheduler in schedulers { try scheduler.start() }
        defer {
            for process in workers + schedulers { process.killNow() }
        }

        var report = Report()
        let queue = JobQueue(redis: client)
        let accepted = Accepted()
        async let production: Void = produce(queue: queue, name: name, into: accepted)
        let kills = try await havoc(workers: workers, schedulers: schedulers, redis: redis, client: client, name: name, accepted: accepted)
        try await production
        report.workerKills = kills.workers
        report.redisRestarts = kills.redis
        report.aofRewrites = kills.aofRewrites
        report.queueMoves = kills.queueMoves
        report.schedulerLeaderKills = kills.schedulerLeader
        let ids = await accepted.ids
        report.accepted = ids.count

        // Wait until every accepted job has finished.
        let deadline = ContinuousClock.now + configuration.timeout
        var states: [String: JobRecord] = [:]
        while ContinuousClock.now < deadline {
            states = [:]
            for id in ids {
                if let record = try? await queue.job(id) { states[id] = record }
            }
            if states.count == ids.count, states.values.allSatisfy({ $0.state.isFinished }) { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        for process in workers + schedulers { await process.kill() }

        report.succeeded = states.values.filter { $0.state == .succeeded }.count
        report.dead = states.values.filter { $0.state == .dead }.count
        report.deadWithoutReason = states.values.filter { $0.state == .dead && $0.errors.isEmpty }.count
        report.lost = ids.count - states.values.filter { $0.state.isFinished }.count

        let rows = try await store.query(
            "SELECT job_id, count(*)::bigint AS n FROM diagnostic_effects WHERE ledger = \(name) GROUP BY job_id")
        var effects: [String: Int] = [:]
        for row in rows.rows { effects[try row.decode(String.self, at: 0)] = try row.decode(Int.self, at: 1) }
        report.effectsDuplicated = effects.values.filter { $0 > 1 }.count
        report.effectsMissing = states.values.filter { $0.state == .succeeded && effects[$0.id] == nil }.count
        let runs = try await client.send("HVALS", DiagnosticJobs.ledgerKey(name)).array ?? []
        report.redelivered = runs.compactMap(\.int).filter { $0 > 1 }.count

        let tickRows = try await store.query(
            "SELECT job_id FROM diagnostic_effects WHERE ledger = \(name + "-ticks")")
        report.ticksEnqueued = tickRows.rows.count
        var tickKeys: [String: Int] = [:]
        for row in tickRows.rows {
            let id = try row.decode(String.self, at: 0)
            if let key = try await queue.job(id)?.idempotencyKey { tickKeys[key, default: 0] += 1 }
        }
        report.ticksDuplicated = tickKeys.values.filter { $0 > 1 }.count
        report.seconds = Double((ContinuousClock.now - started).components.seconds)
        await store.shutdown()
        return report
    }

    /// Submits the jobs in batches; a batch that fails (Redis down) is retried with the same
    /// idempotency keys, so each job is accepted exactly once.
    private func produce(queue: JobQueue, name: String, into accepted: Accepted) async throws {
        for start in stride(from: 0, to: configuration.jobs, by: 100) {
            let requests = (start..<min(start + 100, configuration.jobs)).map { index in
                JobRequest(
                    type: RecordedEffectJobName.type, queue: name,
                    payload: #"{"ledger":"\#(name)","milliseconds":\#(Int.random(in: 0...60))}"#,
                    maxAttempts: 10, backoff: .milliseconds(100), maximumBackoff: .seconds(2), idempotencyKey: "\(name)-\(index)")
            }
            while true {
                do {
                    let results = try await queue.enqueue(requests)
                    await accepted.add(results.map(\.id))
                    break
                } catch {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until redis-server has no AOF rewrite running.
    private static func waitForAOFRewrite(_ client: RedisClient) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let info = (try? await client.send("INFO", "persistence").string) ?? ""
            if info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0") { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    private func havoc(
        workers: [ManagedProcess], schedulers: [ManagedProcess], redis: ManagedProcess, client: RedisClient, name: String,
        accepted: Accepted
    ) async throws -> (workers: Int, redis: Int, aofRewrites: Int, queueMoves: Int, schedulerLeader: Int) {
        var kills = (workers: 0, redis: 0, aofRewrites: 0, queueMoves: 0, schedulerLeader: 0)
        var redisRestartsLeft = configuration.redisRestarts
        var queueMovesLeft = configuration.redisClusterURL == nil ? 0 : configuration.queueMoves
        var schedulerKilled = schedulers.isEmpty
        let queue = JobQueue(redis: client)
        // Havoc lasts until every job has been accepted and finished and every kill asked for was made: on a fast
        // machine 600 jobs can finish between two worker kills.
        func finished() async -> Bool {
            guard await accepted.count >= configuration.jobs, let stats = try? await queue.stats(queue: name) else { return false }
            return (stats.counts[.succeeded] ?? 0) + (stats.counts[.dead] ?? 0) >= configuration.jobs
        }
        while await !finished() || kills.workers == 0 || redisRestartsLeft > 0 || queueMovesLeft > 0 {
            try await Task.sleep(for: .milliseconds(Int64(Double.random(in: 0.5...1.5) * configuration.workerKillInterval * 1000)))
            let worker = workers.randomElement()!
            await worker.kill()
            try worker.start()
            kills.workers += 1
            if redisRestartsLeft > 0, kills.workers % 2 == 1, configuration.redisClusterURL != nil {
                try await Self.killMaster(serving: name, client: client)
                redisRestartsLeft -= 1
                kills.redis += 1
            } else if redisRestartsLeft > 0, kills.workers % 2 == 1 {
                if (try? await client.send("BGREWRITEAOF")) != nil {
                    kills.aofRewrites += 1
                    if kills.redis % 2 == 1 { try await Self.waitForAOFRewrite(client) }
                }
                await redis.kill()
                try await Task.sleep(for: .milliseconds(300))
                try redis.start()
                try await Self.waitForRedis(client)
                redisRestartsLeft -= 1
                kills.redis += 1
            }
            if queueMovesLeft > 0, kills.workers % 2 == 0 {
                try await Self.moveQueue(name, client: client)
                queueMovesLeft -= 1
                kills.queueMoves += 1
            }
            if !schedulerKilled, await accepted.count > configuration.jobs / 2 {
                let owner = (try? await client.send("GET", "{aips:\(name)}:leader").string) ?? ""
                let pid = owner.split(separator: ":").dropFirst().first.flatMap { Int32($0) }
                if let leader = schedulers.first(where: { $0.pid == pid }) {
                    await leader.kill()
                    try leader.start()
                    kills.schedulerLeader += 1
                    schedulerKilled = true
                }
            }
        }
        return kills
    }

    /// Moves `queue` to another master of the cluster, as `aips queue move` does.
    private static func moveQueue(_ queue: String, client: RedisClient) async throws {
        let backend = RedisQueueBackend(redis: client)
        let home = try await backend.master(of: queue)
        guard let target = try await client.clusterMasters().first(where: { $0 != home }) else {
            throw RedisError(.server, message: "no other master to move \(queue) to")
        }
        try await backend.moveQueue(queue, to: target)
    }

    /// SIGKILLs the cluster master serving `queue`'s slot, waits until its replica serves the slot, and starts
    /// the killed server again with its own command line (it rejoins as a replica of its successor).
    private static func killMaster(serving queue: String, client: RedisClient) async throws {
        let backend = RedisQueueBackend(redis: client)
        guard let victim = try await backend.master(of: queue) else {
            throw RedisError(.server, message: "no master serves \(queue)")
        }
        let node = client.nodeClient(victim)
        defer { node.close() }
        let info = try await node.send("INFO", "server").string ?? ""
        guard let pid = info.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("process_id:") })
            .flatMap({ Int32($0.dropFirst("process_id:".count)) })
        else { throw RedisError(.server, message: "no process_id in INFO") }
        // redis-server rewrites its process title, so the settings to restart it with are read from CONFIG GET.
        var restart = ["--daemonize", "yes"]
        for name in ["bind", "port", "dir", "cluster-enabled", "cluster-config-file", "cluster-node-timeout", "save", "appendonly", "logfile", "pidfile", "repl-diskless-sync-delay"] {
            let pair = try await node.send("CONFIG", "GET", name).array?.compactMap(\.string) ?? []
            if pair.count == 2 { restart += ["--\(name)", pair[1]] }
        }
        Foundation.kill(pid, SIGKILL)
        // The replica takes the slot once the others mark the master failed (cluster-node-timeout) and vote.
        for _ in 0..<400 {
            if let now = try? await backend.master(of: queue), now != victim, (try? await client.send("SET", RedisQueueKeys(queue: queue).prefix + "chaos-probe", "1")) != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        process.arguments = restart
        try ChildProcesses.start(process)
        await ChildProcesses.waitForExit(process)  // it daemonizes: the parent exits once the server is up
    }

    private static func waitForRedis(_ client: RedisClient) async throws {
        for _ in 0..<200 {
            if (try? await client.send(["PING"], timeout: .milliseconds(200)))?.string == "PONG" { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw RedisError(.connectionFailed, message: "redis-server did not come back")
    }
}

/// The diagnostic job type with a PostgreSQL effect (`RecordedEffectJob` in the Jobs module).
enum RecordedEffectJobName {
    static let type = "diag.record"
}

/// Ids of accepted jobs, shared by the producer and the havoc loop.
actor Accepted {
    private(set) var ids: [String] = []
    var count: Int { ids.count }
    func add(_ more: [String]) { ids += more }
}

/// A child process that can be SIGKILLed and started again with the same arguments.
public final class ManagedProcess: @unchecked Sendable {
    // Why @unchecked Sendable is safe: `process` is only replaced and read under `lock`.
    private let executable: URL
    private let arguments: [String]
    private let environment: [String: String]?
    private let lock = NSLock()
    private var process: Process?

    public init(executable: URL, arguments: [String], environment: [String: String]? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    public var pid: Int32? { lock.withLock { process?.processIdentifier } }

    public func start() throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ChildProcesses.start(process)
        lock.withLock { self.process = process }
    }

    /// SIGKILL (children spawned from concurrency threads inherit a blocked SIGTERM), then waits for the exit.
    public func kill() async {
        guard let process = lock.withLock({ self.process }), process.isRunning else { return }
        await ChildProcesses.stop(process, signal: SIGKILL)
    }

    /// SIGKILL without waiting, for cleanup paths that cannot await.
    public func killNow() {
        guard let process = lock.withLock({ self.process }), process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
    }
}
