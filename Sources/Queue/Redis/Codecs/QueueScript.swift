import Redis

/// Writes one script's ARGV, in the order its Lua reads it.
protocol ScriptArguments {
    func encoded() throws -> [String]
}

/// Reads one script's reply.
protocol ScriptReply {
    init(reply: RedisValue) throws
}

/// One element of a reply that holds one answer per job.
protocol ScriptReplyElement {
    init(element: RedisValue)
}

extension Array: ScriptReply where Element: ScriptReplyElement {
    init(reply: RedisValue) { self = (reply.array ?? []).map(Element.init(element:)) }
}

/// A count (or any number) the script returns.
extension Int: ScriptReply {
    init(reply: RedisValue) { self = reply.int ?? 0 }
}

/// 1 for yes.
extension Bool: ScriptReply, ScriptReplyElement {
    init(reply: RedisValue) { self = reply.int == 1 }
    init(element: RedisValue) { self = element.int == 1 }
}

/// A queue's Lua script with its argument and reply types: callers pass values and get values back.
struct QueueScript<Arguments: ScriptArguments, Reply: ScriptReply>: Sendable {
    let script: RedisScript

    init(_ name: String, _ body: String) {
        script = RedisScript(name: name, source: QueueScripts.prelude + body)
    }

    /// Runs the script on the queue whose keys are `keys`.
    func run(on redis: RedisClient, _ keys: RedisQueueKeys, _ arguments: Arguments) async throws -> Reply {
        try Reply(reply: try await redis.run(script, keys: [keys.meta], arguments: arguments.encoded()))
    }
}

/// Reads a flat array reply front to back, so no caller counts indexes.
struct RedisReplyReader {
    private var rest: ArraySlice<RedisValue>

    init(_ reply: RedisValue) { rest = (reply.array ?? [])[...] }

    /// How many values are left.
    var remaining: Int { rest.count }

    mutating func next() -> RedisValue? { rest.popFirst() }
    mutating func string() -> String? { next()?.string }
    mutating func int() -> Int? { next()?.int }
}
