/// In-flight commands in send order; replies arrive in the same order, so removal is almost always at the head.
struct CommandFIFO {
    private var items: [RedisConnectionStateMachine.Pending] = []
    private var head = 0

    var first: RedisConnectionStateMachine.Pending? { head < items.count ? items[head] : nil }

    var count: Int { items.count - head }

    mutating func append(_ pending: RedisConnectionStateMachine.Pending) { items.append(pending) }

    mutating func popFirst() -> RedisConnectionStateMachine.Pending? {
        guard head < items.count else { return nil }
        let pending = items[head]
        head += 1
        compact()
        return pending
    }

    /// Removes `command`, which is the first one unless the connection is being torn down; false if absent.
    mutating func remove(_ command: RedisCommand) -> Bool {
        if head < items.count, items[head].command === command {
            head += 1
        } else if let index = items[head...].firstIndex(where: { $0.command === command }) {
            items.remove(at: index)
        } else {
            return false
        }
        compact()
        return true
    }

    private mutating func compact() {
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
    }
}
