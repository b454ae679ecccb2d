import Diagnostics
import Foundation
import Queue
import Redis

// Queue throughput and latency against a real redis-server, printed as figures.
// Run through bench/queue.sh, which builds in release mode and starts a private Redis.

let environment = ProcessInfo.processInfo.environment
let redisURL = environment["REDIS_URL"] ?? "redis://127.0.0.1:6379/0"
let scale = Double(environment["BENCH_SCALE"] ?? "1") ?? 1
let redis = RedisClient(configuration: try RedisConfiguration(url: redisURL))
// BENCH_JOB_LAYOUT=fields measures the job hash `aips` writes until it is switched to `spec` or `packed` (the library's
// default).
let layout = JobHashLayout(rawValue: environment["BENCH_JOB_LAYOUT"] ?? "packed") ?? .packed
let queue = JobQueue(redis: redis, configuration: QueueConfiguration(jobHashLayout: layout))

// `queue-bench worker QUEUE CONCURRENCY`: the end-to-end phases start this program again as their worker
// processes. It runs what `aips worker` runs for these jobs (a Worker on the Redis queue with the diagnostic
// jobs registered), so the bench builds without the rest of aips (HTTP server, jobs, ML).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "worker" {
    let registry = JobRegistry()
    DiagnosticJobs.register(in: registry, redis: redis)
    let configuration = WorkerConfiguration(queues: [.init(CommandLine.arguments[2])], concurrency: Int(CommandLine.arguments[3]) ?? 10)
    // Runs until the bench's SIGTERM ends the process: by then every job it was given has finished.
    try await Worker(queue: JobQueue(redis: redis, registry: registry), registry: registry, configuration: configuration).run()
    exit(0)
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func freshQueue(_ name: String) -> String { "bench-\(name)-\(UInt32.random(in: 0...UInt32.max))" }

/// Makes `calls` calls of `call` from `callers` concurrent callers, caller c making calls c, c + `callers`, … (each
/// call is passed its caller's index), and returns when all are done.
func concurrently(callers: Int, calls: Int, _ call: @escaping @Sendable (_ caller: Int) async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for caller in 0..<callers {
            group.addTask {
                for _ in stride(from: caller, to: calls, by: callers) { try await call(caller) }
            }
        }
        try await group.waitForAll()
    }
}

func report(_ label: String, _ value: String) {
    print(label.padding(toLength: 52, withPad: " ", startingAt: 0) + value)
}

/// What redis-server spent on one phase, per job: `INFO commandstats` (zeroed by `CONFIG RESETSTAT` when the
/// phase starts) and the process's CPU time from `INFO cpu`.
///
/// Commands a script runs are counted in commandstats twice over: as calls of their own and inside the
/// script's time. So the time figure is the scripts' (EVALSHA/EVAL, inner commands included) and the
/// command count is every command Redis ran, inside scripts or sent plainly.
struct RedisCost {
    /// The server the figures come from: the bench's Redis, or on a cluster the master serving the phase's queue.
    var node: RedisClient
    var scripts = 0
    var commands = 0
    var scriptMicroseconds = 0
    var cpuSeconds = 0.0

    /// Zeroes the command statistics of the server holding `queue`; the returned cost holds its CPU time so far,
    /// to subtract.
    static func start(queue: String? = nil) async throws -> RedisCost {
        let node = try await server(holding: queue)
        try await node.send("CONFIG", "RESETSTAT")
        return RedisCost(node: node, cpuSeconds: try await cpu(node))
    }

