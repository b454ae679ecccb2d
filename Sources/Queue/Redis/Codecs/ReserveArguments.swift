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

/// `reserve`'s reply: `{status, hint, then 9 fields per leased job}`; status is `ok` or `paused`,
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

        static let fields = 9

        init(_ reader: inout RedisReplyReader) {
            id = reader.string() ?? ""
            type = reader.string() ?? ""
            payload = reader.string() ?? "null"
            attempt = reader.int() ?? 1
            maxAttempts = reader.int() ?? 1
            timeout = .milliseconds(reader.int() ?? 1_800_000)
            token = reader.string() ?? ""
            createdAt = Date(timeIntervalSince1970: Double(reader.int() ?? 0) / 1000)
            readyAt = Date(timeIntervalSince1970: Double(reader.int() ?? 0) / 1000)
        }

        func job(queue: String) -> ReservedJob {
            ReservedJob(
                id: id, type: type, queue: queue, payload: payload, attempt: attempt, maxAttempts: maxAttempts,
                timeout: timeout, leaseToken: token, createdAt: createdAt, readyAt: readyAt)
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
