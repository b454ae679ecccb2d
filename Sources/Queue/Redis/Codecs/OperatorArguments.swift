import Essentials
import Redis

/// ARGV of `cancel`: id, now, archive flag.
struct CancelArguments: ScriptArguments {
    var id: String
    var now: Int64
    var archive: Bool

    func encoded() -> [String] { [id, String(now), archive ? "1" : "0"] }
}

/// `cancel` answers `cancelled`, `requested`, `missing` or `finished:STATE`.
extension CancelResult: ScriptReply {
    init(reply: RedisValue) {
        switch reply.string ?? "" {
        case "cancelled": self = .cancelled
        case "requested": self = .requested
        case let text where text.hasPrefix("finished:"):
            self = JobState(rawValue: String(text.dropFirst("finished:".count))).map(CancelResult.finished) ?? .missing
        default: self = .missing
        }
    }
}

/// ARGV of `retry`: id, now.
struct RetryArguments: ScriptArguments {
    var id: String
    var now: Int64

    func encoded() -> [String] { [id, String(now)] }
}

/// `retry` answers `queued`, `missing` or `not-finished:STATE`.
extension RetryResult: ScriptReply {
    init(reply: RedisValue) {
        switch reply.string ?? "" {
        case "queued": self = .queued
        case let text where text.hasPrefix("not-finished:"):
            self = JobState(rawValue: String(text.dropFirst("not-finished:".count))).map(RetryResult.notFinished) ?? .missing
        default: self = .missing
        }
    }
}

/// ARGV of `delete`: id. The reply says whether the job existed.
struct DeleteArguments: ScriptArguments {
    var id: String

    func encoded() -> [String] { [id] }
}

/// ARGV of `prune`: now, finished retention ms, dead retention ms, max. The reply is how many were deleted.
struct PruneArguments: ScriptArguments {
    var now: Int64
    var finishedRetention: Duration
    var deadRetention: Duration
    var max: Int

    func encoded() -> [String] {
        [String(now), String(finishedRetention.milliseconds), String(deadRetention.milliseconds), String(max)]
    }
}

/// ARGV of `ready`: offset, limit (0: the count alone).
struct ReadyPageArguments: ScriptArguments {
    var offset: Int
    var limit: Int

    func encoded() -> [String] { [String(offset), String(limit)] }
}

/// `ready` answers the number of ready jobs, then the ids of the page asked for.
struct ReadyPage: ScriptReply {
    var count: Int
    var ids: [String]

    init(reply: RedisValue) {
        var reader = RedisReplyReader(reply)
        count = reader.int() ?? 0
        ids = []
        while reader.remaining > 0 {
            if let id = reader.string() { ids.append(id) }
        }
    }
}