    /// The cost since `start()`.
    func finish() async throws -> RedisCost {
        var cost = RedisCost(node: node, cpuSeconds: try await Self.cpu(node) - cpuSeconds)
        // Lines read `cmdstat_evalsha:calls=12,usec=345,usec_per_call=28.75,rejected_calls=0,failed_calls=0`.
        for line in (try await node.send("INFO", "commandstats").string ?? "").split(whereSeparator: \.isNewline) {
            guard line.hasPrefix("cmdstat_"), let colon = line.firstIndex(of: ":") else { continue }
            let name = line[line.index(line.startIndex, offsetBy: 8)..<colon]
            var fields: [Substring: Int] = [:]
            for pair in line[line.index(after: colon)...].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, let value = Int(parts[1]) { fields[parts[0]] = value }
            }
            // The bench's own bookkeeping (this reading, the reset) is not the queue's cost.
            if name == "info" || name.hasPrefix("config") { continue }
            if name.hasPrefix("eval") || name.hasPrefix("fcall") {
                cost.scripts += fields["calls"] ?? 0
                cost.scriptMicroseconds += fields["usec"] ?? 0
            } else {
                cost.commands += fields["calls"] ?? 0
            }
        }
        return cost
    }

    /// A queue's keys share one hash slot, so on a cluster one master holds the whole phase.
    private static func server(holding queue: String?) async throws -> RedisClient {
        guard redisURL.contains("-cluster://"), let queue else { return redis }
        guard let master = try await RedisQueueBackend(redis: redis).master(of: queue) else { return redis }
        return redis.nodeClient(master)
    }

    private static func cpu(_ node: RedisClient) async throws -> Double {
        let info = try await node.send("INFO", "cpu").string ?? ""
        var total = 0.0
        for line in info.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0] == "used_cpu_sys" || parts[0] == "used_cpu_user" { total += Double(parts[1]) ?? 0 }
        }
        return total
    }

    /// One line of figures per job.
    func summary(jobs: Int) -> String {
        let n = Double(max(jobs, 1))
        return String(
            format: "%.4f scripts, %.2f commands, %.2f µs in scripts, %.2f µs CPU",
            Double(scripts) / n, Double(commands) / n, Double(scriptMicroseconds) / n, cpuSeconds * 1e6 / n)
    }
}

func reportCost(_ cost: RedisCost, jobs: Int) {
    report("  redis per job", cost.summary(jobs: jobs))
}

