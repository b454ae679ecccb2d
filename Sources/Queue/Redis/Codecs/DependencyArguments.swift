import Redis

/// ARGV of `attach` (run on the parent's queue): parent id, child queue, child id.
struct AttachArguments: ScriptArguments {
    var parent: String
    var child: JobReference

    func encoded() -> [String] { [parent, child.queue, child.id] }
}

/// `attach` answers `attached`, the parent's final state, or `missing`.
extension AttachResult: ScriptReply {
    init(reply: RedisValue) {
        let text = reply.string ?? "missing"
        self = text == "attached" ? .attached : .ended(ParentOutcome(text: text))
    }
}

/// ARGV of `resolve` (run on the child's queue): child id, parent id, parent outcome, now, archive flag.
struct ResolveArguments: ScriptArguments {
    var child: String
    var parent: String
    var outcome: ParentOutcome
    var now: Int64
    var archive: Bool

    func encoded() -> [String] { [child, parent, outcome.text, String(now), archive ? "1" : "0"] }
}

/// ARGV of `outbox-peek`: max parents.
struct OutboxPeekArguments: ScriptArguments {
    var max: Int

    func encoded() -> [String] { [String(max)] }
}

/// `outbox-peek`'s reply: per parent `{id, state, n, then n children as "queue\nid"}`.
struct OutboxReply: ScriptReply {
    var parents: [FinishedParent] = []

    init(reply: RedisValue) {
        var reader = RedisReplyReader(reply)
        while reader.remaining >= 3 {
            let id = reader.string() ?? ""
            let outcome = ParentOutcome(text: reader.string() ?? "missing")
            let count = reader.int() ?? 0
            var children: [JobReference] = []
            for _ in 0..<count {
                let parts = (reader.string() ?? "").split(separator: "\n", maxSplits: 1).map(String.init)
                if parts.count == 2 { children.append(JobReference(queue: parts[0], id: parts[1])) }
            }
            parents.append(FinishedParent(id: id, outcome: outcome, children: children))
        }
    }
}

/// ARGV of `outbox-ack`: the parents whose children heard.
struct OutboxAckArguments: ScriptArguments {
    var parents: [String]

    func encoded() -> [String] { parents }
}
