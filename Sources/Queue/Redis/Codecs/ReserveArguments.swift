import Essentials
import Foundation
import Redis

/// ARGV of `reserve`: now, worker, lease ms, max jobs, lease token prefix.
struct ReserveArguments: ScriptArguments {
    var now: Int64
    var worker: String
    var lease: Duration
    var max: Int
    /// Unique per call; each job's token is this prefix and its attempt.
    var tokenPrefix: String

    func encoded() -> [String] { [String(now), worker, String(lease.milliseconds), String(max), tokenPrefix] }
}

/// `reserve`'s reply: `{status, hint, then 11 fields per leased job}`; status is `ok` or `paused`,
/// hint when to look again (ms epoch, -1 unknown).
struct ReserveReply: ScriptReply {
    /// One leased job, before it is given its queue.
    struct Leased {
        var id: String
        var type: String
        var payload: String
        var attempt: Int
        var maxAttempts: Int
        var timeout: Duration
        var token: String
        var createdAt: Date
        var readyAt: Date
        var traceparent: String?

        static let fields = 11

        /// Reads id, spec, payload, attempt and token, then the job's own type, max attempts, timeout, created-at
        /// and run-at: each nil where the spec holds it (see `JobSpec`), all five set in a hash older than the spec; then
        /// the submitter's trace, if any.
        init(_ reader: inout RedisReplyReader) {
            id = reader.string() ?? ""
            let spec = reader.string().flatMap(JobSpec.values(of:)) ?? []
            func packed(_ name: String) -> Substring? {
                guard let index = JobSpec.names.firstIndex(of: name), index < spec.count else { return nil }
                return spec[index]
            }
            func number(_ name: String) -> Int? { reader.int() ?? packed(name).flatMap { Int($0) } }
            payload = reader.string() ?? "null"
            attempt = reader.int() ?? 1
            token = reader.string() ?? ""
            type = reader.string() ?? packed("type").map(String.init) ?? ""
            maxAttempts = number("max_attempts") ?? 1
            timeout = .milliseconds(number("timeout_ms") ?? 1_800_000)
            let created = number("created_at") ?? 0
            createdAt = Date(timeIntervalSince1970: Double(created) / 1000)
            readyAt = Date(timeIntervalSince1970: Double(number("run_at") ?? created) / 1000)
            traceparent = reader.string()
        }

        func job(queue: String) -> ReservedJob {
            ReservedJob(
                id: id, type: type, queue: queue, payload: payload, attempt: attempt, maxAttempts: maxAttempts,
                timeout: timeout, leaseToken: token, createdAt: createdAt, readyAt: readyAt, traceparent: traceparent)
        }
    }

    var paused: Bool
    var nextCheck: Date?
    var jobs: [Leased]

    init(reply: RedisValue) throws {
        var reader = RedisReplyReader(reply)
        guard reader.remaining >= 2 else { throw QueueError(.invalidState, "unexpected reply from reserve") }
        paused = reader.string() == "paused"
        let hint = reader.int() ?? -1
        nextCheck = hint >= 0 ? Date(timeIntervalSince1970: Double(hint) / 1000) : nil
        jobs = []
        while reader.remaining >= Leased.fields { jobs.append(Leased(&reader)) }
    }
}