/// CPU seconds (user and system) of this process, or of its children reaped so far: with Redis's, they tell which side
/// bounds a phase.
func cpuSeconds(of who: __rusage_who = RUSAGE_SELF) -> Double {
    var usage = rusage()
    getrusage(who.rawValue, &usage)
    let time = { (value: timeval) in Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
    return time(usage.ru_utime) + time(usage.ru_stime)
}

func reportBenchCost(since cpu: Double, jobs: Int) {
    report("  bench process per job", String(format: "%.2f µs CPU", (cpuSeconds() - cpu) * 1e6 / Double(max(jobs, 1))))
}

/// Jobs of `name` that have succeeded: one ZCARD, so polling adds little to the phase's Redis figures.
func succeeded(_ name: String) async throws -> Int {
    try await redis.send("ZCARD", RedisQueueKeys(queue: name).jobs(in: .succeeded)).int ?? 0
}

func startWorkers(_ count: Int, queue name: String, concurrency: Int) throws -> [Process] {
    try (0..<count).map { _ in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["worker", name, String(concurrency)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

func stop(_ workers: [Process]) {
    for worker in workers { worker.terminate() }
    for worker in workers { worker.waitUntilExit() }
}

/// One round of the figures the side-by-side comparison with peers needs.
struct Figures {
    var batchedEnqueue = 0.0
    var endToEnd: [Int: Double] = [:]
}

// 1. Single enqueue: one job per call, 64 callers in flight.
do {
    let name = freshQueue("single")
    let total = Int(50_000 * scale)
    let cost = try await RedisCost.start(queue: name)
    let (start, cpu) = (ContinuousClock.now, cpuSeconds())
    try await concurrently(callers: 64, calls: total) { _ in
        try await queue.enqueue(JobRequest(type: "diag.noop", queue: name))
    }
    report("enqueue, single (64 concurrent callers)", String(format: "%8.0f jobs/s", Double(total) / seconds(since: start)))
    reportCost(try await cost.finish(), jobs: total)
    reportBenchCost(since: cpu, jobs: total)
}

// 2. Batched enqueue: 1,000 jobs per call, 4 calls in flight.
func batchedEnqueue() async throws -> Double {
    let name = freshQueue("batch")
    let total = Int(400_000 * scale)
    let batches = total / 1000
    let cost = try await RedisCost.start(queue: name)
    let (start, cpu) = (ContinuousClock.now, cpuSeconds())
    try await concurrently(callers: 4, calls: batches) { _ in
        _ = try await queue.enqueue((0..<1000).map { _ in JobRequest(type: "diag.noop", queue: name) })
    }
    let rate = Double(total) / seconds(since: start)
    report("enqueue, batched (1,000 per call)", String(format: "%8.0f jobs/s", rate))
    reportCost(try await cost.finish(), jobs: total)
    reportBenchCost(since: cpu, jobs: total)
    return rate
}
var rounds = [Figures(batchedEnqueue: try await batchedEnqueue())]

// 2b. On a cluster: batched enqueue into one queue per master at once. A queue's keys share one slot, so one
// queue is one master's work; throughput grows with shards only across queues.
if redisURL.contains("-cluster://") {
    var byMaster: [RedisNodeAddress: String] = [:]
    for _ in 0..<500 where byMaster.count < 3 {
        let name = freshQueue("shard")
        if let master = try await RedisQueueBackend(redis: redis).master(of: name), byMaster[master] == nil { byMaster[master] = name }
    }
    let names = Array(byMaster.values)
    let total = Int(400_000 * scale)
    let batches = total / 1000
    var costs: [RedisCost] = []
    for name in names { costs.append(try await RedisCost.start(queue: name)) }
    let start = ContinuousClock.now
    try await concurrently(callers: 4 * names.count, calls: batches) { caller in
        _ = try await queue.enqueue((0..<1000).map { _ in JobRequest(type: "diag.noop", queue: names[caller % names.count]) })
    }
    let rate = Double(total) / seconds(since: start)
    report("enqueue, batched, \(names.count) queues on \(names.count) masters", String(format: "%8.0f jobs/s", rate))
    for cost in costs { reportCost(try await cost.finish(), jobs: total / names.count) }
}

// 3. End to end: K worker processes drain a full queue of no-op jobs.
func endToEnd(processes: Int) async throws -> Double {
    let name = freshQueue("e2e")
    let total = Int(200_000 * scale)
    try await queue.pause(queue: name)
    for _ in 0..<(total / 1000) {
        _ = try await queue.enqueue((0..<1000).map { _ in JobRequest(type: "diag.noop", queue: name) })
    }
    let workersCPU = cpuSeconds(of: RUSAGE_CHILDREN)
    let workers = try startWorkers(processes, queue: name, concurrency: 256)
    try await Task.sleep(for: .milliseconds(500))
    let cost = try await RedisCost.start(queue: name)
    let start = ContinuousClock.now
    try await queue.resume(queue: name)
    while try await succeeded(name) < total {
        try await Task.sleep(for: .milliseconds(5))
    }
    let elapsed = seconds(since: start)
    let spent = try await cost.finish()
    stop(workers)
    report("end to end, no-op jobs, \(processes) worker process\(processes > 1 ? "es" : "")", String(format: "%8.0f jobs/s", Double(total) / elapsed))
    reportCost(spent, jobs: total)
    // Reaped by `stop`; from their start to their exit, so it includes starting up and half a second idle.
    report("  workers per job", String(format: "%.2f µs CPU", (cpuSeconds(of: RUSAGE_CHILDREN) - workersCPU) * 1e6 / Double(total)))
    return Double(total) / elapsed
}
for processes in [1, 2] { rounds[0].endToEnd[processes] = try await endToEnd(processes: processes) }

// 4. Pickup latency: enqueue → start, at a steady 1,000 jobs/s into idle workers.
do {
    let name = freshQueue("latency")
    let workers = try startWorkers(2, queue: name, concurrency: 64)
    try await Task.sleep(for: .milliseconds(500))
    let count = Int(5_000 * scale)
    var ids: [String] = []
    let start = ContinuousClock.now
    for index in 0..<count {
        let due = start + .microseconds(Int64(index) * 1000)
        if due > ContinuousClock.now { try await Task.sleep(until: due) }
        ids.append(try await queue.enqueue(JobRequest(type: "diag.noop", queue: name)).id)
    }
    while try await succeeded(name) < count {
        try await Task.sleep(for: .milliseconds(10))
    }
    stop(workers)
    var latencies: [Double] = []
    for id in ids {
        // The record, not the job hash: the hash packs created_at into its spec field.
        if let record = try await RedisQueueBackend(redis: redis).job(id, queue: name), let started = record.startedAt {
            latencies.append(((started.timeIntervalSince1970 - record.createdAt.timeIntervalSince1970) * 1000).rounded())
        }
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    // The job hash stamps whole milliseconds, so a difference of 0 means under a millisecond.
    func milliseconds(_ value: Double) -> String { value < 1 ? "     < 1 ms" : String(format: "%8.0f ms", value) }
    report("pickup latency at 1,000 jobs/s (2 workers), p50", milliseconds(percentile(0.5)))
    report("pickup latency at 1,000 jobs/s (2 workers), p99", milliseconds(percentile(0.99)))
    report("pickup latency at 1,000 jobs/s (2 workers), max", milliseconds(latencies.last ?? 0))
}
// 5. Side by side (BENCH_PEERS=1): Sidekiq's bench on the same redis-server (database 5), then the ratios. The
// machine's speed drifts by a fifth or more within a minute, so BENCH_ROUNDS rounds (default 5) alternate the two:
// each round runs Sidekiq's bench right after this bench's batched enqueue and end-to-end phases (the first round's
// are those above), and each ratio is taken within its round.
struct Peer {
    var bulk: Double
    var endToEnd: Double
}

func sidekiq() async throws -> Peer {
    let script = (environment["BENCH_PEERS_DIR"] ?? "../shared/peers") + "/sidekiq_bench.rb"
    let jobs = Int(20_000 * scale)
    var url = redisURL
    if let slash = url.lastIndex(of: "/"), url[url.index(after: slash)...].allSatisfy(\.isNumber) { url = String(url[..<slash]) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["ruby", script, String(jobs), url + "/5"]
    let output = Pipe()
    process.standardOutput = output
    // Sidekiq 6.4 with redis-rb 4.x warns about SADD on every push_bulk; its figures come on standard output.
    process.standardError = FileHandle.nullDevice
    let cost = try await RedisCost.start()
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let spent = try await cost.finish()
    // The script prints `sidekiq 6.4.1 N=20000 enqueue=93197/s drain=4600/s end_to_end=4498/s`.
    var peer: [String: Double] = [:]
    for field in text.split(whereSeparator: \.isWhitespace) {
        let parts = field.split(separator: "=", maxSplits: 1)
        if parts.count == 2 { peer[String(parts[0])] = Double(parts[1].replacingOccurrences(of: "/s", with: "")) }
    }
    guard process.terminationStatus == 0, let bulk = peer["enqueue"], let endToEnd = peer["end_to_end"] else {
        print("sidekiq bench failed (exit \(process.terminationStatus)): \(text)")
        exit(1)
    }
    let version = text.split(separator: " ").dropFirst().first.map(String.init) ?? "?"
    report("sidekiq \(version) push_bulk (1,000 per call)", String(format: "%8.0f jobs/s", bulk))
    report("sidekiq end to end, INCR jobs, 2 processes", String(format: "%8.0f jobs/s", endToEnd))
    report("  redis per job (push_bulk + drain)", spent.summary(jobs: jobs))
    return Peer(bulk: bulk, endToEnd: endToEnd)
}

/// Deletes every key of the bench's queues, so a round starts on a keyspace the size of the first round's, as
/// Sidekiq's bench flushes its database each time: left in place, the million job hashes a round adds made each later
/// round's enqueue cost Redis more (7.6, 8.2, 8.3 µs a job in one run). DEL, not UNLINK: freeing in the background would
/// run into the next phase.
func clearBenchQueues() async throws {
    var cursor = "0"
    repeat {
        let reply = try await redis.send("SCAN", cursor, "MATCH", "aips:{bench-*", "COUNT", "10000").array ?? []
        cursor = reply.first?.string ?? "0"
        let keys = (reply.count > 1 ? reply[1].array ?? [] : []).compactMap(\.string)
        if !keys.isEmpty { _ = try await redis.send(["DEL"] + keys) }
    } while cursor != "0"
}

/// The middle value; with an even count, the mean of the two middle ones.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

if environment["BENCH_PEERS"] == "1" {
    let count = max(1, Int(environment["BENCH_ROUNDS"] ?? "5") ?? 5)
    var peers = [try await sidekiq()]
    for round in stride(from: 2, through: count, by: 1) {
        print("== round \(round) of \(count)")
        try await clearBenchQueues()
        var figures = Figures(batchedEnqueue: try await batchedEnqueue())
        for processes in [1, 2] { figures.endToEnd[processes] = try await endToEnd(processes: processes) }
        rounds.append(figures)
        peers.append(try await sidekiq())
    }
    print("== side by side: each ratio within one round, then the median of the rounds")
    func ratios(_ label: String, goal: Double, _ ratio: (Figures, Peer) -> Double) {
        let values = zip(rounds, peers).map(ratio)
        let each = values.map { String(format: "%.2f×", $0) }.joined(separator: " ")
        let met = values.filter { $0 >= goal }.count
        report("ratio: \(label)", String(format: "%8.2f× median (goal %.1f×)", median(values), goal)
            + "; rounds \(each), goal met in \(met) of \(values.count)")
    }
    ratios("batched enqueue / push_bulk", goal: 1.5) { $0.batchedEnqueue / $1.bulk }
    for processes in [1, 2] {
        ratios("end to end, \(processes) process\(processes > 1 ? "es" : "") / sidekiq", goal: 5) {
            ($0.endToEnd[processes] ?? 0) / $1.endToEnd
        }
    }
}
redis.close()
