import ArgumentParser
import Foundation
import Queue
import Redis

/// `aips enqueue TYPE`: submits one job (or many copies, for load and smoke tests).
struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue", abstract: "Submit a job: its type, JSON payload and options.")

    @OptionGroup var redis: RedisOptions

    @Argument(help: "Job type, e.g. diag.noop.")
    var type: String

    @Option(help: "JSON payload.")
    var payload: String = "{}"

    @Option(help: "Queue name.")
    var queue: String = "default"

    @Option(help: "0 (first) to 9 (last).")
    var priority: Int = 0

    @Option(help: "Seconds to wait before the job may run.")
    var delay: Double?

    @Option(name: .customLong("max-attempts"), help: "Attempts before the job is dead.")
    var maxAttempts: Int = 5

    @Option(help: "Seconds one attempt may run.")
    var timeout: Double = 1800

    @Option(name: .customLong("idempotency-key"), help: "A second submit with this key returns the first job.")
    var idempotencyKey: String?

    @Option(name: .customLong("depends-on"), help: "Comma-separated ids of jobs that must succeed first.")
    var dependsOn: String?

    @Option(help: "Submit this many copies, in batches (for load tests).")
    var count: Int = 1

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        try await redis.withQueue { jobs in
            let requests = (0..<max(1, count)).map { _ in
                var request = JobRequest(
                    type: type, queue: queue, payload: payload, priority: priority,
                    runAt: delay.map { Date().addingTimeInterval($0) }, maxAttempts: maxAttempts,
                    timeout: .milliseconds(Int64(timeout * 1000)), idempotencyKey: idempotencyKey,
                    dependsOn: dependsOn.map { $0.split(separator: ",").map(String.init) } ?? [])
                if count > 1 { request.idempotencyKey = nil }
                return request
            }
            var results: [EnqueueResult] = []
            for start in stride(from: 0, to: requests.count, by: 1000) {
                results += try await jobs.enqueue(Array(requests[start..<min(start + 1000, requests.count)]))
            }
            if json {
                let lines = results.map { #"{"id":"\#($0.id)","created":\#($0.created)}"# }
                print(results.count == 1 ? lines[0] : "[" + lines.joined(separator: ",") + "]")
            } else if results.count == 1 {
                print(results[0].created ? results[0].id : "\(results[0].id) (existing job for this idempotency key)")
            } else {
                print("enqueued \(results.count) jobs on \(queue)")
            }
        }
    }
}
