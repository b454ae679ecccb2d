import Foundation
import Queue
import Redis

// Queue throughput and latency against a real redis-server, printed as figures.
// Run through bench/queue.sh, which builds in release mode and starts a private Redis.

let environment = ProcessInfo.processInfo.environment
let redisURL = environment["REDIS_URL"] ?? "redis://127.0.0.1:6379/0"
let aips = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("aips").path
let scale = Double(environment["BENCH_SCALE"] ?? "1") ?? 1
let redis = RedisClient(configuration: try RedisConfiguration(url: redisURL))
let queue = JobQueue(redis: redis)

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func freshQueue(_ name: String) -> String { "bench-\(name)-\(UInt32.random(in: 0...UInt32.max))" }

func report(_ label: String, _ value: String) {
    print(label.padding(toLength: 52, withPad: " ", startingAt: 0) + value)
}

func startWorkers(_ count: Int, queue name: String, concurrency: Int) throws -> [Process] {
    try (0..<count).map { _ in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: aips)
        process.arguments = ["worker", "--queues", name, "--concurrency", String(concurrency), "--redis-url", redisURL]
        var env = environment
        env["LOG_LEVEL"] = "error"
        process.environment = env
        try process.run()
        return process
    }
}

func stop(_ workers: [Process]) {
    for worker in workers { worker.terminate() }
    for worker in workers { worker.waitUntilExit() }
}

// 1. Single enqueue: one job per call, 64 callers in flight.
do {
    let name = freshQueue("single")
    let total = Int(50_000 * scale)
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for caller in 0..<64 {
            group.addTask {
                for _ in stride(from: caller, to: total, by: 64) {
                    try await queue.enqueue(JobRequest(type: "diag.noop", queue: name))
                }
            }
        }
        try await group.waitForAll()
    }
    report("enqueue, single (64 concurrent callers)", String(format: "%8.0f jobs/s", Double(total) / seconds(since: start)))
}

// 2. Batched enqueue: 1,000 jobs per call, 4 calls in flight.
do {
    let name = freshQueue("batch")
    let total = Int(400_000 * scale)
    let batches = total / 1000
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for caller in 0..<4 {
            group.addTask {
                for _ in stride(from: caller, to: batches, by: 4) {
                    _ = try await queue.enqueue((0..<1000).map { _ in JobRequest(type: "diag.noop", queue: name) })
                }
            }
        }
        try await group.waitForAll()
    }
    report("enqueue, batched (1,000 per call)", String(format: "%8.0f jobs/s", Double(total) / seconds(since: start)))
}

// 3. End to end: K worker processes drain a full queue of no-op jobs.
for processes in [1, 2] {
    let name = freshQueue("e2e")
    let total = Int(200_000 * scale)
    try await queue.pause(queue: name)
    for _ in 0..<(total / 1000) {
        _ = try await queue.enqueue((0..<1000).map { _ in JobRequest(type: "diag.noop", queue: name) })
    }
    let workers = try startWorkers(processes, queue: name, concurrency: 256)
    try await Task.sleep(for: .milliseconds(500))
    let start = ContinuousClock.now
    try await queue.resume(queue: name)
    while try await queue.stats(queue: name).counts[.succeeded, default: 0] < total {
        try await Task.sleep(for: .milliseconds(5))
    }
    let elapsed = seconds(since: start)
    stop(workers)
    report("end to end, no-op jobs, \(processes) worker process\(processes > 1 ? "es" : "")", String(format: "%8.0f jobs/s", Double(total) / elapsed))
}

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
    while try await queue.stats(queue: name).counts[.succeeded, default: 0] < count {
        try await Task.sleep(for: .milliseconds(10))
    }
    stop(workers)
    var latencies: [Double] = []
    for id in ids {
        let fields = try await redis.send("HMGET", "aips:{\(name)}:job:\(id)", "created_at", "started_at").array ?? []
        if let created = fields.first?.int, let started = fields.last?.int { latencies.append(Double(started - created)) }
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    // The job hash stamps whole milliseconds, so a difference of 0 means under a millisecond.
    func milliseconds(_ value: Double) -> String { value < 1 ? "     < 1 ms" : String(format: "%8.0f ms", value) }
    report("pickup latency at 1,000 jobs/s (2 workers), p50", milliseconds(percentile(0.5)))
    report("pickup latency at 1,000 jobs/s (2 workers), p99", milliseconds(percentile(0.99)))
    report("pickup latency at 1,000 jobs/s (2 workers), max", milliseconds(latencies.last ?? 0))
}
redis.close()
