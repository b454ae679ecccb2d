import Essentials
import Foundation
import Redis

/// ARGV of `heartbeat`: now, lease ms, then (id, token) per lease.
struct HeartbeatArguments: ScriptArguments {
    var now: Int64
    var lease: Duration
    var leases: [JobLease]

    func encoded() -> [String] {
        var arguments = [String(now), String(lease.milliseconds)]
        for item in leases { arguments += [item.id, item.token] }
        return arguments
    }
}

/// `heartbeat` answers 1 (extended), 2 (extended, cancel requested) or 0 (lost) per lease.
extension JobQueue.LeaseStatus: ScriptReplyElement {
    init(element: RedisValue) { self = Self(rawValue: element.int ?? 0) ?? .lost }
}

/// ARGV of `complete`: now, archive flag, then (id, token, result) per job.
struct CompleteArguments: ScriptArguments {
    var now: Int64
    var archive: Bool
    var jobs: [JobCompletion]

    func encoded() -> [String] {
        var arguments = [String(now), archive ? "1" : "0"]
        for job in jobs { arguments += [job.lease.id, job.lease.token, job.result] }
        return arguments
    }
}

/// ARGV of `fail`: now, archive flag, then (id, token, error JSON, mode, jitter) per job.
struct FailArguments: ScriptArguments {
    /// One failed attempt; `jitter` in 0..<1 spreads the retry over ±25 % of the backoff.
    struct Failure {
        var failure: JobFailure
        var jitter: Double
    }

    var now: Int64
    var archive: Bool
    var failures: [Failure]

    func encoded() throws -> [String] {
        var arguments = [String(now), archive ? "1" : "0"]
        for item in failures {
            let error = String(decoding: try JSONEncoder.sortedKeys.encode(item.failure.error), as: UTF8.self)
            arguments += [item.failure.lease.id, item.failure.lease.token, error, item.failure.mode.rawValue, String(item.jitter)]
        }
        return arguments
    }
}

/// `fail` answers the new state per job (`retrying`, `dead`, `cancelled`), or `lost`.
extension Optional: ScriptReplyElement where Wrapped == JobState {
    init(element: RedisValue) { self = element.string.flatMap(JobState.init(rawValue:)) }
}

/// ARGV of `release`: now, then (id, token) per lease.
struct ReleaseArguments: ScriptArguments {
    var now: Int64
    var leases: [JobLease]

    func encoded() -> [String] {
        var arguments = [String(now)]
        for item in leases { arguments += [item.id, item.token] }
        return arguments
    }
}

/// ARGV of `progress`: id, token, percent, message, now.
struct ProgressArguments: ScriptArguments {
    var lease: JobLease
    var percent: Int
    var message: String
    var now: Int64

    func encoded() -> [String] { [lease.id, lease.token, String(percent), message, String(now)] }
}

/// ARGV of `reap`: now, archive flag, max. The reply is how many leases expired.
struct ReapArguments: ScriptArguments {
    var now: Int64
    var archive: Bool
    var max: Int

    func encoded() -> [String] { [String(now), archive ? "1" : "0", String(max)] }
}
